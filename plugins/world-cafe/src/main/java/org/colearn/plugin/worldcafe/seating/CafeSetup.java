package org.colearn.plugin.worldcafe.seating;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the facilitator asks of a café's seating: who takes part, how many tables or how large, how many rounds,
 * the hosts, the pins, the pairs to keep apart or together, who met before, and the weights of the mixing rules.
 *
 * <p>Exactly one of {@code tableSize} and {@code tableCount} is set (the other is 0). With a table size, the café
 * has as many tables as it takes for no table to be larger; with a count, people are spread over that many.
 * Either way table sizes never differ by more than one, and no table is left with a single person.
 *
 * @param people everyone to seat, ids distinct
 * @param tableSize the largest table, 2 to 20, or 0 when {@code tableCount} is set
 * @param tableCount how many tables, or 0 when {@code tableSize} is set
 * @param rounds how many rounds, 1 to 50
 * @param hosts table index to the id of its host, who sits at that table in every round (at most one per table)
 * @param pins people fixed to a table for every round or for one round
 * @param keepApart pairs who never share a table (a hard rule)
 * @param keepTogether pairs who should share a table in every round (weighed, not hard: see {@link Weights})
 * @param priorMeetings pairs who sat together in earlier sessions of the collaborative
 * @param weights how much each mixing rule counts
 */
public record CafeSetup(List<Person> people, int tableSize, int tableCount, int rounds, Map<Integer, String> hosts,
        List<Pin> pins, List<Pair> keepApart, List<Pair> keepTogether, List<PriorMeeting> priorMeetings,
        Weights weights) {

    public CafeSetup {
        people = List.copyOf(people);
        hosts = Map.copyOf(new TreeMap<>(hosts));
        pins = List.copyOf(pins);
        keepApart = List.copyOf(keepApart);
        keepTogether = List.copyOf(keepTogether);
        priorMeetings = List.copyOf(priorMeetings);
        Objects.requireNonNull(weights, "weights");
        check(people, tableSize, tableCount, rounds, hosts);
    }

    /** A café of tables of at most {@code tableSize} people, with default weights and no other rules. */
    public static CafeSetup bySize(List<Person> people, int tableSize, int rounds) {
        return new CafeSetup(people, tableSize, 0, rounds, Map.of(), List.of(), List.of(), List.of(), List.of(),
                Weights.DEFAULTS);
    }

    /** A café of {@code tableCount} tables, with default weights and no other rules. */
    public static CafeSetup byTables(List<Person> people, int tableCount, int rounds) {
        return new CafeSetup(people, 0, tableCount, rounds, Map.of(), List.of(), List.of(), List.of(), List.of(),
                Weights.DEFAULTS);
    }

    public CafeSetup withPeople(List<Person> newPeople) {
        return new CafeSetup(newPeople, tableSize, tableCount, rounds, hosts, pins, keepApart, keepTogether,
                priorMeetings, weights);
    }

    public CafeSetup withRounds(int newRounds) {
        return new CafeSetup(people, tableSize, tableCount, newRounds, hosts, pins, keepApart, keepTogether,
                priorMeetings, weights);
    }

    public CafeSetup withHosts(Map<Integer, String> newHosts) {
        return new CafeSetup(people, tableSize, tableCount, rounds, newHosts, pins, keepApart, keepTogether,
                priorMeetings, weights);
    }

    public CafeSetup withPins(List<Pin> newPins) {
        return new CafeSetup(people, tableSize, tableCount, rounds, hosts, newPins, keepApart, keepTogether,
                priorMeetings, weights);
    }

    public CafeSetup withKeepApart(List<Pair> pairs) {
        return new CafeSetup(people, tableSize, tableCount, rounds, hosts, pins, pairs, keepTogether,
                priorMeetings, weights);
    }

    public CafeSetup withKeepTogether(List<Pair> pairs) {
        return new CafeSetup(people, tableSize, tableCount, rounds, hosts, pins, keepApart, pairs, priorMeetings,
                weights);
    }

    public CafeSetup withPriorMeetings(List<PriorMeeting> meetings) {
        return new CafeSetup(people, tableSize, tableCount, rounds, hosts, pins, keepApart, keepTogether, meetings,
                weights);
    }

    public CafeSetup withWeights(Weights newWeights) {
        return new CafeSetup(people, tableSize, tableCount, rounds, hosts, pins, keepApart, keepTogether,
                priorMeetings, newWeights);
    }

    /** How many tables the café opens with. */
    public int initialTables() {
        return tableSize > 0 ? Math.max(1, (people.size() + tableSize - 1) / tableSize) : tableCount;
    }

    private static void check(List<Person> people, int tableSize, int tableCount, int rounds,
            Map<Integer, String> hosts) {
        if ((tableSize == 0) == (tableCount == 0)) {
            throw new IllegalArgumentException("Give either a table size or a number of tables.");
        }
        if (tableSize != 0 && (tableSize < 2 || tableSize > 20)) {
            throw new IllegalArgumentException("A table seats 2 to 20 people.");
        }
        if (tableCount < 0) {
            throw new IllegalArgumentException("The number of tables cannot be negative.");
        }
        if (rounds < 1 || rounds > 50) {
            throw new IllegalArgumentException("A café has 1 to 50 rounds.");
        }
        Set<String> ids = new HashSet<>();
        for (Person person : people) {
            if (!ids.add(person.id())) {
                throw new IllegalArgumentException("Each person is seated once: " + person.id());
            }
        }
        Set<String> hostIds = new HashSet<>();
        hosts.forEach((table, host) -> {
            if (table < 0 || !ids.contains(host) || !hostIds.add(host)) {
                throw new IllegalArgumentException("A host is someone seated, at one table from 0: " + host);
            }
        });
    }
}
