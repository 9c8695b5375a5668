package org.colearn.server.improvement.charts;

/** Which way of a measure is better, so that a signal reads as improvement or as concern. */
public enum Direction {
    /** Higher values are better (the proportion of patients screened). */
    UP,
    /** Lower values are better (falls, days to antibiotics). */
    DOWN,
    /** Neither is better: signals are reported without judgement and no assurance icon is given. */
    NEITHER
}
