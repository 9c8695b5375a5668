package org.colearn.server.improvement.charts;

/**
 * A rule a chart applied, for its legend: a short name, its definition with the numbers used, and its source.
 *
 * @param id which rule
 * @param name a short name ("Shift")
 * @param definition the rule in plain English with the numbers this chart used ("6 or more points in a row on the
 *     same side of the median; points on the median are skipped")
 * @param source where the rule is published
 */
public record AppliedRule(RuleId id, String name, String definition, String source) {
}
