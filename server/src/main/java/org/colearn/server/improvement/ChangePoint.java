package org.colearn.server.improvement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/** A period a site's team marked on a measure's chart: a change took hold there, so the limits start again. */
@Entity
@Table(name = "chart_change_point")
class ChangePoint {

    @Id
    private UUID id;

    @Column(name = "measure_id", nullable = false)
    private UUID measureId;

    @Column(name = "site_id", nullable = false)
    private UUID siteId;

    @Column(nullable = false)
    private LocalDate period;

    @Column(name = "marked_by", nullable = false, length = 160)
    private String markedBy;

    @Column(name = "marked_at", nullable = false)
    private Instant markedAt;

    protected ChangePoint() {}

    ChangePoint(UUID measureId, UUID siteId, LocalDate period, String markedBy, Instant markedAt) {
        this.id = UUID.randomUUID();
        this.measureId = measureId;
        this.siteId = siteId;
        this.period = period;
        this.markedBy = markedBy;
        this.markedAt = markedAt;
    }

    LocalDate period() {
        return period;
    }

    UUID siteId() {
        return siteId;
    }

    /** The periods each site's team marked on the measure's chart, by site, in time order. */
    static Map<UUID, List<LocalDate>> bySite(Session session, UUID measureId) {
        Map<UUID, List<LocalDate>> marked = new HashMap<>();
        session.createSelectionQuery("from ChangePoint where measureId = :m order by period", ChangePoint.class)
                .setParameter("m", measureId)
                .getResultList()
                .forEach(c -> marked.computeIfAbsent(c.siteId(), s -> new ArrayList<>()).add(c.period()));
        return marked;
    }
}
