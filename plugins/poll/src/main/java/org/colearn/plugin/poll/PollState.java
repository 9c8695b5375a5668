package org.colearn.plugin.poll;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A poll as it stands. Answers are kept by person so that each person answers once and may change their answer; for
 * an anonymous poll no view ever carries who answered what. A choice poll keeps the indexes chosen, a rating the
 * number, a word cloud each person's words; the words a facilitator hid are kept apart, in lower case.
 */
public record PollState(
        String question,
        String kind,
        Integer scale,
        List<String> options,
        boolean multipleChoice,
        boolean anonymous,
        boolean open,
        boolean revealed,
        Map<String, List<Integer>> votes,
        Map<String, Integer> ratings,
        Map<String, List<String>> words,
        List<String> hiddenWords,
        Map<String, String> voterNames) {

    /** Fills in what a state stored before ratings and word clouds lacks. */
    public PollState {
        kind = kind == null ? PollConfig.CHOICE : kind;
        scale = scale == null ? 5 : scale;
        options = options == null ? List.of() : options;
        votes = votes == null ? new LinkedHashMap<>() : votes;
        ratings = ratings == null ? new LinkedHashMap<>() : ratings;
        words = words == null ? new LinkedHashMap<>() : words;
        hiddenWords = hiddenWords == null ? List.of() : hiddenWords;
        voterNames = voterNames == null ? new LinkedHashMap<>() : voterNames;
    }

    static PollState fresh(PollConfig config) {
        boolean choice = config.kindOrChoice().equals(PollConfig.CHOICE);
        return new PollState(
                config.question(), config.kindOrChoice(), config.scaleOrFive(), choice ? List.copyOf(config.options()) : List.of(),
                config.multipleChoice() && choice, config.anonymous(), true, false,
                new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), List.of(), new LinkedHashMap<>());
    }

    /** The lowest point of a rating's scale: 1 on a scale of 5, 0 on a scale of 10. */
    int lowest() {
        return scale == 10 ? 0 : 1;
    }

    /** How many people answered, whatever the kind. */
    int voters() {
        return switch (kind) {
            case PollConfig.RATING -> ratings.size();
            case PollConfig.WORDS -> words.size();
            default -> votes.size();
        };
    }

    /** How many people chose each answer. */
    int[] counts() {
        int[] counts = new int[options.size()];
        votes.values().forEach(choices -> choices.forEach(choice -> counts[choice]++));
        return counts;
    }

    /** How many people gave each point of the rating's scale, from the lowest. */
    int[] distribution() {
        int[] counts = new int[scale - lowest() + 1];
        ratings.values().forEach(rating -> counts[rating - lowest()]++);
        return counts;
    }

    /** The ratings' mean, or null before anyone rated. */
    Double mean() {
        return ratings.isEmpty() ? null : ratings.values().stream().mapToInt(Integer::intValue).average().orElse(0);
    }

    /**
     * The words given, each counted once per person who gave it whatever its case, most often first (then
     * alphabetically); each shown as most people wrote it. The hidden ones are left out unless {@code withHidden}.
     */
    List<PollViews.Word> wordCounts(boolean withHidden) {
        Map<String, Map<String, Integer>> spellings = new LinkedHashMap<>();
        words.values().forEach(given -> given.stream().distinct().forEach(word -> spellings
                .computeIfAbsent(key(word), k -> new LinkedHashMap<>()).merge(word, 1, Integer::sum)));
        List<PollViews.Word> counted = new ArrayList<>();
        spellings.forEach((key, spelt) -> {
            boolean hidden = hiddenWords.contains(key);
            if (withHidden || !hidden) {
                String shown = spelt.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                counted.add(new PollViews.Word(shown, spelt.values().stream().mapToInt(Integer::intValue).sum(), hidden));
            }
        });
        counted.sort((a, b) -> a.count() != b.count() ? Integer.compare(b.count(), a.count()) : a.text().compareToIgnoreCase(b.text()));
        return counted;
    }

    /** A word as it is counted: trimmed, inner spaces as one, in lower case. */
    static String key(String word) {
        return word.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
