package org.colearn.plugin.worldcafe.seating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Set;

/** Rosters for the seating tests and the benchmark, and the hard rules every seating must keep. */
final class Cafes {

    static final String[] PROFESSIONS = {"nurse", "doctor", "manager", "allied_health_professional"};

    private Cafes() {}

    /** People p0, p1, ... with no site and no profession. */
    static List<Person> anonymous(int count) {
        return roster(count, 0, 0);
    }

    /** People p0, p1, ... from {@code sites} sites and of {@code professions} professions, dealt round-robin. */
    static List<Person> roster(int count, int sites, int professions) {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            people.add(new Person("p" + i, sites == 0 ? null : "site" + (i % sites),
                    professions == 0 ? null : PROFESSIONS[(i / Math.max(1, sites)) % professions]));
        }
        return people;
    }

    /** Everyone who has not left sits at exactly one table in each round from {@code fromRound}. */
    static void assertEveryoneSeatedOnce(SeatingPlan plan, int fromRound) {
        Set<String> present = new HashSet<>();
        plan.setup().people().forEach(person -> present.add(person.id()));
        present.removeAll(plan.left());
        for (int r = fromRound; r < plan.rounds().size(); r++) {
            List<String> seated = new ArrayList<>();
            plan.rounds().get(r).tables().forEach(table -> seated.addAll(table.people()));
            assertEquals(present, new HashSet<>(seated), "who is seated in round " + (r + 1));
            assertEquals(seated.size(), new HashSet<>(seated).size(), "someone seated twice in round " + (r + 1));
        }
    }

    /** In the given rounds, open tables differ by at most one person and none seats fewer than two. */
    static void assertBalanced(SeatingPlan plan, int fromRound) {
        for (int r = fromRound; r < plan.rounds().size(); r++) {
            IntSummaryStatistics sizes = plan.rounds().get(r).tables().stream().mapToInt(t -> t.people().size())
                    .summaryStatistics();
            assertTrue(sizes.getMax() - sizes.getMin() <= 1, "table sizes in round " + (r + 1) + ": " + sizes);
            assertTrue(sizes.getMin() >= 2, "a table of one in round " + (r + 1));
        }
    }

    /** Each host sits first at their own table in every round from {@code fromRound}. */
    static void assertHostsStay(SeatingPlan plan, int fromRound) {
        plan.setup().hosts().forEach((table, host) -> {
            for (int r = fromRound; r < plan.rounds().size(); r++) {
                Table hosted = plan.rounds().get(r).table(table).orElseThrow();
                assertEquals(host, hosted.people().get(0), "host of table " + (table + 1) + " in round " + (r + 1));
                assertEquals(host, hosted.host());
            }
        });
    }

    /** No pair kept apart shares a table in any round. */
    static void assertKeptApart(SeatingPlan plan) {
        for (Pair pair : plan.setup().keepApart()) {
            for (Round round : plan.rounds()) {
                round.tableOf(pair.first()).ifPresent(table -> assertTrue(!table.people().contains(pair.second()),
                        pair + " share table " + (table.index() + 1)));
            }
        }
        assertTrue(plan.report().keptApartTogether().isEmpty(), plan.report().summary());
    }

    static void assertHardRules(SeatingPlan plan) {
        assertEveryoneSeatedOnce(plan, 0);
        assertBalanced(plan, 0);
        assertHostsStay(plan, 0);
        assertKeptApart(plan);
    }
}
