package org.colearn.plugin.buddymeet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.colearn.plugin.api.ActivityContext;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.api.Rooms;

/**
 * Puts each pair's members present in the pair's room. A pair gets its room when its first member is here; since
 * opening rooms replaces the open ones, a new room means opening them all again with whoever is in each now, so
 * nobody already seated is moved or left behind.
 */
final class Seating {

    private final ActivityContext context;

    Seating(ActivityContext context) {
        this.context = context;
    }

    /** Seats every member present: in their pair's room if it is open, opening the rooms that are missing. */
    void seatEveryone(List<MeetPair> pairs) throws ActivityException {
        List<Participant> present = context.present();
        boolean missing = pairs.stream().anyMatch(pair -> pair.roomId == null && present.stream().anyMatch(pair::member));
        if (missing) {
            reopen(pairs, present);
            return;
        }
        for (Participant person : present) {
            Optional<MeetPair> pair = pairs.stream().filter(candidate -> candidate.member(person)).findFirst();
            if (pair.isPresent() && context.rooms().roomOf(person.personId()).isEmpty()) {
                seat(person, pair.get(), pairs);
            }
        }
    }

    /** Seats one person who has just arrived, if their site is in a pair and they are not in a room already. */
    void seat(Participant person, MeetPair pair, List<MeetPair> pairs) throws ActivityException {
        if (pair.roomId == null) {
            reopen(pairs, context.present());
            return;
        }
        try {
            context.rooms().move(person.personId(), pair.roomId);
            pair.met.add(person.personId());
        } catch (ActivityException roomGone) {
            // A facilitator closed the rooms by hand: open them again, this person's pair's included.
            pairs.forEach(each -> each.roomId = null);
            reopen(pairs, context.present());
        }
    }

    /**
     * Opens a room for each pair that has one or has a member here: in it, whoever is in its room now, and its
     * members who are in no room.
     */
    private void reopen(List<MeetPair> pairs, List<Participant> present) throws ActivityException {
        List<MeetPair> seated = new ArrayList<>();
        List<Rooms.Plan> plans = new ArrayList<>();
        List<List<String>> members = new ArrayList<>();
        for (MeetPair pair : pairs) {
            List<String> people = new ArrayList<>();
            List<String> itsMembers = new ArrayList<>();
            for (Participant person : present) {
                Optional<String> room = context.rooms().roomOf(person.personId());
                boolean inItsRoom = pair.roomId != null && room.isPresent() && room.get().equals(pair.roomId);
                boolean unseatedMember = pair.member(person) && (room.isEmpty() || !ours(room.get(), pairs));
                if (inItsRoom || unseatedMember) {
                    people.add(person.personId());
                }
                if (pair.member(person) && (inItsRoom || unseatedMember)) {
                    itsMembers.add(person.personId());
                }
            }
            if (!people.isEmpty()) {
                seated.add(pair);
                plans.add(new Rooms.Plan(pair.name(), people));
                members.add(itsMembers);
            }
        }
        pairs.forEach(pair -> pair.roomId = null);
        List<String> ids = context.rooms().open(plans);
        for (int i = 0; i < seated.size(); i++) {
            seated.get(i).roomId = ids.get(i);
            seated.get(i).met.addAll(members.get(i));
        }
    }

    private static boolean ours(String roomId, List<MeetPair> pairs) {
        return pairs.stream().anyMatch(pair -> roomId.equals(pair.roomId));
    }
}
