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

/** One write of a period's value, kept for ever: who entered or corrected what, when, and by which route. */
@Entity
@Table(name = "measure_value_change")
class ValueChange {

    /** How a value arrived. */
    enum Source {
        FORM,
        CSV,
        API;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

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

    @Column(nullable = false)
    private boolean removed;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private Source source;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, length = 160)
    private String changedBy;

    protected ValueChange() {}

    ValueChange(UUID measureId, UUID siteId, Entry entry, boolean removed, Source source, String by, Instant at) {
        this.id = UUID.randomUUID();
        this.measureId = measureId;
        this.siteId = siteId;
        this.period = entry.period();
        this.numerator = removed ? null : entry.numerator();
        this.denominator = removed ? null : entry.denominator();
        this.amount = removed ? null : entry.amount();
        this.removed = removed;
        this.source = source;
        this.changedBy = by;
        this.changedAt = at;
    }

    Entry entry() {
        return new Entry(period, numerator, denominator, amount);
    }

    boolean removed() {
        return removed;
    }

    Source source() {
        return source;
    }

    Instant changedAt() {
        return changedAt;
    }

    String changedBy() {
        return changedBy;
    }
}
