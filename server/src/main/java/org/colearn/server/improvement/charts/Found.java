package org.colearn.server.improvement.charts;

import java.util.List;

/**
 * A signal as a rule finds it, before the chart knows which direction is better: the points by index and the
 * sentence without its verdict.
 */
record Found(RuleId rule, List<Integer> indices, Side side, String text) {
}
