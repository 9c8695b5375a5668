package org.colearn.server.improvement.charts;

/**
 * The "Making Data Count" assurance icon: where the target lies against the process limits of the latest segment,
 * and so whether the process as it runs now will meet it.
 */
public enum AssuranceIcon {
    /** The target lies beyond the limit on the worse side: the process will consistently meet it. */
    CONSISTENTLY_MET,
    /** The target lies between the limits: the process will meet it some periods and miss it in others. */
    HIT_AND_MISS,
    /** The target lies beyond the limit on the better side: the process will consistently miss it. */
    CONSISTENTLY_NOT_MET
}
