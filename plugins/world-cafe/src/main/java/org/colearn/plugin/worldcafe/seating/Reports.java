package org.colearn.plugin.worldcafe.seating;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.colearn.plugin.worldcafe.seating.SeatingReport.PriorRepeat;
import org.colearn.plugin.worldcafe.seating.SeatingReport.Repeat;
import org.colearn.plugin.worldcafe.seating.SeatingReport.SameSitePair;
import org.colearn.plugin.worldcafe.seating.SeatingReport.Separation;
import org.colearn.plugin.worldcafe.seating.SeatingReport.Sitting;
import org.colearn.plugin.worldcafe.seating.SeatingReport.UnmixedTable;

/** Reads a seating against the setup's rules and lists, in a stable order, everything it does not meet. */
final class Reports {

    private Reports() {}

    static SeatingReport of(CafeSetup setup, List<Round> rounds) {
        Map<String, Person> people = new HashMap<>();
        setup.people().forEach(person -> people.put(person.id(), person));
        Set<Pair> apart = new HashSet<>(setup.keepApart());
        Set<Pair> together = new HashSet<>(setup.keepTogether());
        Map<Pair, Integer> prior = new HashMap<>();
        setup.priorMeetings().forEach(m -> prior.merge(m.pair(), m.times(), Integer::sum));
        Map<Pair, List<Integer>> meetings = new TreeMap<>();
        List<SameSitePair> sameSite = new ArrayList<>();
        List<UnmixedTable> unmixed = new ArrayList<>();
        List<Sitting> keptApartTogether = new ArrayList<>();
        for (int r = 0; r < rounds.size(); r++) {
            int target = Math.min(2, (int) rounds.get(r).tables().stream().flatMap(t -> t.people().stream())
                    .map(id -> people.get(id).profession()).filter(p -> p != null).distinct().count());
            for (Table table : rounds.get(r).tables()) {
                List<String> seated = table.people();
                for (int i = 0; i < seated.size(); i++) {
                    for (int j = i + 1; j < seated.size(); j++) {
                        Pair pair = Pair.of(seated.get(i), seated.get(j));
                        if (apart.contains(pair)) {
                            keptApartTogether.add(new Sitting(pair, r, table.index()));
                        }
                        if (together.contains(pair)) {
                            continue;
                        }
                        meetings.computeIfAbsent(pair, p -> new ArrayList<>()).add(r);
                        String site = people.get(seated.get(i)).site();
                        if (site != null && site.equals(people.get(seated.get(j)).site())) {
                            sameSite.add(new SameSitePair(pair, site, r, table.index()));
                        }
                    }
                }
                List<String> professions = seated.stream().map(id -> people.get(id).profession())
                        .filter(p -> p != null).distinct().toList();
                if (seated.size() > 1 && professions.size() < target) {
                    unmixed.add(new UnmixedTable(r, table.index(), professions.isEmpty() ? null : professions.get(0)));
                }
            }
        }
        List<Repeat> repeats = new ArrayList<>();
        List<PriorRepeat> priorRepeats = new ArrayList<>();
        meetings.forEach((pair, inRounds) -> {
            if (inRounds.size() > 1) {
                repeats.add(new Repeat(pair, inRounds));
            }
            if (prior.containsKey(pair)) {
                priorRepeats.add(new PriorRepeat(pair, prior.get(pair), inRounds));
            }
        });
        return new SeatingReport(repeats, priorRepeats, sameSite, unmixed, keptApartTogether,
                separations(together, rounds));
    }

    private static List<Separation> separations(Set<Pair> together, List<Round> rounds) {
        List<Separation> separated = new ArrayList<>();
        for (Pair pair : new java.util.TreeSet<>(together)) {
            List<Integer> apartIn = new ArrayList<>();
            for (int r = 0; r < rounds.size(); r++) {
                Round round = rounds.get(r);
                var first = round.tableOf(pair.first());
                var second = round.tableOf(pair.second());
                if (first.isPresent() && second.isPresent() && first.get().index() != second.get().index()) {
                    apartIn.add(r);
                }
            }
            if (!apartIn.isEmpty()) {
                separated.add(new Separation(pair, apartIn));
            }
        }
        return separated;
    }
}
