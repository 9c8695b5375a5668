package org.colearn.server.improvement.charts;

/** The two published sets of run-chart rules; a run chart applies one or both, and names them in its legend. */
public enum RunRuleSet {
    /**
     * The run-chart rules of healthcare improvement (Perla, Provost &amp; Murray, BMJ Qual Saf 2011): a shift, a
     * trend, too few or too many runs by their table, and an astronomical data point.
     */
    PERLA_PROVOST_MURRAY,
    /**
     * Anhøj's rules (Anhøj &amp; Olesen, PLoS ONE 2014) as in R's qicharts2: an unusually long run and unusually few
     * crossings of the median, with limits that grow with the number of useful points.
     */
    ANHOJ
}
