package org.colearn.server.improvement.charts;

import java.time.LocalDate;
import java.util.List;

/**
 * A signal a rule found: the rule, the periods that make it, which way it points, what it means for the measure,
 * and a sentence that says so.
 *
 * @param rule the rule that found it
 * @param periods the periods of the points that make the signal, in time order (for too few runs or crossings: all
 *     the useful points of the segment)
 * @param side above/rising or below/falling; {@link Side#NONE} for the number of runs or crossings
 * @param meaning improvement, concern or neither, from the side and the better direction; for signals with no side
 *     {@link Variation#NEITHER}
 * @param sentence the signal in plain English, for the chart's summary and screen readers ("A shift: 7 points above
 *     the baseline median since March 2026.")
 */
public record Signal(RuleId rule, List<LocalDate> periods, Side side, Variation meaning, String sentence) {

    public Signal {
        periods = List.copyOf(periods);
    }
}
