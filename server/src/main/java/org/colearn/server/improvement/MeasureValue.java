package org.colearn.server.improvement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A site's value of a measure for one period, as last entered; a period with no row is missing, never zero. */
@Entity
@Table(name = "measure_value")
class MeasureValue {

    @Id
    private UUID id;

    @Column(name = "measure_id", nullable = false)
    private UUID measureId;

    @Column(name = "site_id", nullable = false)
    private UUID siteId;

    @Column(nullable = false)
    private LocalDate period;

    private Double numerator;

    private Double denominator;

    private Double amount;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, length = 160)
    private String changedBy;

    protected MeasureValue() {}

    MeasureValue(UUID measureId, UUID siteId, LocalDate period) {
        this.id = UUID.randomUUID();
        this.measureId = measureId;
        this.siteId = siteId;
        this.period = period;
    }

    void set(Entry entry, String by, Instant at) {
        this.numerator = entry.numerator();
        this.denominator = entry.denominator();
        this.amount = entry.amount();
        this.changedBy = by;
        this.changedAt = at;
    }

    Entry entry() {
        return new Entry(period, numerator, denominator, amount);
    }

    UUID siteId() {
        return siteId;
    }

    LocalDate period() {
        return period;
    }

    Instant changedAt() {
        return changedAt;
    }

    String changedBy() {
        return changedBy;
    }
}
