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
        int mutuality = exchanged == 0 ? 0 : exchanged == 1 ? 30 : MUTUALITY_MAX;

        Double km = a.located() && b.located() ? Geo.km(a.latitude(), a.longitude(), b.latitude(), b.longitude()) : null;
        int locality = km == null ? UNKNOWN_LOCALITY : (int) Math.round(LOCALITY_MAX * Math.max(0, 1 - km / FAR_KM));

        Integer stageA = ta.stage;
        Integer stageB = tb.stage;
        int stage = stageA == null || stageB == null
                ? UNKNOWN_STAGE
                : STAGE_BY_GAP[Math.min(STAGE_BY_GAP.length - 1, Math.abs(stageA - stageB))];

        String earlier = history.earlierRound(a.id(), b.id()).orElse(null);
        int freshness = earlier == null ? FRESHNESS_MAX : 0;

        int others = locality + stage + freshness;
        int total = exchanged > 0 ? mutuality + others : others / 4;
        return new PairScore(mutuality, locality, stage, freshness, total, aLearns, bLearns, km, stageA, stageB, earlier);
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
