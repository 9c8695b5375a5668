package org.colearn.server.buddies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A planned peer-review visit between a pair's sites, with its declared purpose: support or assurance, since
 * accountability inhibits the frankness that support needs.
 */
@Entity
@Table(name = "buddy_visit")
public class Visit {

    static final java.util.Set<String> PURPOSES = java.util.Set.of("support", "assurance");

    @Id
    private UUID id;

    @Column(name = "pair_id", nullable = false)
    private UUID pairId;

    @Column(name = "host_site_id", nullable = false)
    private UUID hostSiteId;

    @Column(name = "visiting_site_id", nullable = false)
    private UUID visitingSiteId;

    @Column(nullable = false, length = 20)
    private String purpose;

    @Column(name = "planned_on", nullable = false)
    private LocalDate plannedOn;

    @Column(length = 2000)
    private String note;

    @Column(name = "author_id", nullable = false)
    private UUID authorId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Visit() {}

    Visit(UUID pairId, UUID hostSiteId, UUID visitingSiteId, String purpose, LocalDate plannedOn, String note,
            UUID authorId, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.pairId = pairId;
        this.hostSiteId = hostSiteId;
        this.visitingSiteId = visitingSiteId;
        this.purpose = purpose;
        this.plannedOn = plannedOn;
        this.note = note;
        this.authorId = authorId;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    UUID pairId() {
        return pairId;
    }

    UUID hostSiteId() {
        return hostSiteId;
    }

    UUID visitingSiteId() {
        return visitingSiteId;
    }

    String purpose() {
        return purpose;
    }

    LocalDate plannedOn() {
        return plannedOn;
    }

    String note() {
        return note;
    }

    UUID authorId() {
        return authorId;
    }
}
