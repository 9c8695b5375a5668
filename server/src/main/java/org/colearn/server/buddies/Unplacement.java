package org.colearn.server.buddies;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.colearn.server.community.Site;

/**
 * Says precisely why a site could not be placed in a run: for every other site of the collaborative, what kept it from
 * being this site's partner (a decline in this round, either profile's exclusions, a pair of the round already, no
 * profile, no room, or not being among the sites of this run), so that the facilitator knows what to change.
 *
 * @param sites every site of the collaborative, by id, in name order
 * @param profiles the sites' buddy profiles
 * @param busy the sites already in a pair of the round that the run kept (pinned, published or active)
 * @param declined for each site whose lead declined a pair of this round, the sites of that pair
 * @param chosen the sites the run was asked to pair
 */
record Unplacement(
        Map<UUID, Site> sites, Map<UUID, BuddyProfile> profiles, Set<UUID> busy, Map<UUID, Set<UUID>> declined, Set<UUID> chosen) {

    /** "Ashford could not be placed: it declined Bromley in this round; Canterbury and Dover are in pairs already." */
    String reason(UUID siteId) {
        Site site = sites.get(siteId);
        BuddyProfile own = profiles.get(siteId);
        List<String> parts = new ArrayList<>();
        // Each other site is named once, for the first reason that holds.
        List<UUID> others = new ArrayList<>(sites.keySet().stream().filter(id -> !id.equals(siteId)).toList());
        addPart(parts, "it declined ", others, id -> declined.getOrDefault(siteId, Set.of()).contains(id), " in this round");
        addPart(parts, "", others, id -> declined.getOrDefault(id, Set.of()).contains(siteId), " declined it in this round", " declined it in this round");
        addPart(parts, "its profile excludes ", others, id -> own != null && own.excluded().contains(id), "");
        addPart(parts, "", others, id -> profiles.containsKey(id) && profiles.get(id).excluded().contains(siteId), " excludes it in its profile", " exclude it in their profiles");
        addPart(parts, "", others, busy::contains, " is in a pair of this round already", " are in pairs of this round already");
        addPart(parts, "", others, id -> !profiles.containsKey(id), " has no buddy profile", " have no buddy profile");
        addPart(parts, "", others, id -> profiles.containsKey(id) && profiles.get(id).capacity() < 1, " has no room for a buddy now", " have no room for a buddy now");
        addPart(parts, "", others, id -> profiles.containsKey(id) && !busy.contains(id) && !chosen.contains(id), " was not among the sites of this run", " were not among the sites of this run");
        if (parts.isEmpty()) {
            return site.name() + " could not be placed: every pair of this run is full, and it cannot join one as a third site";
        }
        return site.name() + " could not be placed: " + String.join("; ", parts);
    }

    private void addPart(List<String> parts, String before, List<UUID> others, Predicate<UUID> test, String after) {
        addPart(parts, before, others, test, after, after);
    }

    /** Adds "Bromley and Croydon are …" (or "Bromley is …") for the other sites that pass the test, and names them no more. */
    private void addPart(List<String> parts, String before, List<UUID> others, Predicate<UUID> test, String one, String many) {
        List<UUID> passing = others.stream().filter(test).toList();
        others.removeAll(passing);
        List<String> names = passing.stream().map(id -> sites.get(id).name()).toList();
        if (!names.isEmpty()) {
            parts.add(before + list(names) + (names.size() == 1 ? one : many));
        }
    }

    private static String list(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
