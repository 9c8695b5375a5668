package org.colearn.plugin.buddymeet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colearn.plugin.api.BuddyPairs;

/** Buddy pairs kept in a list, which a test changes as the pairs would change in their spaces. */
final class InMemoryBuddyPairs implements BuddyPairs {

    final List<Pair> pairs = new ArrayList<>();
    /** The steps kept with each pair, by the pair's id, in the order they were kept. */
    final Map<String, List<Step>> kept = new LinkedHashMap<>();

    /** A pair of these sites whose members are the people with these ids. */
    InMemoryBuddyPairs add(String id, boolean facultyInvited, List<String> openItems, List<String> sites, String... memberIds) {
        pairs.add(new Pair(id, sites, facultyInvited, openItems, List.of(memberIds)));
        return this;
    }

    /** The pair with this id, now with the faculty invited. */
    void inviteFaculty(String id) {
        pairs.replaceAll(pair -> pair.id().equals(id) ? new Pair(pair.id(), pair.sites(), true, pair.openItems(), pair.memberIds()) : pair);
    }

    @Override
    public List<Pair> active() {
        return List.copyOf(pairs);
    }

    @Override
    public void keepSteps(String pairId, List<Step> steps) {
        kept.computeIfAbsent(pairId, id -> new ArrayList<>()).addAll(steps);
    }
}
