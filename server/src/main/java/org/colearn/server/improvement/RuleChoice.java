package org.colearn.server.improvement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.colearn.server.improvement.charts.RuleOptions;
import org.colearn.server.improvement.charts.RunRuleSet;
import org.colearn.server.system.ApiException;

/**
 * The rule variants a reader of a chart chose: a shift of 6 or 8 points, which run-chart rules (the classic ones of
 * Perla, Provost &amp; Murray, Anhøj's, or both) and the periods the team flags as astronomical points.
 *
 * @param runShift points in a row on one side of the median that make a shift on a run chart
 * @param runRules {@code both}, {@code classic} or {@code anhoj}
 * @param astronomical the periods the team flags as astronomical data points on a run chart
 */
record RuleChoice(int runShift, String runRules, List<LocalDate> astronomical) {

    static final String BOTH = "both";
    static final String CLASSIC = "classic";
    static final String ANHOJ = "anhoj";

    static RuleChoice defaults() {
        return new RuleChoice(6, BOTH, List.of());
    }

    /** The choice the query asks for; a 422 naming the field when a value is not one of those allowed. */
    static RuleChoice of(Measure measure, Integer runShift, String runRules, List<String> astronomical) {
        List<ApiException.FieldError> problems = new ArrayList<>();
        if (runShift != null && runShift != 6 && runShift != 8) {
            problems.add(new ApiException.FieldError("runShift", "must be 6 or 8 points"));
        }
        String rules = runRules == null || runRules.isBlank() ? BOTH : runRules.strip().toLowerCase(Locale.ROOT);
        if (!List.of(BOTH, CLASSIC, ANHOJ).contains(rules)) {
            problems.add(new ApiException.FieldError("runRules", "must be " + CLASSIC + " (shift, trend, runs and"
                    + " astronomical points), " + ANHOJ + " (Anhøj's longest run and crossings) or " + BOTH));
        }
        List<LocalDate> flagged = new ArrayList<>();
        for (String code : astronomical == null ? List.<String>of() : astronomical) {
            LocalDate period = Periods.parse(measure, code, "astronomical", problems);
            if (period != null) {
                flagged.add(period);
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return new RuleChoice(runShift == null ? 6 : runShift, rules, flagged.stream().sorted().distinct().toList());
    }

    RuleOptions options() {
        Set<RunRuleSet> sets = switch (runRules) {
            case CLASSIC -> EnumSet.of(RunRuleSet.PERLA_PROVOST_MURRAY);
            case ANHOJ -> EnumSet.of(RunRuleSet.ANHOJ);
            default -> EnumSet.allOf(RunRuleSet.class);
        };
        return RuleOptions.defaults().withRunRuleSets(sets).withRunShift(runShift);
    }

    /** The choice as the chart's JSON shows it, periods written as the measure writes them. */
    View view(Measure measure) {
        return new View(runShift, runRules, astronomical.stream().map(p -> Periods.code(measure, p)).toList());
    }

    record View(int runShift, String runRules, List<String> astronomical) {}
}
