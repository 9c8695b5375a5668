package org.colearn.server.improvement;

import java.time.LocalDate;

/**
 * One period's value of a measure, checked: a numerator and a denominator for proportions and rates, an amount for
 * counts and measurements, nothing but the date for an event of a days-between measure.
 */
record Entry(LocalDate period, Double numerator, Double denominator, Double amount) {

    boolean sameValues(Entry other) {
        return java.util.Objects.equals(numerator, other.numerator)
                && java.util.Objects.equals(denominator, other.denominator)
                && java.util.Objects.equals(amount, other.amount);
    }
}
