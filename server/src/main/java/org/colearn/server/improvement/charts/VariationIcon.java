package org.colearn.server.improvement.charts;

/**
 * The "Making Data Count" variation icon, read from the latest point: common cause, or a special cause that is
 * improving, concerning or neither, with the point high or low (above or below the mean).
 */
public enum VariationIcon {
    COMMON_CAUSE,
    IMPROVING_HIGH,
    IMPROVING_LOW,
    CONCERNING_HIGH,
    CONCERNING_LOW,
    NEITHER_HIGH,
    NEITHER_LOW
}
