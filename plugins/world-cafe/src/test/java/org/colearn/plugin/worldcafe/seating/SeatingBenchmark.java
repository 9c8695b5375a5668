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
 * several sizes, and how many rounds 32 people in tables of 4 reach without a repeat, with and without hosts who stay.
 * Times are the median of five plans after a warm-up, on the wall clock and in CPU time of the planning thread (which
 * other builds on a shared machine disturb less). The hard case spends its whole budget several times, minutes in
 * all; {@code --cafes-only} leaves it out. A measurement, not a test:
 * {@code mvn -q -pl plugins/world-cafe test-compile exec:exec@seating-bench} (see docs/benchmarks.md).
 */
final class SeatingBenchmark {

    private static final int RUNS = 5;
    private static final long HARD_BUDGET = 200_000;

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

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
        // Few sites: colleagues must meet; the fewest same-site pairs possible are 240 and 3,000.
        compare("120 people, 4 sites, 4 professions, 20 tables of 6, 6 rounds",
                CafeSetup.bySize(Cafes.roster(120, 4, 4), 6, 6));
        compare("1,500 people, 4 sites, 4 professions, 250 tables of 6, 6 rounds",
                CafeSetup.bySize(Cafes.roster(1_500, 4, 4), 6, 6));
        if (List.of(args).contains("--cafes-only")) {
            return;
        }
        System.out.println();
        System.out.println("| 32 people, 8 tables of 4 | rounds | budget | seed | repeats | with a host | time |");
        System.out.println("|---|---|---|---|---|---|---|");
        Map<Integer, String> eightHosts = new HashMap<>();
        for (int t = 0; t < 8; t++) {
            eightHosts.put(t, "p" + t);
        }
        hardCase("no hosts", Map.of(), 8, 10);
        hardCase("8 hosts who stay", eightHosts, 8, 9);
    }

    /** The social golfer instance 8-4-w: as many rounds as possible without a repeat. */
    private static void hardCase(String name, Map<Integer, String> hosts, int fromRounds, int toRounds) {
        for (int rounds = fromRounds; rounds <= toRounds; rounds++) {
            for (long seed = 1; seed <= 3; seed++) {
                long start = System.nanoTime();
                SeatingPlan plan = new WorldCafeSeating(seed, HARD_BUDGET)
                        .plan(CafeSetup.bySize(Cafes.anonymous(32), 4, rounds).withHosts(hosts));
                long withHost = plan.report().repeats().stream()
                        .filter(r -> hosts.containsValue(r.pair().first()) || hosts.containsValue(r.pair().second()))
                        .mapToLong(r -> r.rounds().size() - 1).sum();
                System.out.printf("| %s | %d | %,d | %d | %d | %d | %,d ms |%n", name, rounds, HARD_BUDGET, seed,
                        plan.report().repeatCount(), withHost, (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    private static void compare(String name, CafeSetup setup) {
        WorldCafeSeating engine = new WorldCafeSeating(1, WorldCafeSeating.DEFAULT_ITERATIONS);
        engine.plan(setup);
        long[] times = new long[RUNS];
        long[] cpu = new long[RUNS];
        SeatingPlan plan = null;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            long startCpu = THREADS.getCurrentThreadCpuTime();
            plan = engine.plan(setup);
            times[i] = System.nanoTime() - start;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - startCpu;
        }
        Arrays.sort(times);
        Arrays.sort(cpu);
        print(name, "engine", String.format("%,.1f ms (CPU %,.1f ms)", times[RUNS / 2] / 1e6, cpu[RUNS / 2] / 1e6),
                plan.report());
        print(name, "random", "–", Reports.of(setup, randomRounds(setup, new Random(1))));
    }

    private static void print(String name, String how, String time, SeatingReport report) {
        System.out.printf("| %s | %s | %s | %,d | %,d | %,d |%n", name, how, time, report.repeatCount(),
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
