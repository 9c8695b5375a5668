package org.colearn.plugin.poll;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A poll as it stands. Votes are kept by person so that each person votes once and may change their vote; for an
 * anonymous poll no view ever carries them.
 */
public record PollState(
        String question,
        List<String> options,
        boolean multipleChoice,
        boolean anonymous,
        boolean open,
        boolean revealed,
        Map<String, List<Integer>> votes,
        Map<String, String> voterNames) {

    static PollState fresh(PollConfig config) {
        return new PollState(
                config.question(), List.copyOf(config.options()), config.multipleChoice(), config.anonymous(), true, false,
                new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    /** How many people chose each answer. */
    int[] counts() {
        int[] counts = new int[options.size()];
        votes.values().forEach(choices -> choices.forEach(choice -> counts[choice]++));
        return counts;
    }
}
