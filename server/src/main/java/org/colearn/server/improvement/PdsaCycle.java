package org.colearn.server.improvement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One plan–do–study–act cycle of a site testing a change idea, dated so that it shows on the site's charts. */
@Entity
@Table(name = "pdsa_cycle")
class PdsaCycle {

    @Id
    private UUID id;

    @Column(name = "collaborative_id", nullable = false)
    private UUID collaborativeId;

    @Column(name = "site_id", nullable = false)
    private UUID siteId;

    @Column(name = "measure_id")
    private UUID measureId;

    @Column(name = "change_idea", nullable = false, length = 200)
    private String changeIdea;

    @Column(nullable = false, length = 4000)
    private String plan;

    @Column(nullable = false, length = 4000)
    private String prediction;

    @Column(name = "planned_on", nullable = false)
    private LocalDate plannedOn;

    @Column(length = 4000)
    private String done;

    @Column(name = "done_on")
    private LocalDate doneOn;

    @Column(length = 4000)
    private String study;

    @Column(name = "studied_on")
    private LocalDate studiedOn;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 20)
    private Act act;

    @Column(name = "act_note", length = 4000)
    private String actNote;

    @Column(name = "acted_on")
    private LocalDate actedOn;

    @Column(name = "created_by", nullable = false, length = 160)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PdsaCycle() {}

    PdsaCycle(UUID collaborativeId, UUID siteId, String createdBy, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.collaborativeId = collaborativeId;
        this.siteId = siteId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void write(PdsaRequest r, Instant at) {
        this.changeIdea = r.changeIdea().strip();
        this.plan = r.plan().strip();
        this.prediction = r.prediction().strip();
        this.plannedOn = r.plannedOn();
        this.measureId = r.measureId();
        this.done = blankToNull(r.done());
        this.doneOn = r.doneOn();
        this.study = blankToNull(r.study());
        this.studiedOn = r.studiedOn();
        this.act = r.act();
        this.actNote = blankToNull(r.actNote());
        this.actedOn = r.actedOn();
        this.updatedAt = at;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    record View(UUID id, UUID siteId, UUID measureId, String changeIdea, String plan, String prediction, LocalDate plannedOn,
            String done, LocalDate doneOn, String study, LocalDate studiedOn, Act act, String actNote, LocalDate actedOn,
            String createdBy, Instant updatedAt) {}

    View view() {
        return new View(id, siteId, measureId, changeIdea, plan, prediction, plannedOn, done, doneOn, study, studiedOn, act,
                actNote, actedOn, createdBy, updatedAt);
    }

    UUID id() {
        return id;
    }

    UUID siteId() {
        return siteId;
    }

    UUID measureId() {
        return measureId;
    }
}
