package org.colearn.server.improvement.charts;

import java.util.ArrayList;
import java.util.List;

/** The rules a chart applies, named and defined with the numbers it uses, for the chart's legend. */
final class Legend {

    private static final String PERLA = "Perla, Provost & Murray, BMJ Quality & Safety 2011";
    private static final String ANHOJ = "Anhøj & Olesen, PLoS ONE 2014, as in the R package qicharts2";
    private static final String MDC = "NHS England, Making Data Count";

    private Legend() {
    }

    static List<AppliedRule> of(ChartType type, RuleOptions options) {
        List<AppliedRule> rules = new ArrayList<>();
        if (type.isControlChart()) {
            rules.add(new AppliedRule(RuleId.BEYOND_LIMITS, "Outside the limits",
                    "A point above the upper or below the lower process limit (three sigma from the mean)", MDC));
            rules.add(new AppliedRule(RuleId.SPC_SHIFT, "Shift",
                    options.spcShift() + " or more points in a row above the mean, or below it", MDC));
            rules.add(new AppliedRule(RuleId.SPC_TREND, "Trend", options.spcTrend()
                    + " or more points in a row each higher than the one before, or each lower", MDC));
            rules.add(new AppliedRule(RuleId.TWO_OF_THREE, "Two of three near a limit",
                    "Two of three points in a row more than two sigma from the mean, on the same side", MDC));
            return rules;
        }
        if (options.runRuleSets().contains(RunRuleSet.PERLA_PROVOST_MURRAY)) {
            rules.add(new AppliedRule(RuleId.SHIFT, "Shift", options.runShift() + " or more points in a row on the"
                    + " same side of the median; points on the median neither add to nor break a shift", PERLA));
            rules.add(new AppliedRule(RuleId.TREND, "Trend", options.runTrend() + " or more points in a row all"
                    + " going up or all going down; a value equal to the one before neither adds to nor breaks"
                    + " a trend", PERLA));
            rules.add(new AppliedRule(RuleId.TOO_FEW_RUNS, "Too few runs", "Fewer runs on either side of the"
                    + " median than chance would give: the exact 2.5% tail of the number of runs (Swed & Eisenhart 1943)"
                    + " for 10 to 60 points off the median",
                    PERLA));
            rules.add(new AppliedRule(RuleId.TOO_MANY_RUNS, "Too many runs", "More runs on either side of the"
                    + " median than chance would give: the exact 2.5% tail at the other end", PERLA));
            rules.add(new AppliedRule(RuleId.ASTRONOMICAL_POINT, "Astronomical point", "A point the team judges"
                    + " blatantly different from the others" + (options.astronomicalByLimits()
                            ? ", or one beyond the limits an individuals chart of the baseline would draw (mean"
                                    + " ± 2.66 × the average moving range)"
                            : ""), PERLA));
        }
        if (options.runRuleSets().contains(RunRuleSet.ANHOJ)) {
            rules.add(new AppliedRule(RuleId.LONGEST_RUN, "Unusually long run", "A run on one side of the median"
                    + " longer than round(log2(n)) + 3 points, where n counts the points off the median (8 for 24"
                    + " points)", ANHOJ));
            rules.add(new AppliedRule(RuleId.FEW_CROSSINGS, "Unusually few crossings", "Fewer crossings of the"
                    + " median than the 5th percentile of a binomial distribution of n − 1 trials with probability"
                    + " one half (8 for 24 points)", ANHOJ));
        }
        return rules;
    }
}
