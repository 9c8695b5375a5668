package org.colearn.server.improvement.charts;

import java.util.Objects;

/**
 * One site's numerator and denominator for a funnel plot, over the same period as the others.
 *
 * @param id how the caller names the site on the plot (only sites that share their data should be named)
 * @param numerator events, zero or more
 * @param denominator opportunities, more than zero and at least the numerator
 */
public record FunnelUnit(String id, double numerator, double denominator) {

    public FunnelUnit {
        Objects.requireNonNull(id, "id");
        if (!(denominator > 0) || !Double.isFinite(denominator)) {
            throw new IllegalArgumentException("The denominator of " + id + " must be more than zero: " + denominator);
        }
        if (!(numerator >= 0) || numerator > denominator) {
            throw new IllegalArgumentException(
                    "The numerator of " + id + " must be between 0 and its denominator " + denominator + ": " + numerator);
        }
    }
}
