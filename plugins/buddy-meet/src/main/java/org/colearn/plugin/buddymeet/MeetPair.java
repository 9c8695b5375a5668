package org.colearn.plugin.buddymeet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.colearn.plugin.api.BuddyPairs;
import org.colearn.plugin.api.Participant;

/** One pair while the meet runs: what the server said of it, its room, the steps it agreed and who met in it. */
final class MeetPair {

    final String id;
    List<String> sites;
    boolean facultyInvited;
    List<String> openItems;
    List<String> memberIds;
    String roomId;
    final List<BuddyMeetState.Step> steps;
    final Set<String> met;

    private MeetPair(String id, List<String> sites, boolean facultyInvited, List<String> openItems, List<String> memberIds,
            String roomId, List<BuddyMeetState.Step> steps, Set<String> met) {
        this.id = id;
        this.sites = sites;
        this.facultyInvited = facultyInvited;
        this.openItems = openItems;
        this.memberIds = memberIds;
        this.roomId = roomId;
        this.steps = steps;
        this.met = met;
    }

    static MeetPair of(BuddyPairs.Pair pair) {
        return new MeetPair(pair.id(), List.copyOf(pair.sites()), pair.facultyInvited(), List.copyOf(pair.openItems()),
                List.copyOf(pair.memberIds()), null, new ArrayList<>(), new LinkedHashSet<>());
    }

    static MeetPair of(BuddyMeetState.PairRoom stored) {
        return new MeetPair(stored.id(), stored.sites(), stored.facultyInvited(), stored.openItems(), stored.memberIds(),
                stored.roomId(), new ArrayList<>(stored.steps()), new LinkedHashSet<>(stored.met()));
    }

    BuddyMeetState.PairRoom state() {
        return new BuddyMeetState.PairRoom(id, sites, facultyInvited, openItems, memberIds, roomId, List.copyOf(steps),
                List.copyOf(met));
    }

    /** Takes what the server says of the pair now, keeping its room and steps. */
    void update(BuddyPairs.Pair now) {
        sites = List.copyOf(now.sites());
        facultyInvited = now.facultyInvited();
        openItems = List.copyOf(now.openItems());
        memberIds = List.copyOf(now.memberIds());
    }

    /**
     * The members of the pair's sites, as the server knows them (a guest who names one of its sites is not one);
     * facilitators meet the pairs from the plenary.
     */
    boolean member(Participant person) {
        return !person.facilitator() && memberIds.contains(person.personId());
    }

    /** Someone who says they are from one of the pair's sites but is not known as its member, such as a guest. */
    boolean claimedBy(Participant person) {
        return !person.facilitator() && person.site() != null && sites.contains(person.site()) && !member(person);
    }

    /** Whether this person may read the pair's items and steps: its members, and facilitators if it invited them. */
    boolean readableBy(Participant person) {
        return member(person) || (person.facilitator() && facultyInvited);
    }

    Optional<BuddyMeetState.Step> step(String stepId) {
        return steps.stream().filter(step -> step.id().equals(stepId)).findFirst();
    }

    /** The sites' names as people say them: "Ashford & Bromley", "Ashford, Bromley & Croydon". */
    String name() {
        if (sites.size() == 1) {
            return sites.get(0);
        }
        return String.join(", ", sites.subList(0, sites.size() - 1)) + " & " + sites.get(sites.size() - 1);
    }
}
