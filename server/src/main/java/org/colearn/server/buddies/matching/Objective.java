package org.colearn.server.buddies.matching;

/**
 * What the matching maximises, in three tiers, each worth more than everything below it put together: first as many
 * sites paired as possible, then as many mutual pairs as possible, then the highest total score. Integer weights keep
 * the sums exact in the doubles the matching algorithm works with.
 */
final class Objective {

    private final long mutualTier;
    private final long coverTier;

    Objective(int sites) {
        long pairs = sites / 2 + 1;
        this.mutualTier = (PairScore.MAX + 1L) * pairs;
        this.coverTier = (mutualTier + PairScore.MAX + 1L) * pairs;
    }

    long weight(PairScore score) {
        return weight(score.total(), score.mutual());
    }

    long weight(int total, boolean mutual) {
        return coverTier + (mutual ? mutualTier : 0) + total;
    }
}
