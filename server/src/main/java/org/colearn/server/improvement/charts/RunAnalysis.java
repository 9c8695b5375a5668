package org.colearn.server.improvement.charts;

/**
 * The counts behind the runs rules of one run-chart segment, for its data table.
 *
 * @param usefulPoints points with a value that are not on the median
 * @param runs the number of runs (crossings + 1); 0 with no useful point
 * @param fewestRuns the fewest runs chance allows (Swed &amp; Eisenhart, 2.5% in the lower tail); null outside
 *     10 to 60 useful points
 * @param mostRuns the most runs chance allows (2.5% in the upper tail); null outside that range
 * @param longestRun the longest run of useful points on one side of the median
 * @param longestRunLimit Anhøj's limit: a longer run is a signal (round(log2(n)) + 3)
 * @param crossings how many times the line of useful points crosses the median
 * @param fewestCrossings Anhøj's limit: fewer crossings are a signal (qbinom(0.05, n − 1, 0.5))
 */
public record RunAnalysis(
        int usefulPoints,
        int runs,
        Integer fewestRuns,
        Integer mostRuns,
        int longestRun,
        int longestRunLimit,
        int crossings,
        int fewestCrossings) {
}
