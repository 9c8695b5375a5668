package org.colearn.plugin.worldcafe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.colearn.plugin.worldcafe.seating.Person;
import org.colearn.plugin.worldcafe.seating.RepeatFreeRounds;
import org.colearn.plugin.worldcafe.seating.Round;
import org.colearn.plugin.worldcafe.seating.SeatingPlan;
import org.colearn.plugin.worldcafe.seating.SeatingReport;
import org.colearn.plugin.worldcafe.seating.Table;
import org.colearn.plugin.worldcafe.seating.Unavoidable;

/**
 * What the people here make unavoidable, told to the facilitator in words: before the café begins, how many rounds
 * can be free of repeats; once seated, that the repeats sit in the last rounds, and which same-site pairs and tables
 * of one profession no seating could avoid, and why.
 */
final class Limits {

    private Limits() {}

    /** Before the café begins: how many of its rounds can be free of repeats with {@code people} here; null below 2. */
    static String beforeBegin(CafeConfig config, int people) {
        if (people < 2) {
            return null;
        }
        int tables = Math.max(1, Math.min(config.tablesFor(people), people / 2));
        RepeatFreeRounds most = RepeatFreeRounds.of(people, tables, config.hasHosts());
        String start = "With " + people + " people here at " + tables + (tables == 1 ? " table" : " tables") + ", at most "
                + rounds(most.rounds()) + " can be free of repeats: " + most.reason() + ". ";
        if (config.rounds() <= most.rounds()) {
            return start + (config.rounds() == 1 ? "The one round asked for can be."
                    : "All " + config.rounds() + " rounds asked for can be.");
        }
        return start + "Of the " + config.rounds() + " rounds asked for, " + span(most.rounds())
                + (most.rounds() == 1 ? " is" : " are") + " kept free of repeats and the repeats go to "
                + lastRounds(most.rounds(), config.rounds()) + ".";
    }

    /**
     * Why a seating of {@code rounds} (the whole café when {@code wholeCafe}) has what it has: where its repeats are,
     * and what the sites and professions of the people in each round force.
     */
    static List<String> why(SeatingPlan plan, SeatingReport report, List<Round> rounds, boolean wholeCafe) {
        List<String> lines = new ArrayList<>();
        if (wholeCafe && !report.repeats().isEmpty()) {
            Round first = rounds.get(0);
            RepeatFreeRounds most = RepeatFreeRounds.of(seated(plan, first).size(), first.tables().size(),
                    first.tables().stream().allMatch(table -> table.host() != null));
            int clean = report.repeatFreeRounds(rounds.size());
            String where = clean == 0 ? "Repeats start in round 1."
                    : "R" + span(clean).substring(1) + (clean == 1 ? " meets" : " meet") + " nobody twice; the repeats start in round "
                            + (clean + 1) + ".";
            lines.add(rounds.size() > most.rounds()
                    ? "At most " + rounds(most.rounds()) + " can be free of repeats: " + most.reason() + ". " + where
                    : where);
        }
        Set<String> reasons = new LinkedHashSet<>();
        int leastPairs = 0;
        int leastUnmixed = 0;
        for (Round round : rounds) {
            Unavoidable unavoidable = Unavoidable.inRound(seated(plan, round), round.tables().size());
            reasons.addAll(unavoidable.reasons());
            leastPairs += unavoidable.sameSitePairs();
            leastUnmixed += unavoidable.unmixedTables();
        }
        lines.addAll(reasons);
        if (leastPairs > 0 && report.sameSitePairCount() > 0) {
            lines.add(report.sameSitePairCount() == leastPairs
                    ? "These " + report.sameSitePairCount() + " same-site pairs are the least possible."
                    : report.sameSitePairCount() + " same-site pairs, where at least " + leastPairs + " cannot be avoided.");
        }
        if (leastUnmixed > 0 && report.unmixedTableCount() > 0) {
            lines.add(report.unmixedTableCount() == leastUnmixed
                    ? "These " + report.unmixedTableCount() + " tables of one profession are the least possible."
                    : report.unmixedTableCount() + " tables of one profession, where at least " + leastUnmixed
                            + " cannot be avoided.");
        }
        return lines;
    }

    private static List<Person> seated(SeatingPlan plan, Round round) {
        Set<String> ids = new HashSet<>();
        for (Table table : round.tables()) {
            ids.addAll(table.people());
        }
        return plan.setup().people().stream().filter(person -> ids.contains(person.id())).toList();
    }

    private static String rounds(int count) {
        return count == 1 ? "1 round" : count + " rounds";
    }

    /** "round 1" or "rounds 1 to 8". */
    private static String span(int count) {
        return count == 1 ? "round 1" : "rounds 1 to " + count;
    }

    private static String lastRounds(int clean, int all) {
        return all == clean + 1 ? "round " + all : "rounds " + (clean + 1) + " to " + all;
    }
}
