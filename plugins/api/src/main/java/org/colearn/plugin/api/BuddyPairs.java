package org.colearn.plugin.api;

import java.util.List;

/**
 * The buddy pairs of the session's collaborative: pairs (or triads) of sites that both leads accepted. A pair's open
 * items belong to its sites: an activity shows them only to people of those sites, and to facilitators only when the
 * pair invited faculty in. Reads the database: call it in answer to a message or when the activity starts.
 *
 * @since 1
 */
public interface BuddyPairs {

    /**
     * One active pair.
     *
     * @param id stable id of the pair
     * @param sites the names of its sites, as in {@link Participant#site()}
     * @param facultyInvited whether the pair invited facilitators into its space
     * @param openItems what the pair has open, in plain words, soonest first: visits planned from today on, the
     *     latest check-in of each side, and its latest notes (notes are never marked open or closed)
     * @param memberIds the {@link Participant#personId() person ids} of the members of its sites: people whose
     *     membership of the collaborative places them at one of them. Decide who belongs to the pair by these, never
     *     by {@link Participant#site()} alone: a guest's site is whatever they typed.
     */
    record Pair(String id, List<String> sites, boolean facultyInvited, List<String> openItems, List<String> memberIds) {}

    /** The collaborative's active pairs now. Never null. */
    List<Pair> active();
}
