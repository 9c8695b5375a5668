package org.colearn.server.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.colearn.server.buddies.matching.History;
import org.colearn.server.buddies.matching.Instances;
import org.colearn.server.buddies.matching.Matcher;
import org.colearn.server.buddies.matching.Proposal;
import org.colearn.server.buddies.matching.SiteProfile;

/**
 * Times the buddy-pairing engine on a large random collaborative and sets the optimal proposal's score beside the
 * greedy pass's (best pair first). Usage: {@code PairingBench [sites] [runs]}; see docs/benchmarks.md.
 */
public final class PairingBench {

    private PairingBench() {}

    public static void main(String[] args) {
        int sites = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Random random = new Random(1);
        List<SiteProfile> profiles = Instances.random(random, sites, 0.01);
        History history = Instances.randomHistory(random, profiles, 0.01);

        Matcher.match(profiles, history, List.of()); // warm-up: class loading and the JIT
        List<Long> optimalMillis = new ArrayList<>();
        Proposal optimal = null;
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            optimal = Matcher.match(profiles, history, List.of());
            optimalMillis.add((System.nanoTime() - started) / 1_000_000);
        }
        List<Long> everyPairMillis = new ArrayList<>();
        Proposal everyPair = null;
        for (int run = 0; run < Math.min(runs, 3); run++) {
            long started = System.nanoTime();
            everyPair = Matcher.matchOnEveryPair(profiles, history);
            everyPairMillis.add((System.nanoTime() - started) / 1_000_000);
        }
        List<Long> greedyMillis = new ArrayList<>();
        Proposal greedy = null;
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            greedy = Matcher.greedy(profiles, history);
            greedyMillis.add((System.nanoTime() - started) / 1_000_000);
        }
        System.out.printf("sites: %d, runs: %d, cores: %d%n", sites, runs, Runtime.getRuntime().availableProcessors());
        report("matching, 30 candidates", optimal, optimalMillis);
        report("matching, every pair", everyPair, everyPairMillis);
        report("greedy pass", greedy, greedyMillis);
    }

    private static void report(String what, Proposal proposal, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf(
                "%-24s median %,d ms (min %,d, max %,d); groups %d (%d mutual, %d triads), unplaced %d, total score %,d%n",
                what,
                sorted.get(sorted.size() / 2),
                sorted.get(0),
                sorted.get(sorted.size() - 1),
                proposal.groups().size(),
                proposal.mutualGroups(),
                proposal.groups().stream().filter(g -> g.triad()).count(),
                proposal.unplaced().size(),
                proposal.totalScore());
    }
}
