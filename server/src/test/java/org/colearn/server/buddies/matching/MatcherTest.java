package org.colearn.server.buddies.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MatcherTest {

    @Test
    void matchingTotalEqualsTheBruteForceOptimumOnRandomInstancesOfUpToTwelveSites() {
        Random random = new Random(20261128);
        for (int round = 0; round < 300; round++) {
            int n = 2 + random.nextInt(11);
            List<SiteProfile> sites = Instances.random(random, n, round % 3 == 0 ? 0.2 : 0.0);
            History history = Instances.randomHistory(random, sites, 0.15);
            Proposal proposal = Matcher.match(sites, history, List.of());
            List<SiteProfile> free = sites.stream().filter(s -> s.capacity() > 0).toList();
            long best = bruteForce(free, new Objective(free.size()), history);
            assertEquals(best, proposal.objective(), "instance " + round + " with " + n + " sites");
            assertEquals(proposal.objective(), objectiveOf(proposal, sites, history), "the groups carry the matching found");
        }
    }

    @Test
    void oneSidedPairsAreNeverChosenWhenEverySiteCouldHaveAMutualPartner() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int pairs = 1 + random.nextInt(6);
            List<SiteProfile> sites = new ArrayList<>();
            for (int p = 0; p < pairs; p++) {
                String give = Instances.TOPICS.get(random.nextInt(4));
                String take = Instances.TOPICS.get(4 + random.nextInt(4));
                // Each planted pair is mutual; the sites nearest to each other are one-sided neighbours.
                sites.add(site("m" + p + "a", List.of(give), List.of(take), 51.0 + p, 0.0));
                sites.add(site("m" + p + "b", List.of(take), List.of(give), 51.0 + p + 1.5, 3.0));
                sites.add(site("o" + p, List.of(take), List.of(take + " extra"), 51.0 + p, 0.01));
                sites.add(site("o" + p + "x", List.of(take + " extra"), List.of(), 51.0 + p, 0.02));
            }
            Proposal proposal = Matcher.match(sites, History.none(), List.of());
            long mutualPlanted = proposal.groups().stream().filter(g -> g.siteIds().get(0).startsWith("m")).count();
            for (Group group : proposal.groups()) {
                if (group.siteIds().stream().anyMatch(id -> id.startsWith("m"))) {
                    assertTrue(group.mutual(), () -> "a site with a mutual partner got a one-sided pair: " + group);
                }
            }
            assertEquals(pairs, mutualPlanted, "each planted mutual pair is proposed");
        }
    }

    @Test
    void theQuickScoreOfARunAgreesWithTheFullScoreOfEveryPair() {
        Random random = new Random(13);
        List<SiteProfile> sites = Instances.random(random, 60, 0.0);
        History history = Instances.randomHistory(random, sites, 0.1);
        for (SiteProfile a : sites) {
            for (SiteProfile b : sites) {
                PairScore full = Scoring.score(a, b, history);
                Scoring.Quick quick = Scoring.quick(new Topics(a), new Topics(b), full.earlierRound() != null);
                assertEquals(full.total(), quick.total(), a + " and " + b);
                assertEquals(full.mutual(), quick.mutual());
            }
        }
    }

    @Test
    void oneSidedPairScoresLowWhateverItsCloseness() {
        SiteProfile ashford = site("a", List.of("sepsis screening"), List.of("AKI alerts"), 51.15, 0.87);
        SiteProfile nextDoor = site("b", List.of("AKI alerts"), List.of("falls prevention"), 51.15, 0.88);
        SiteProfile farButMutual = site("c", List.of("AKI alerts"), List.of("sepsis screening"), 52.6, 1.3);
        PairScore oneSided = Scoring.score(ashford, nextDoor, History.none());
        PairScore mutual = Scoring.score(ashford, farButMutual, History.none());
        assertFalse(oneSided.mutual());
        assertTrue(oneSided.total() < mutual.total(), oneSided + " vs " + mutual);
        assertTrue(oneSided.total() <= 15, "a one-sided pair keeps a quarter of its other points: " + oneSided.total());
    }

    @Test
    void hardExclusionsAlwaysHold() {
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            List<SiteProfile> sites = Instances.random(random, 2 + random.nextInt(30), 0.35);
            Proposal proposal = Matcher.match(sites, History.none(), List.of());
            Map<String, SiteProfile> byId = new java.util.HashMap<>();
            sites.forEach(s -> byId.put(s.id(), s));
            for (Group group : proposal.groups()) {
                assertFalse(Matcher.excluded(group.siteIds().stream().map(byId::get).toList()), group::toString);
            }
            Set<String> placed = new HashSet<>();
            proposal.groups().forEach(g -> g.siteIds().forEach(id -> assertTrue(placed.add(id), "each site in one group")));
            proposal.unplaced().forEach(u -> assertTrue(placed.add(u.siteId())));
            assertEquals(sites.size(), placed.size(), "every site is either placed or said to be unplaced");
        }
    }

    @Test
    void anOddNumberOfSitesGivesExactlyOneTriadAndNoSiteLeftOut() {
        Random random = new Random(3);
        for (int round = 0; round < 60; round++) {
            // The last rounds are large enough that the matching runs on each site's best candidates only.
            int n = round < 55 ? 3 + 2 * random.nextInt(40) : Matcher.EVERY_PAIR_UP_TO + 1 + 2 * random.nextInt(40);
            List<SiteProfile> sites = Instances.random(random, n, 0.0);
            Proposal proposal = Matcher.match(sites, History.none(), List.of());
            assertEquals(1, proposal.groups().stream().filter(Group::triad).count(), "sites: " + n);
            assertEquals(List.of(), proposal.unplaced());
            assertEquals(n, proposal.groups().stream().mapToInt(g -> g.siteIds().size()).sum());
        }
    }

    @Test
    void theLeftOverSiteJoinsThePairWhereItAddsMost() {
        SiteProfile a = site("a", List.of("sepsis screening"), List.of("AKI alerts"), 51.1, 0.0);
        SiteProfile b = site("b", List.of("AKI alerts"), List.of("sepsis screening"), 51.1, 0.1);
        SiteProfile c = site("c", List.of("VTE assessment"), List.of("falls prevention"), 53.4, -2.2);
        SiteProfile d = site("d", List.of("falls prevention"), List.of("VTE assessment"), 53.4, -2.3);
        SiteProfile e = site("e", List.of("falls prevention", "AKI alerts"), List.of("VTE assessment"), 53.5, -2.2);
        Proposal proposal = Matcher.match(List.of(a, b, c, d, e), History.none(), List.of());
        Group triad = proposal.groups().stream().filter(Group::triad).findFirst().orElseThrow();
        assertEquals(Set.of("c", "d", "e"), Set.copyOf(triad.siteIds()));
    }

    @Test
    void pinsAreKeptAndTheRestIsMatchedAroundThem() {
        SiteProfile a = site("a", List.of("sepsis screening"), List.of("AKI alerts"), 51.1, 0.0);
        SiteProfile b = site("b", List.of("AKI alerts"), List.of("sepsis screening"), 51.1, 0.1);
        SiteProfile c = site("c", List.of("VTE assessment"), List.of("falls prevention"), 51.2, 0.0);
        SiteProfile d = site("d", List.of("falls prevention"), List.of("VTE assessment"), 51.2, 0.1);
        Proposal proposal = Matcher.match(List.of(a, b, c, d), History.none(), List.of(List.of("a", "c")));
        assertEquals(List.of("a", "c"), proposal.groups().get(0).siteIds());
        assertTrue(proposal.groups().get(0).pinned());
        assertEquals(Set.of("b", "d"), Set.copyOf(proposal.groups().get(1).siteIds()));
    }

    @Test
    void earlierPairsAreNotRepeatedWhenAnEquallyGoodPartnerExists() {
        SiteProfile a = site("a", List.of("sepsis screening"), List.of("AKI alerts"), 51.1, 0.0);
        SiteProfile b = site("b", List.of("AKI alerts"), List.of("sepsis screening"), 51.1, 0.0);
        SiteProfile c = site("c", List.of("AKI alerts"), List.of("sepsis screening"), 51.1, 0.0);
        SiteProfile d = site("d", List.of("sepsis screening"), List.of("AKI alerts"), 51.1, 0.0);
        History history = new History(Map.of(History.pairKey("a", "b"), "Round 1", History.pairKey("c", "d"), "Round 1"));
        Proposal proposal = Matcher.match(List.of(a, b, c, d), history, List.of());
        for (Group group : proposal.groups()) {
            assertFalse(group.reasons().stream().anyMatch(r -> r.startsWith("paired before")), group::toString);
        }
    }

    @Test
    void greedyNeverBeatsTheMatching() {
        Random random = new Random(5);
        for (int round = 0; round < 50; round++) {
            List<SiteProfile> sites = Instances.random(random, 40, 0.05);
            History history = Instances.randomHistory(random, sites, 0.05);
            assertTrue(Matcher.greedy(sites, history).objective() <= Matcher.match(sites, history, List.of()).objective());
        }
    }

    private static SiteProfile site(String id, List<String> offers, List<String> wants, double lat, double lon) {
        return new SiteProfile(id, id.toUpperCase(), offers, wants, Map.of(), lat, lon, 1, Set.of());
    }

    /** The best objective over every matching of the sites, by trying them all (memoised over the sets of sites left). */
    private static long bruteForce(List<SiteProfile> sites, Objective objective, History history) {
        int n = sites.size();
        long[][] weight = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                weight[i][j] = sites.get(i).excludes(sites.get(j))
                        ? -1
                        : objective.weight(Scoring.score(sites.get(i), sites.get(j), history));
            }
        }
        long[] best = new long[1 << n];
        java.util.Arrays.fill(best, -1);
        return bestOf((1 << n) - 1, weight, best);
    }

    private static long bestOf(int left, long[][] weight, long[] memo) {
        if (left == 0) {
            return 0;
        }
        if (memo[left] >= 0) {
            return memo[left];
        }
        int first = Integer.numberOfTrailingZeros(left);
        int rest = left & ~(1 << first);
        long best = bestOf(rest, weight, memo); // the first site stays single
        for (int j = first + 1; j < weight.length; j++) {
            if ((rest & (1 << j)) != 0 && weight[first][j] >= 0) {
                best = Math.max(best, weight[first][j] + bestOf(rest & ~(1 << j), weight, memo));
            }
        }
        memo[left] = best;
        return best;
    }

    private static long objectiveOf(Proposal proposal, List<SiteProfile> sites, History history) {
        Map<String, SiteProfile> byId = new java.util.HashMap<>();
        sites.forEach(s -> byId.put(s.id(), s));
        Objective objective = new Objective((int) sites.stream().filter(s -> s.capacity() > 0).count());
        return proposal.groups().stream()
                .mapToLong(g -> objective.weight(Scoring.score(byId.get(g.siteIds().get(0)), byId.get(g.siteIds().get(1)), history)))
                .sum();
    }
}
