package org.colearn.server.improvement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

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
}
