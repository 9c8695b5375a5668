package org.colearn.server.improvement.charts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** The plain sentences of a chart: what the rules found, what the goal can expect, which periods are missing. */
final class Summary {

    /** Beyond this many missing periods the note counts them instead of naming them. */
    private static final int NAMED_GAPS = 4;

    private Summary() {
    }

    static String of(ChartSpec spec, boolean judged, List<Signal> signals, AssuranceIcon assurance,
            List<String> tooFew, Words words) {
        if (!judged) {
            return tooFew.isEmpty() ? "No data yet." : tooFew.get(0);
        }
        List<String> sentences = new ArrayList<>();
        for (int s = 0; s < signals.size(); s++) {
            Signal signal = signals.get(s);
            if (signal.rule() != RuleId.BEYOND_LIMITS) {
                sentences.add(signal.sentence());
            } else if (s == 0 || !sameGroup(signals.get(s - 1), signal)) {
                sentences.add(beyondLimits(signals, s, words));
            }
        }
        if (sentences.isEmpty()) {
            sentences.add(spec.type().isControlChart()
                    ? "Common cause variation only: no rule found a special cause."
                    : "No signal: the points vary around the median as chance alone would have them.");
        }
        if (assurance != null) {
            sentences.add(assurance(assurance, goal(spec)));
        }
        sentences.addAll(tooFew);
        return String.join(" ", sentences);
    }

    private static boolean sameGroup(Signal before, Signal signal) {
        return before.rule() == RuleId.BEYOND_LIMITS && before.side() == signal.side();
    }

    /** Consecutive beyond-the-limits signals on one side read as one sentence naming their periods. */
    private static String beyondLimits(List<Signal> signals, int first, Words words) {
        List<String> periods = new ArrayList<>();
        int s = first;
        while (s < signals.size() && (s == first || sameGroup(signals.get(s - 1), signals.get(s)))) {
            periods.add(words.period(signals.get(s).periods().get(0)));
            s++;
        }
        if (periods.size() == 1) {
            return signals.get(first).sentence();
        }
        Signal signal = signals.get(first);
        String verdict = switch (signal.meaning()) {
            case IMPROVING -> ", an improvement.";
            case CONCERNING -> ", a concern.";
            default -> ".";
        };
        return periods.size() + " points " + (signal.side() == Side.HIGH ? "above the upper" : "below the lower")
                + " limit: " + Words.list(periods) + verdict;
    }

    private static String assurance(AssuranceIcon icon, String goal) {
        return switch (icon) {
            case CONSISTENTLY_MET -> "The process limits lie on the right side of the goal of " + goal
                    + ": as it runs now, the process will meet the goal consistently.";
            case HIT_AND_MISS -> "The goal of " + goal + " lies between the process limits: as it runs now, the"
                    + " process will meet it in some periods and miss it in others.";
            case CONSISTENTLY_NOT_MET -> "The goal of " + goal + " lies beyond the process limits: the process"
                    + " will not meet it unless it changes.";
        };
    }

    private static String goal(ChartSpec spec) {
        boolean percent = spec.type() == ChartType.P || spec.type() == ChartType.P_PRIME;
        BigDecimal value = BigDecimal.valueOf(percent ? spec.goal() * 100 : spec.goal())
                .setScale(percent ? 1 : 2, RoundingMode.HALF_UP).stripTrailingZeros();
        return value.toPlainString() + (percent ? "%" : "");
    }

    static List<String> missing(Series series, Words words) {
        List<String> gaps = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            if (!series.present(i)) {
                gaps.add(words.period(i));
            }
        }
        if (gaps.isEmpty()) {
            return List.of();
        }
        if (gaps.size() == 1) {
            return List.of("No data for " + gaps.get(0) + ": it is left as a gap, not a zero, and the rules skip it.");
        }
        String which = gaps.size() <= NAMED_GAPS ? ", " + Words.list(gaps) : "";
        return List.of("No data for " + gaps.size() + " periods" + which
                + ": they are left as gaps, not zeros, and the rules skip them.");
    }
}
