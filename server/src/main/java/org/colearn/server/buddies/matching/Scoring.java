package org.colearn.server.buddies.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores a pair of sites out of 100: mutuality (each can learn from the other) up to 40, closeness up to 25, a small
 * stage gap up to 20 and not having been paired before 15. A one-sided pair keeps a quarter of its other points, so
 * it scores low whatever its closeness.
 */
public final class Scoring {

    static final int MUTUALITY_MAX = 40;
    static final int LOCALITY_MAX = 25;
    static final int STAGE_MAX = 20;
    static final int FRESHNESS_MAX = 15;
    /** Beyond this distance closeness earns nothing: a day's return trip is the point of a local buddy. */
    static final double FAR_KM = 250;
    private static final int UNKNOWN_LOCALITY = 8;
    private static final int UNKNOWN_STAGE = 10;
    private static final int[] STAGE_BY_GAP = {20, 14, 5, 0};

    private Scoring() {}

    public static PairScore score(SiteProfile a, SiteProfile b, History history) {
        return score(new Topics(a), new Topics(b), history);
    }

    static PairScore score(Topics ta, Topics tb, History history) {
        SiteProfile a = ta.site;
        SiteProfile b = tb.site;
        List<String> aLearns = learns(tb, ta);
        List<String> bLearns = learns(ta, tb);
        int exchanged = Math.min(aLearns.size(), bLearns.size());
        Double km = a.located() && b.located() ? Geo.km(a.latitude(), a.longitude(), b.latitude(), b.longitude()) : null;
        String earlier = history.earlierRound(a.id(), b.id()).orElse(null);
        int mutuality = mutuality(exchanged);
        int locality = locality(km);
        int stage = stage(ta.stage, tb.stage);
        int freshness = earlier == null ? FRESHNESS_MAX : 0;
        return new PairScore(mutuality, locality, stage, freshness, total(exchanged, mutuality, locality + stage + freshness),
                aLearns, bLearns, km, ta.stage, tb.stage, earlier);
    }

    /**
     * The same total as {@link #score}, and whether the pair is mutual, without the lists that the reasons need: a
     * run computes this for every pair of sites, and only the chosen pairs are scored in full.
     */
    static Quick quick(Topics ta, Topics tb, boolean pairedBefore) {
        int exchanged = Math.min(count(tb, ta), count(ta, tb));
        Double km = ta.site.located() && tb.site.located()
                ? Geo.km(ta.site.latitude(), ta.site.longitude(), tb.site.latitude(), tb.site.longitude())
                : null;
        int others = locality(km) + stage(ta.stage, tb.stage) + (pairedBefore ? 0 : FRESHNESS_MAX);
        return new Quick(total(exchanged, mutuality(exchanged), others), exchanged > 0);
    }

    record Quick(int total, boolean mutual) {}

    private static int mutuality(int exchanged) {
        return exchanged == 0 ? 0 : exchanged == 1 ? 30 : MUTUALITY_MAX;
    }

    private static int locality(Double km) {
        return km == null ? UNKNOWN_LOCALITY : (int) Math.round(LOCALITY_MAX * Math.max(0, 1 - km / FAR_KM));
    }

    private static int stage(Integer stageA, Integer stageB) {
        return stageA == null || stageB == null
                ? UNKNOWN_STAGE
                : STAGE_BY_GAP[Math.min(STAGE_BY_GAP.length - 1, Math.abs(stageA - stageB))];
    }

    private static int total(int exchanged, int mutuality, int others) {
        return exchanged > 0 ? mutuality + others : others / 4;
    }

    /** How many distinct topics {@code teacher} offers that {@code learner} wants. */
    private static int count(Topics teacher, Topics learner) {
        int count = 0;
        for (int i = 0; i < teacher.offerKeys.length; i++) {
            if (learner.wantKeys.contains(teacher.offerKeys[i]) && !seen(teacher, i)) {
                count++;
            }
        }
        return count;
    }

    /** The topics {@code teacher} offers that {@code learner} wants, in the teacher's words. */
    private static List<String> learns(Topics teacher, Topics learner) {
        List<String> topics = null;
        for (int i = 0; i < teacher.offerKeys.length; i++) {
            if (learner.wantKeys.contains(teacher.offerKeys[i])) {
                if (topics == null) {
                    topics = new ArrayList<>(2);
                }
                if (!seen(teacher, i)) {
                    topics.add(teacher.offers.get(i));
                }
            }
        }
        return topics == null ? List.of() : topics;
    }

    /** Whether the same topic was offered earlier in the list, in other words. */
    private static boolean seen(Topics teacher, int index) {
        for (int i = 0; i < index; i++) {
            if (teacher.offerKeys[i].equals(teacher.offerKeys[index])) {
                return true;
            }
        }
        return false;
    }
}
