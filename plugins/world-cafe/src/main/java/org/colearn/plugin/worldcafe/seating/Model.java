package org.colearn.plugin.worldcafe.seating;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A café turned into numbers for the search: the people still present as indices, the rounds left to plan, who is
 * fixed to which table, how many seats each table has, and what it costs to seat any two people together.
 */
final class Model {

    /** What seating a pair kept apart together costs: more than any mix of weighed rules can save. */
    static final int KEPT_APART = 10_000_000;

    final Weights weights;
    final int people;
    final String[] ids;
    final Map<String, Integer> index = new HashMap<>();
    /** Profession of each person as an index, -1 when not given. */
    final int[] profession;
    final int professions;
    /** Site of each person as an index, -1 when not given. */
    final int[] site;
    /** How many professions each table should hold: 2, or fewer when the roster has fewer. */
    final int mixTarget;
    final int firstRound;
    final int rounds;
    final int tables;
    final Set<Integer> open;
    /** Seats per table in each planned round as the search starts; 0 for a closed table. */
    final int[][] capacity;
    /**
     * The smallest and the largest open table of each planned round. The search may move someone from a largest
     * table to a smallest one, so which tables are the larger may change from round to round.
     */
    final int[] smallest;
    final int[] largest;
    /** Table of each person in each planned round when fixed (host, pin), else -1. */
    final int[][] fixed;
    final boolean[] host;
    /** Cost of seating two people together once, repeats aside: sites, prior meetings, pairs kept apart. */
    final int[] pairCost;
    /** Pairs kept together: they cost nothing for meeting again, and earn the keep-together weight. */
    final boolean[] together;
    final int[][] partners;
    /** How often two people already sat together in the rounds that are not planned again. */
    final byte[] meetingsBefore;
    final long keepTogetherOffset;
    /**
     * What same-site pairs cost at the least in the rounds to plan: each site spread as evenly as the tables allow. A
     * search that reaches it (and breaks no other rule) can stop. 0 when pairs are kept together, whose meetings do
     * not count as same-site pairs.
     */
    final long siteBound;
    /**
     * What a repeat weighs for being early, by planned round: the first round most, the last nothing, all under half
     * a repeat, so that fewer repeats always win and the ones that cannot be avoided go to the last rounds. Null when
     * the café can have no repeat to place (one round) or is too large for the round of each meeting to be kept and
     * asks for no more rounds than can be free of repeats.
     */
    final long[] lateness;
    /** How many rounds of this café can at most be free of repeats, counting from its first. */
    final RepeatFreeRounds repeatFree;

    Model(CafeSetup setup, List<Round> fixedRounds, Set<String> left) {
        weights = setup.weights();
        List<Person> present = setup.people().stream().filter(p -> !left.contains(p.id())).toList();
        people = present.size();
        if (people < 2) {
            throw new IllegalArgumentException("A café seats at least two people.");
        }
        ids = new String[people];
        profession = new int[people];
        site = new int[people];
        Map<String, Integer> professionIndex = new HashMap<>();
        Map<String, Integer> siteIndex = new HashMap<>();
        for (int p = 0; p < people; p++) {
            Person person = present.get(p);
            ids[p] = person.id();
            index.put(person.id(), p);
            profession[p] = person.profession() == null ? -1
                    : professionIndex.computeIfAbsent(person.profession(), k -> professionIndex.size());
            site[p] = person.site() == null ? -1 : siteIndex.computeIfAbsent(person.site(), k -> siteIndex.size());
        }
        professions = professionIndex.size();
        mixTarget = Math.min(2, professions);
        firstRound = fixedRounds.size();
        rounds = setup.rounds() - firstRound;
        if (rounds < 0) {
            throw new IllegalArgumentException("The café has only " + setup.rounds() + " rounds.");
        }
        open = Tables.openFor(setup, fixedRounds, index.keySet(), people);
        int highest = open.stream().mapToInt(Integer::intValue).max().orElse(0);
        for (Round round : fixedRounds) {
            for (Table table : round.tables()) {
                highest = Math.max(highest, table.index());
            }
        }
        tables = highest + 1;
        host = new boolean[people];
        fixed = new int[rounds][people];
        capacity = new int[rounds][tables];
        fix(setup);
        smallest = new int[rounds];
        largest = new int[rounds];
        for (int r = 0; r < rounds; r++) {
            capacity[r] = Tables.capacities(fixed[r], open, tables, people, firstRound + r);
            smallest[r] = people / open.size();
            largest[r] = smallest[r] + (people % open.size() == 0 ? 0 : 1);
        }
        pairCost = new int[people * people];
        together = new boolean[people * people];
        partners = new int[people][];
        keepTogetherOffset = weigh(setup);
        siteBound = setup.keepTogether().isEmpty() ? siteBound(open.size()) : 0;
        repeatFree = RepeatFreeRounds.of(people, open.size(), open.stream().allMatch(setup.hosts()::containsKey));
        lateness = lateness();
        meetingsBefore = new byte[people * people];
        for (Round round : fixedRounds) {
            for (Table table : round.tables()) {
                countMeetings(table.people());
            }
        }
    }

    int pair(int p, int q) {
        return p * people + q;
    }

    boolean movable(int round, int person) {
        return fixed[round][person] < 0;
    }

