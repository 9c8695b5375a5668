package org.colearn.server.improvement.charts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which points of the first segment compute its centre line and limits; the others are judged against them. Later
 * segments (after a change point) are always computed from all their own points. A baseline that reaches past the
 * first change point stops there.
 */
public sealed interface Baseline {

    /** All points of the first segment form the baseline. */
    static Baseline all() {
        return new All();
    }

    /** The first {@code count} periods with a value (missing periods are not counted). */
    static Baseline firstPoints(int count) {
        return new FirstPoints(count);
    }

    /** The periods whose start lies in {@code from}..{@code to}, both included. */
    static Baseline between(LocalDate from, LocalDate to) {
        return new Between(from, to);
    }

    /** All points of the first segment. */
    record All() implements Baseline {
    }

    /** The first {@code count} points with a value. */
    record FirstPoints(int count) implements Baseline {
        public FirstPoints {
            if (count < 1) {
                throw new IllegalArgumentException("A baseline needs at least one point, not " + count);
            }
        }
    }

    /** The periods from {@code from} to {@code to}, both included. */
    record Between(LocalDate from, LocalDate to) implements Baseline {
        public Between {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("A baseline cannot end (" + to + ") before it starts (" + from + ")");
            }
        }
    }
}
