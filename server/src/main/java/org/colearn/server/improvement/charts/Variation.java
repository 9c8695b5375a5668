package org.colearn.server.improvement.charts;

/**
 * What a point's variation means, as "Making Data Count" colours it: grey for common cause, blue for improvement,
 * orange for concern, purple for a special cause where neither direction is better.
 */
public enum Variation {
    COMMON_CAUSE,
    IMPROVING,
    CONCERNING,
    /** A special cause on a measure with no better direction. */
    NEITHER
}
