package org.colearn.plugin.worldcafe.seating;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * What a seating could not meet, for the facilitator: each list is empty when its rule holds everywhere. Round and
 * table indices count from 0, as in {@link SeatingPlan}; {@link #summary()} counts from 1, as people do.
 *
 * @param repeats pairs who sit together more than once in this café
 * @param priorRepeats pairs who met in earlier sessions and meet again here
 * @param sameSitePairs pairs from one site at one table
 * @param unmixedTables tables whose people share one profession while the round has more than one
 * @param keptApartTogether pairs to keep apart who share a table (only when pins or hosts force it)
 * @param separated pairs to keep together who sit apart
 */
public record SeatingReport(List<Repeat> repeats, List<PriorRepeat> priorRepeats, List<SameSitePair> sameSitePairs,
        List<UnmixedTable> unmixedTables, List<Sitting> keptApartTogether, List<Separation> separated) {

    public SeatingReport {
        repeats = List.copyOf(repeats);
        priorRepeats = List.copyOf(priorRepeats);
        sameSitePairs = List.copyOf(sameSitePairs);
        unmixedTables = List.copyOf(unmixedTables);
        keptApartTogether = List.copyOf(keptApartTogether);
        separated = List.copyOf(separated);
    }

    /** Two people who sat together in each of {@code rounds} (two or more). */
    public record Repeat(Pair pair, List<Integer> rounds) {}

    /** Two people who met {@code earlierMeetings} times before and sit together here in {@code rounds}. */
    public record PriorRepeat(Pair pair, int earlierMeetings, List<Integer> rounds) {}

    /** Two people from {@code site} at one table. */
    public record SameSitePair(Pair pair, String site, int round, int table) {}

    /** A table where everyone is a {@code profession} (null: nobody at it gave one). */
    public record UnmixedTable(int round, int table, String profession) {}

    /** Two people at one table in one round. */
    public record Sitting(Pair pair, int round, int table) {}

    /** Two people kept together who sit apart in {@code rounds}. */
    public record Separation(Pair pair, List<Integer> rounds) {}

    /**
     * What this seating could not meet in one round: a repeat as the pair's last meeting before it and this one, a
     * meeting of people who met in earlier sessions, and what breaks a rule at one of its tables.
     */
    public SeatingReport inRound(int round) {
        List<Repeat> repeatsNow = new ArrayList<>();
        for (Repeat repeat : repeats) {
            int at = repeat.rounds().indexOf(round);
            if (at > 0) {
                repeatsNow.add(new Repeat(repeat.pair(), List.of(repeat.rounds().get(at - 1), round)));
            }
        }
        return new SeatingReport(repeatsNow,
                priorRepeats.stream().filter(r -> r.rounds().contains(round))
                        .map(r -> new PriorRepeat(r.pair(), r.earlierMeetings(), List.of(round))).toList(),
                sameSitePairs.stream().filter(s -> s.round() == round).toList(),
                unmixedTables.stream().filter(u -> u.round() == round).toList(),
                keptApartTogether.stream().filter(s -> s.round() == round).toList(),
                separated.stream().filter(s -> s.rounds().contains(round)).map(s -> new Separation(s.pair(), List.of(round))).toList());
    }

    /**
     * How many of the first rounds of a café of {@code rounds} meet nobody twice: the round before the first repeat,
     * or all of them.
     */
    public int repeatFreeRounds(int rounds) {
        return repeats.stream().mapToInt(repeat -> repeat.rounds().get(1)).min().orElse(rounds);
    }

    /** How many meetings were repeats: a pair that sat together three times counts two. */
    public int repeatCount() {
        return repeats.stream().mapToInt(repeat -> repeat.rounds().size() - 1).sum();
    }

    /** How many times people who met in earlier sessions sit together again. */
    public int priorRepeatCount() {
        return priorRepeats.stream().mapToInt(repeat -> repeat.rounds().size()).sum();
    }

    public int sameSitePairCount() {
        return sameSitePairs.size();
    }

    public int unmixedTableCount() {
        return unmixedTables.size();
    }

    /** Whether every rule holds. */
    public boolean perfect() {
        return repeats.isEmpty() && priorRepeats.isEmpty() && sameSitePairs.isEmpty() && unmixedTables.isEmpty()
                && keptApartTogether.isEmpty() && separated.isEmpty();
    }

    /** A few plain lines for the facilitator, rounds and tables counted from 1. */
    public String summary() {
        if (perfect()) {
            return "Every mixing rule is met.";
        }
        StringJoiner lines = new StringJoiner("\n");
        if (!repeats.isEmpty()) {
            lines.add(repeatCount() + " repeat meetings: " + repeats.stream()
                    .map(r -> r.pair() + " (rounds " + ordinals(r.rounds()) + ")").collect(Collectors.joining("; ")));
        }
        if (!priorRepeats.isEmpty()) {
            lines.add(priorRepeatCount() + " meetings of people who met in earlier sessions: " + priorRepeats.stream()
                    .map(r -> r.pair() + " (rounds " + ordinals(r.rounds()) + ")").collect(Collectors.joining("; ")));
        }
        if (!sameSitePairs.isEmpty()) {
            lines.add(sameSitePairCount() + " same-site pairs: " + sameSitePairs.stream()
                    .map(s -> s.pair() + ", " + s.site() + " (round " + (s.round() + 1) + ", table " + (s.table() + 1)
                            + ")")
                    .collect(Collectors.joining("; ")));
        }
        if (!unmixedTables.isEmpty()) {
            lines.add(unmixedTableCount() + " tables without a mix of professions: " + unmixedTables.stream()
                    .map(u -> "round " + (u.round() + 1) + ", table " + (u.table() + 1))
                    .collect(Collectors.joining("; ")));
        }
        if (!keptApartTogether.isEmpty()) {
            lines.add(keptApartTogether.size() + " pairs to keep apart who share a table: " + keptApartTogether.stream()
                    .map(s -> s.pair() + " (round " + (s.round() + 1) + ", table " + (s.table() + 1) + ")")
                    .collect(Collectors.joining("; ")));
        }
        if (!separated.isEmpty()) {
            lines.add(separated.size() + " pairs to keep together who sit apart: " + separated.stream()
                    .map(s -> s.pair() + " (rounds " + ordinals(s.rounds()) + ")").collect(Collectors.joining("; ")));
        }
        return lines.toString();
    }

    private static String ordinals(List<Integer> indices) {
        return indices.stream().map(index -> String.valueOf(index + 1)).collect(Collectors.joining(", "));
    }
}
