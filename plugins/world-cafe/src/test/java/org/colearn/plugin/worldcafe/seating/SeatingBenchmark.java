package org.colearn.plugin.worldcafe.seating;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Measures the seating engine against random seating (what "assign automatically" in a video tool does) on cafés of
 * several sizes, and how many rounds 32 people in tables of 4 reach without a repeat. A measurement, not a test:
 * {@code mvn -q -pl plugins/world-cafe test-compile exec:exec@seating-bench} (see docs/benchmarks.md).
 */
final class SeatingBenchmark {

    private static final int RUNS = 3;

    private SeatingBenchmark() {}

    public static void main(String[] args) {
        System.out.println("| café | seating | time (median of " + RUNS + ") | repeats | same-site pairs | "
                + "tables without a profession mix |");
        System.out.println("|---|---|---|---|---|---|");
        for (int people : new int[] {60, 200, 500}) {
            compare(people + " people, 10 sites, 4 professions, tables of 5, 4 rounds",
                    CafeSetup.bySize(Cafes.roster(people, 10, 4), 5, 4));
        }
        Map<Integer, String> hosts = new HashMap<>();
        for (int t = 0; t < 20; t++) {
            hosts.put(t, "p" + t);
        }
        compare("120 people, 16 sites, 4 professions, 20 tables of 6 with hosts, 4 rounds",
                CafeSetup.bySize(Cafes.roster(120, 16, 4), 6, 4).withHosts(hosts));
        compare("1,500 people, 60 sites, 4 professions, 250 tables of 6, 6 rounds",
                CafeSetup.bySize(Cafes.roster(1_500, 60, 4), 6, 6));
        System.out.println();
        System.out.println("| 32 people, 8 tables of 4 | budget | seed | repeats | time |");
        System.out.println("|---|---|---|---|---|");
        for (int rounds = 8; rounds <= 10; rounds++) {
            for (long seed = 1; seed <= 3; seed++) {
                long start = System.nanoTime();
                SeatingPlan plan = new WorldCafeSeating(seed, 200_000)
                        .plan(CafeSetup.bySize(Cafes.anonymous(32), 4, rounds));
                System.out.printf("| %d rounds | 200,000 | %d | %d | %,d ms |%n", rounds, seed,
                        plan.report().repeatCount(), (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    private static void compare(String name, CafeSetup setup) {
        WorldCafeSeating engine = new WorldCafeSeating(1, WorldCafeSeating.DEFAULT_ITERATIONS);
        engine.plan(setup);
        long[] times = new long[RUNS];
        SeatingPlan plan = null;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            plan = engine.plan(setup);
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        print(name, "engine", times[RUNS / 2], plan.report());
        long start = System.nanoTime();
        SeatingReport random = Reports.of(setup, randomRounds(setup, new Random(1)));
        print(name, "random", System.nanoTime() - start, random);
    }

    private static void print(String name, String how, long nanos, SeatingReport report) {
        System.out.printf("| %s | %s | %,.1f ms | %,d | %,d | %,d |%n", name, how, nanos / 1e6, report.repeatCount(),
                report.sameSitePairCount(), report.unmixedTableCount());
    }

    /** Hosts at their tables, everyone else shuffled and dealt round the tables, as a video tool would. */
    private static List<Round> randomRounds(CafeSetup setup, Random random) {
        int tables = setup.initialTables();
        List<Round> rounds = new ArrayList<>();
        for (int r = 0; r < setup.rounds(); r++) {
            List<List<String>> seated = new ArrayList<>();
            for (int t = 0; t < tables; t++) {
                seated.add(new ArrayList<>());
                String host = setup.hosts().get(t);
                if (host != null) {
                    seated.get(t).add(host);
                }
            }
            List<String> others = new ArrayList<>(setup.people().stream().map(Person::id)
                    .filter(id -> !setup.hosts().containsValue(id)).toList());
            Collections.shuffle(others, random);
            int next = setup.hosts().size() % tables;
            for (String id : others) {
                seated.get(next).add(id);
                next = (next + 1) % tables;
            }
            List<Table> round = new ArrayList<>();
            for (int t = 0; t < tables; t++) {
                round.add(new Table(t, setup.hosts().get(t), seated.get(t)));
            }
            rounds.add(new Round(round));
        }
        return rounds;
    }
}
