package org.colearn.server.buddies.matching;

import java.util.ArrayList;
import java.util.List;

/** Says in plain words why two sites were put together, from the parts of their score. */
public final class Reasons {

    private Reasons() {}

    public static List<String> of(SiteProfile a, SiteProfile b, PairScore score) {
        List<String> reasons = new ArrayList<>();
        if (!score.bLearns().isEmpty()) {
            reasons.add(a.name() + " offers " + list(score.bLearns()) + ", which " + b.name() + " wants");
        }
        if (!score.aLearns().isEmpty()) {
            reasons.add(b.name() + " offers " + list(score.aLearns()) + ", which " + a.name() + " wants");
        }
        if (!score.mutual()) {
            reasons.add(score.aLearns().isEmpty() && score.bLearns().isEmpty()
                    ? "neither offers what the other wants"
                    : "only one side learns here: " + (score.aLearns().isEmpty() ? b : a).name() + " offers nothing "
                            + (score.aLearns().isEmpty() ? a : b).name() + " wants");
        }
        reasons.add(score.km() == null
                ? "distance unknown: add a location to the profiles"
                : Math.round(score.km()) + " km apart");
        if (score.stageA() != null && score.stageB() != null) {
            reasons.add(score.stageA().equals(score.stageB())
                    ? "both at stage " + score.stageA()
                    : "at stages " + score.stageA() + " and " + score.stageB());
        }
        if (score.earlierRound() != null) {
            reasons.add("paired before in " + score.earlierRound());
        }
        return reasons;
    }

    /** "a", "a and b", "a, b and c". */
    static String list(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
