package org.colearn.server.improvement.charts;

/** Which way a signal points: above the centre or rising ({@code HIGH}), below or falling ({@code LOW}), or neither. */
public enum Side {
    HIGH,
    LOW,
    /** A signal with no side, such as too few runs. */
    NONE
}
