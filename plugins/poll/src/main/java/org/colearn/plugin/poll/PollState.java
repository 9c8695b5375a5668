package org.colearn.plugin.poll;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A poll as it stands. Answers are kept by person so that each person answers once and may change their answer; for
 * an anonymous poll no view ever carries who answered what. A choice poll keeps the indexes chosen, a rating the
 * number, a word cloud each person's words, a ranking each person's order of the answers (their indexes, first
 * place first); the words a facilitator hid are kept apart, in lower case. Each answer keeps the site and profession of
 * whoever gave it ({@code backgrounds}), so that the results can be {@code split} by them; each split shown before the
 * current one is kept with the groups it showed ({@code splitsShown}), so that no later split can be subtracted from it
 * ({@link PollSplits}).
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
        Map<String, String> voterNames,
        Map<String, List<Integer>> rankings,
        Map<String, Background> backgrounds,
        String split,
        List<SplitShown> splitsShown) {

    /** Where someone who answered comes from, as they were when they answered; either may be null. */
    public record Background(String site, String profession) {}

    /** A split shown before the current one: the people of each of its groups as they were when it was last shown. */
    public record SplitShown(String by, List<List<String>> groups) {}

    /** Fills in what a state stored before ratings, word clouds, rankings, splits and their history lacks. */
    public PollState {
        kind = kind == null ? PollConfig.CHOICE : kind;
        scale = scale == null ? 5 : scale;
        options = options == null ? List.of() : options;
        votes = votes == null ? new LinkedHashMap<>() : votes;
        ratings = ratings == null ? new LinkedHashMap<>() : ratings;
        words = words == null ? new LinkedHashMap<>() : words;
        hiddenWords = hiddenWords == null ? List.of() : hiddenWords;
        voterNames = voterNames == null ? new LinkedHashMap<>() : voterNames;
        rankings = rankings == null ? new LinkedHashMap<>() : rankings;
        backgrounds = backgrounds == null ? new LinkedHashMap<>() : backgrounds;
        split = split == null ? PollGroups.ALL : split;
        splitsShown = splitsShown == null ? List.of() : splitsShown;
    }

    static PollState fresh(PollConfig config) {
        boolean choice = config.kindOrChoice().equals(PollConfig.CHOICE);
        return new PollState(
                config.question(), config.kindOrChoice(), config.scaleOrFive(), config.hasOptions() ? List.copyOf(config.options()) : List.of(),
                config.multipleChoice() && choice, config.anonymous(), true, false,
                new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), List.of(), new LinkedHashMap<>(),
                new LinkedHashMap<>(), new LinkedHashMap<>(), PollGroups.ALL, List.of());
    }

    /** The same poll with only the answers of these people: one group's results. */
    PollState only(Set<String> people) {
        return new PollState(question, kind, scale, options, multipleChoice, anonymous, open, revealed, of(votes, people), of(ratings, people),
                of(words, people), hiddenWords, of(voterNames, people), of(rankings, people), of(backgrounds, people), split, splitsShown);
    }

    private static <V> Map<String, V> of(Map<String, V> byPerson, Set<String> people) {
        Map<String, V> kept = new LinkedHashMap<>(byPerson);
        kept.keySet().retainAll(people);
        return kept;
    }

    /** Everyone who answered, whatever the kind. */
    Set<String> answered() {
        return switch (kind) {
            case PollConfig.RATING -> ratings.keySet();
            case PollConfig.WORDS -> words.keySet();
            case PollConfig.RANKING -> rankings.keySet();
            default -> votes.keySet();
        };
    }

    /** The lowest point of a rating's scale: 1 on a scale of 5, 0 on a scale of 10. */
    int lowest() {
        return scale == 10 ? 0 : 1;
    }

    /** How many people answered, whatever the kind. */
    int voters() {
        return answered().size();
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
     * Each answer of a ranking with its mean rank (1 is first place) and its Borda points (for each ranking, one point
     * for every answer placed below it), the most favoured first; ties keep the order the facilitator gave.
     */
    List<PollViews.Rank> ranks() {
        int n = options.size();
        int[] points = new int[n];
        int[] rankSums = new int[n];
        rankings.values().forEach(order -> {
            for (int place = 0; place < order.size(); place++) {
                points[order.get(place)] += n - 1 - place;
                rankSums[order.get(place)] += place + 1;
            }
        });
        List<PollViews.Rank> ranks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ranks.add(new PollViews.Rank(i, options.get(i), rankings.isEmpty() ? null : (double) rankSums[i] / rankings.size(), points[i]));
        }
        ranks.sort(Comparator.comparingInt(PollViews.Rank::points).reversed());
        return ranks;
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
