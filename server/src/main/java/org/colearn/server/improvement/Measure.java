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

/** A measure: a collaborative's common one (no site) or a site's own, with its operational definition. */
@Entity
@Table(name = "measure")
class Measure {

    @Id
    private UUID id;

    @Column(name = "collaborative_id", nullable = false)
    private UUID collaborativeId;

    @Column(name = "site_id")
    private UUID siteId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 4000)
    private String definition;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private MeasureKind kind;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private Frequency frequency;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private Better better;

    @Column(name = "numerator_label", length = 200)
    private String numeratorLabel;

    @Column(name = "denominator_label", length = 200)
    private String denominatorLabel;

    @Column(name = "per_unit")
    private Integer perUnit;

    private Double goal;

    @Column(name = "baseline_from")
    private LocalDate baselineFrom;

    @Column(name = "baseline_to")
    private LocalDate baselineTo;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Measure() {}

    Measure(UUID collaborativeId, UUID siteId, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.collaborativeId = collaborativeId;
        this.siteId = siteId;
        this.createdAt = createdAt;
    }

    void define(MeasureRequest request) {
        this.name = request.name().strip();
        this.definition = request.definition().strip();
        this.kind = request.kind();
        this.frequency = request.frequency();
        this.better = request.better();
        this.numeratorLabel = request.kind().needsDenominator() ? request.numeratorLabel().strip() : null;
        this.denominatorLabel = request.kind().needsDenominator() ? request.denominatorLabel().strip() : null;
        this.perUnit = request.kind() == MeasureKind.PROPORTION ? Integer.valueOf(100)
                : request.kind() == MeasureKind.RATE ? request.perUnit() : null;
        this.goal = request.goal();
        this.baselineFrom = request.baseline() == null ? null : periodOf(request.baseline().from());
        this.baselineTo = request.baseline() == null ? null : periodOf(request.baseline().to());
    }

    /** The period a day falls in; for days between events, the day itself. */
    LocalDate periodOf(LocalDate day) {
        return kind == MeasureKind.DAYS_BETWEEN ? day : frequency.start(day);
    }

    UUID id() {
        return id;
    }

    UUID collaborativeId() {
        return collaborativeId;
    }

    /** The site whose own measure this is; null for the collaborative's common measures. */
    UUID siteId() {
        return siteId;
    }

    String name() {
        return name;
    }

    String definition() {
        return definition;
    }

    MeasureKind kind() {
        return kind;
    }

    Frequency frequency() {
        return frequency;
    }

    Better better() {
        return better;
    }

    String numeratorLabel() {
        return numeratorLabel;
    }

    String denominatorLabel() {
        return denominatorLabel;
    }

    /** What a proportion or rate is multiplied by for display: 100 for a percentage, 1,000 for "per 1,000 bed days". */
    Integer perUnit() {
        return perUnit;
    }

    Double goal() {
        return goal;
    }

    LocalDate baselineFrom() {
        return baselineFrom;
    }

    LocalDate baselineTo() {
        return baselineTo;
    }
}
