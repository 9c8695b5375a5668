package org.colearn.server.buddies.matching;

import java.util.Map;
import java.util.Optional;

/** The pairs of sites made in earlier rounds, by the name of the round they were made in; the no-repeat rule reads it. */
public record History(Map<String, String> roundByPair) {

    public History {
        roundByPair = Map.copyOf(roundByPair);
    }

    public static History none() {
        return new History(Map.of());
    }

    /** The key under which a pair of site ids is kept, whatever their order. */
    public static String pairKey(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    /** The round in which these two sites were paired before, if they were. */
    Optional<String> earlierRound(String a, String b) {
        return Optional.ofNullable(roundByPair.get(pairKey(a, b)));
    }
}
