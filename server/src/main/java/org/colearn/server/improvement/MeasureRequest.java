package org.colearn.server.improvement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.SingleLine;
import org.colearn.server.system.Validation;

/** The definition of a measure as a facilitator or a site sends it, with the rules that tie its fields together. */
record MeasureRequest(
        @SingleLine @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 4000) String definition,
        @NotNull MeasureKind kind,
        @NotNull Frequency frequency,
        @NotNull Better better,
        @SingleLine @Size(max = 200) String numeratorLabel,
        @SingleLine @Size(max = 200) String denominatorLabel,
        @Min(1) @Max(1_000_000) Integer perUnit,
        Double goal,
        @Valid Baseline baseline,
        UUID siteId) {

    /** The periods whose values set the baseline: from the first to the last, both included. */
    record Baseline(@NotNull LocalDate from, @NotNull LocalDate to) {}

    MeasureRequest checked() {
        Validation.valid(this);
        if (kind.needsDenominator()) {
            if (numeratorLabel == null || numeratorLabel.isBlank()) {
                throw ApiException.invalid("numeratorLabel", "must say what is counted, for a " + kind + " measure");
            }
            if (denominatorLabel == null || denominatorLabel.isBlank()) {
                throw ApiException.invalid("denominatorLabel", "must say what it is counted out of, for a " + kind + " measure");
            }
        }
        if (kind == MeasureKind.RATE && perUnit == null) {
            throw ApiException.invalid("perUnit", "must say per how many units of exposure the rate is shown (such as 1000)");
        }
        if (goal != null && !Double.isFinite(goal)) {
            throw ApiException.invalid("goal", "must be a number");
        }
        if (goal != null && kind == MeasureKind.PROPORTION && (goal < 0 || goal > 100)) {
            throw ApiException.invalid("goal", "must be a percentage from 0 to 100");
        }
        if (baseline != null) {
            if (baseline.to().isBefore(baseline.from())) {
                throw ApiException.invalid("baseline.to", "must not be before baseline.from");
            }
        }
        return this;
    }
}
