package org.colearn.plugin.worldcafe.seating;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What no seating of one round can avoid, and why: same-site pairs when a site has more people than there are tables,
 * and tables of one profession when too few people have another (or any) profession to mix every table.
 *
 * @param people how many people the round seats
 * @param tables how many tables it has
 * @param crowdedSites the sites with more people than tables, the largest first
 * @param unmixedTables the least number of tables without a mix of professions
 * @param unmixedReason why, in a sentence for the facilitator; null when every table can mix
 */
public record Unavoidable(int people, int tables, List<CrowdedSite> crowdedSites, int unmixedTables,
        String unmixedReason) {

    public Unavoidable {
        crowdedSites = List.copyOf(crowdedSites);
    }

    /** A site with {@code people} of the round's people, who make at least {@code leastPairs} same-site pairs. */
    public record CrowdedSite(String site, int people, int leastPairs) {}

    /** What a round of {@code tables} tables seating {@code people} cannot avoid. */
    public static Unavoidable inRound(List<Person> people, int tables) {
        int g = Math.max(1, tables);
        Map<String, Integer> sites = new LinkedHashMap<>();
        Map<String, Integer> professions = new LinkedHashMap<>();
        for (Person person : people) {
            if (person.site() != null) {
                sites.merge(person.site(), 1, Integer::sum);
            }
            if (person.profession() != null) {
                professions.merge(person.profession(), 1, Integer::sum);
            }
        }
        List<CrowdedSite> crowded = new ArrayList<>();
        sites.forEach((site, size) -> {
            long most = size / g;
            long fuller = size % g;
            long pairs = fuller * (most + 1) * most / 2 + (g - fuller) * most * (most - 1) / 2;
            if (pairs > 0) {
                crowded.add(new CrowdedSite(site, size, (int) pairs));
            }
        });
        crowded.sort(Comparator.comparingInt((CrowdedSite site) -> -site.people()).thenComparing(CrowdedSite::site));
        int unmixed = 0;
        String reason = null;
        if (professions.size() >= 2) {
            Map.Entry<String, Integer> largest = professions.entrySet().stream().max(Map.Entry.comparingByValue())
                    .orElseThrow();
            int withProfession = professions.values().stream().mapToInt(Integer::intValue).sum();
            int others = withProfession - largest.getValue();
            // A mixed table holds two people of different professions: one of them not of the largest profession.
            if (withProfession / 2 < others && withProfession / 2 < g) {
                unmixed = g - withProfession / 2;
                reason = "Only " + withProfession + " of " + people.size() + " people gave a profession: at least "
                        + unmixed + " of the " + g + " tables cannot mix professions each round.";
            } else if (others < g) {
                unmixed = g - others;
                reason = "Only " + others + " of " + people.size() + " people are not " + largest.getKey()
                        + "s: at least " + unmixed + " of the " + g + " tables have one profession each round.";
            }
        }
        return new Unavoidable(people.size(), g, crowded, unmixed, reason);
    }

    /** The least number of same-site pairs in the round. */
    public int sameSitePairs() {
        return crowdedSites.stream().mapToInt(CrowdedSite::leastPairs).sum();
    }

    /** One sentence per crowded site, then why tables cannot all mix professions, if they cannot. */
    public List<String> reasons() {
        List<String> lines = new ArrayList<>();
        for (CrowdedSite site : crowdedSites) {
            lines.add(site.site() + " has " + site.people() + " of " + people + " people at " + tables + " tables: at least "
                    + site.leastPairs() + " same-site " + (site.leastPairs() == 1 ? "pair" : "pairs") + " each round.");
        }
        if (unmixedReason != null) {
            lines.add(unmixedReason);
        }
        return lines;
    }
}
