package org.colearn.plugin.worldcafe.seating;

import java.util.Objects;

/**
 * Two different people, in a fixed order (the smaller id first) so that a pair equals itself either way round.
 *
 * @param first the person whose id sorts first
 * @param second the other person
 */
public record Pair(String first, String second) implements Comparable<Pair> {

    public Pair {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (first.equals(second)) {
            throw new IllegalArgumentException("A pair needs two different people: " + first);
        }
        if (first.compareTo(second) > 0) {
            String swap = first;
            first = second;
            second = swap;
        }
    }

    public static Pair of(String one, String other) {
        return new Pair(one, other);
    }

    @Override
    public int compareTo(Pair other) {
        int byFirst = first.compareTo(other.first);
        return byFirst != 0 ? byFirst : second.compareTo(other.second);
    }

    @Override
    public String toString() {
        return first + " & " + second;
    }
}
