package org.colearn.server.buddies.matching;

import java.util.List;

/**
 * The score of one pair of sites and its parts. {@code aLearns} are the topics the second site offers and the first
 * wants, {@code bLearns} the other way round; the pair is mutual when both are non-empty.
 */
public record PairScore(
        int mutuality,
        int locality,
        int stage,
        int freshness,
        int total,
        List<String> aLearns,
        List<String> bLearns,
        Double km,
        Integer stageA,
        Integer stageB,
        String earlierRound) {

    public static final int MAX = Scoring.MUTUALITY_MAX + Scoring.LOCALITY_MAX + Scoring.STAGE_MAX + Scoring.FRESHNESS_MAX;

    public PairScore {
        aLearns = List.copyOf(aLearns);
        bLearns = List.copyOf(bLearns);
    }

    public boolean mutual() {
        return !aLearns.isEmpty() && !bLearns.isEmpty();
    }
}
