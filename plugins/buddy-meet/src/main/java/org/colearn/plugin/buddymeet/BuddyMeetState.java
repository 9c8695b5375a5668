package org.colearn.plugin.buddymeet;

import java.time.Instant;
import java.util.List;

/**
 * A buddy meet as it stands, stored by the server after every callback.
 *
 * @param prompt the question for the pairs
 * @param phase {@code meeting} or {@code done}
 * @param endsAt when the pairs' time is up; null once done
 * @param warned whether the two-minute warning has gone out
 * @param stepsMade how many steps were ever added, for the ids of new ones
 * @param pairs every pair with its room, items and steps
 * @param meetId this meet's own id, which makes the keys of its steps in the pairs' spaces; null in a meet stored
 *     before meets had one
 */
public record BuddyMeetState(String prompt, String phase, Instant endsAt, boolean warned, int stepsMade, List<PairRoom> pairs,
        String meetId) {

    /**
     * One pair in the meet.
     *
     * @param id the pair's id
     * @param sites its sites' names
     * @param facultyInvited whether facilitators may see its items and steps
     * @param openItems what the pair has open, as the server put it in words
     * @param memberIds the person ids of its sites' members, who alone meet in its room and see its items
     * @param roomId its breakout room, null until one of its members is present
     * @param steps the next steps it agreed
     * @param met the ids of the people who were seated in its room, for the count in the result
     */
    public record PairRoom(String id, List<String> sites, boolean facultyInvited, List<String> openItems,
            List<String> memberIds, String roomId, List<Step> steps, List<String> met) {}

    /** A next step a pair agreed: who wrote it, and whether it is done. */
    public record Step(String id, String text, String by, boolean done) {}
}
