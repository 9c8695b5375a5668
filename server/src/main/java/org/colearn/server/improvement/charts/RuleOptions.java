package org.colearn.server.improvement.charts;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The variants a facilitator may choose between, where the published rules differ. Start from {@link #defaults()}
 * and change one thing with a {@code with} method; the canonical constructor may gain components in later versions.
 *
 * @param runRuleSets which run-chart rule sets apply (default both)
 * @param runShift points in a row on one side of the median that make a shift on a run chart (default 6; some
 *     teams use 8)
 * @param runTrend points in a row all going up or all going down that make a trend on a run chart (default 5)
 * @param spcShift points in a row on one side of the mean that make a shift on an SPC chart (default 7, as in
 *     "Making Data Count")
 * @param spcTrend points in a row all increasing or all decreasing that make a trend on an SPC chart (default 7)
 * @param minimumRunPoints points with a value a run chart needs before its rules are applied (default 10)
 * @param minimumSpcPoints points with a value that a segment's limits must rest on before they are used to judge
 *     (default 12, where the NHS-R community's "plot the dots" stops calling limits trial limits)
 * @param astronomicalByLimits whether a run chart also flags, as astronomical, a point beyond the natural process
 *     limits of an individuals chart of the same segment (mean ± 2.66 × the average moving range); points the team
 *     flags are always astronomical
 */
public record RuleOptions(
        Set<RunRuleSet> runRuleSets,
        int runShift,
        int runTrend,
        int spcShift,
        int spcTrend,
        int minimumRunPoints,
        int minimumSpcPoints,
        boolean astronomicalByLimits) {

    public RuleOptions {
        Objects.requireNonNull(runRuleSets, "runRuleSets");
        runRuleSets = runRuleSets.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(runRuleSets));
        atLeast("runShift", runShift, 2);
        atLeast("runTrend", runTrend, 3);
        atLeast("spcShift", spcShift, 2);
        atLeast("spcTrend", spcTrend, 3);
        atLeast("minimumRunPoints", minimumRunPoints, 2);
        atLeast("minimumSpcPoints", minimumSpcPoints, 2);
    }

    /** The rules as published: both run-rule sets, shift 6 and trend 5 on run charts, 7 and 7 on SPC charts. */
    public static RuleOptions defaults() {
        return new RuleOptions(EnumSet.allOf(RunRuleSet.class), 6, 5, 7, 7, 10, 12, true);
    }

    public RuleOptions withRunRuleSets(Set<RunRuleSet> sets) {
        return new RuleOptions(sets, runShift, runTrend, spcShift, spcTrend, minimumRunPoints, minimumSpcPoints,
                astronomicalByLimits);
    }

    public RuleOptions withRunShift(int points) {
        return new RuleOptions(runRuleSets, points, runTrend, spcShift, spcTrend, minimumRunPoints, minimumSpcPoints,
                astronomicalByLimits);
    }

    public RuleOptions withRunTrend(int points) {
        return new RuleOptions(runRuleSets, runShift, points, spcShift, spcTrend, minimumRunPoints, minimumSpcPoints,
                astronomicalByLimits);
    }

    public RuleOptions withSpcShift(int points) {
        return new RuleOptions(runRuleSets, runShift, runTrend, points, spcTrend, minimumRunPoints, minimumSpcPoints,
                astronomicalByLimits);
    }

    public RuleOptions withSpcTrend(int points) {
        return new RuleOptions(runRuleSets, runShift, runTrend, spcShift, points, minimumRunPoints, minimumSpcPoints,
                astronomicalByLimits);
    }

    public RuleOptions withMinimumRunPoints(int points) {
        return new RuleOptions(runRuleSets, runShift, runTrend, spcShift, spcTrend, points, minimumSpcPoints,
                astronomicalByLimits);
    }

    public RuleOptions withMinimumSpcPoints(int points) {
        return new RuleOptions(runRuleSets, runShift, runTrend, spcShift, spcTrend, minimumRunPoints, points,
                astronomicalByLimits);
    }

    public RuleOptions withAstronomicalByLimits(boolean byLimits) {
        return new RuleOptions(runRuleSets, runShift, runTrend, spcShift, spcTrend, minimumRunPoints, minimumSpcPoints,
                byLimits);
    }

    private static void atLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", not " + value);
        }
    }
}
