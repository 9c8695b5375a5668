package org.colearn.server.improvement.charts;

import java.util.Objects;

/**
 * One site's events and exposure for a funnel plot of rates, over the same period as the others.
 *
 * @param id how the caller names the site on the plot (only sites that share their data should be named)
 * @param events events counted, zero or more
 * @param exposure the exposure they happened in (bed days, patient days), more than zero
 */
public record RateUnit(String id, double events, double exposure) {

    public RateUnit {
        Objects.requireNonNull(id, "id");
        if (!(exposure > 0) || !Double.isFinite(exposure)) {
            throw new IllegalArgumentException("The exposure of " + id + " must be more than zero: " + exposure);
        }
        if (!(events >= 0) || !Double.isFinite(events)) {
            throw new IllegalArgumentException("The events of " + id + " must be zero or more: " + events);
        }
    }
}