    /**
     * What seating {@code p} with the people already at a table costs, given the meetings of the rounds not planned
     * again, including the table's change of profession mix.
     */
    long joiningCost(int p, List<String> seated) {
        long cost = 0;
        Set<Integer> kinds = new java.util.HashSet<>();
        for (String id : seated) {
            Integer x = index.get(id);
            if (x == null) {
                continue;
            }
            int pair = pair(p, x);
            int before = meetingsBefore[pair];
            cost += together[pair] ? pairCost[pair]
                    : pairCost[pair] + (before == 0 ? 0 : (long) weights.repeat() * (before + 1));
            if (profession[x] >= 0) {
                kinds.add(profession[x]);
            }
        }
        boolean mixedBefore = kinds.size() >= mixTarget;
        if (profession[p] >= 0) {
            kinds.add(profession[p]);
        }
        return cost + (mixedBefore || kinds.size() < mixTarget ? 0 : -weights.professionMix());
    }

    private void fix(CafeSetup setup) {
        for (int[] round : fixed) {
            Arrays.fill(round, -1);
        }
        setup.hosts().forEach((table, id) -> {
            Integer p = index.get(id);
            if (p != null && open.contains(table)) {
                host[p] = true;
                for (int[] round : fixed) {
                    round[p] = table;
                }
            }
        });
        // A pin for one round wins over a pin for every round; a host cannot be pinned elsewhere.
        List<Pin> pins = new ArrayList<>(setup.pins());
        pins.sort((a, b) -> Boolean.compare(a.round() != Pin.EVERY_ROUND, b.round() != Pin.EVERY_ROUND));
        for (Pin pin : pins) {
            Integer p = index.get(pin.personId());
            if (p == null || !open.contains(pin.table())) {
                continue;
            }
            if (host[p] && rounds > 0 && fixed[0][p] != pin.table()) {
                throw new IllegalArgumentException(pin.personId() + " hosts a table and cannot be pinned to another.");
            }
            for (int r = 0; r < rounds; r++) {
                if (pin.holdsIn(firstRound + r)) {
                    fixed[r][p] = pin.table();
                }
            }
        }
    }

    private long weigh(CafeSetup setup) {
        for (int p = 0; p < people; p++) {
            for (int q = 0; q < people; q++) {
                if (p != q && site[p] >= 0 && site[p] == site[q]) {
                    pairCost[pair(p, q)] = weights.sameSite();
                }
            }
        }
        for (PriorMeeting meeting : setup.priorMeetings()) {
            addToPair(meeting.pair(), weights.priorMeeting() * Math.min(meeting.times(), 100));
        }
        for (Pair pair : setup.keepApart()) {
            addToPair(pair, KEPT_APART);
        }
        List<List<Integer>> partnerLists = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            partnerLists.add(new ArrayList<>());
        }
        long pairsKeptTogether = 0;
        for (Pair pair : new TreeSet<>(setup.keepTogether())) {
            Integer p = index.get(pair.first());
            Integer q = index.get(pair.second());
            if (p == null || q == null) {
                continue;
            }
            if (pairCost[pair(p, q)] >= KEPT_APART) {
                throw new IllegalArgumentException(pair + " cannot be kept both apart and together.");
            }
            // Partners met on purpose: neither a repeat, nor a same-site pair, nor a prior meeting counts.
            pairCost[pair(p, q)] = -weights.keepTogether();
            pairCost[pair(q, p)] = -weights.keepTogether();
            together[pair(p, q)] = true;
            together[pair(q, p)] = true;
            partnerLists.get(p).add(q);
            partnerLists.get(q).add(p);
            pairsKeptTogether++;
        }
        for (int p = 0; p < people; p++) {
            partners[p] = partnerLists.get(p).stream().mapToInt(Integer::intValue).toArray();
        }
        return pairsKeptTogether * rounds * weights.keepTogether();
    }

    private long[] lateness() {
        boolean tooMany = firstRound + rounds > repeatFree.rounds();
        if (rounds < 2 || rounds > 63 || weights.repeat() == 0 || people > 500 && !tooMany) {
            return null;
        }
        long step = Math.max(1, weights.repeat() / (2L * rounds));
        long[] weight = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            weight[r] = step * (rounds - 1 - r);
        }
        return weight;
    }

    private long siteBound(int tableCount) {
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int p = 0; p < people; p++) {
            if (site[p] >= 0) {
                sizes.merge(site[p], 1, Integer::sum);
            }
        }
        long pairs = 0;
        for (int size : sizes.values()) {
            long most = size / tableCount;
            long fuller = size % tableCount;
            pairs += fuller * (most + 1) * most / 2 + (tableCount - fuller) * most * (most - 1) / 2;
        }
        return pairs * rounds * weights.sameSite();
    }

    private void addToPair(Pair pair, int cost) {
        Integer p = index.get(pair.first());
        Integer q = index.get(pair.second());
        if (p != null && q != null) {
            pairCost[pair(p, q)] += cost;
            pairCost[pair(q, p)] += cost;
        }
    }

    private void countMeetings(List<String> seated) {
        for (int i = 0; i < seated.size(); i++) {
            Integer p = index.get(seated.get(i));
            for (int j = i + 1; j < seated.size() && p != null; j++) {
                Integer q = index.get(seated.get(j));
                if (q != null) {
                    meetingsBefore[pair(p, q)]++;
                    meetingsBefore[pair(q, p)]++;
                }
            }
        }
    }
}
