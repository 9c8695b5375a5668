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
     *     next steps it agreed that are not done yet, the latest check-in of each side, and its latest notes (notes
     *     are never marked open or closed)
     * @param memberIds the {@link Participant#personId() person ids} of the members of its sites: people whose
     *     membership of the collaborative places them at one of them. Decide who belongs to the pair by these, never
     *     by {@link Participant#site()} alone: a guest's site is whatever they typed.
     */
    record Pair(String id, List<String> sites, boolean facultyInvited, List<String> openItems, List<String> memberIds) {}

    /** The collaborative's active pairs now. Never null. */
    List<Pair> active();

    /**
     * A next step a pair agreed.
     *
     * @param key what the activity calls this step, the same each time it keeps it (at most 200 characters): a step
     *     kept again under its key is not added twice
     * @param text what was agreed, 1 to 500 characters
     * @param by who wrote it down, by name; null when not known
     * @param done whether it was already done when kept
     * @since 1
     */
    record Step(String key, String text, String by, boolean done) {}

    /**
     * Keeps next steps with an active pair of the collaborative, in the pair's own space, where the people of its
     * sites read them and mark them done, and where later activities find the open ones among {@link Pair#openItems()}.
     * Only the pair's sites (and facilitators it invited) ever read them. A step kept again under the same key is left
     * as the space has it, except that a step kept as done becomes done. Steps of a pair that is not (or no longer) an
     * active pair of the collaborative are not kept. Writes the database: call it in answer to a message or when the
     * activity ends, never while making a view.
     *
     * <p>The default keeps nothing, so that pairs a test made before this method existed still compile; the server's
     * pairs keep the steps.
     *
     * @since 1
     */
    default void keepSteps(String pairId, List<Step> steps) {}
}
