package org.colearn.plugin.api;

import java.util.List;
import java.util.Optional;

/**
 * The session's breakout rooms, which belong to the platform: an activity asks for them here, and facilitators can
 * also move people by hand. Closing or moving never strands anyone: whoever is not in a room is in the plenary.
 *
 * @since 1
 */
public interface Rooms {

    /**
     * A room to open: its name, who goes in it (person ids of people present), and whether it is text only. Rooms
     * carry voice and video unless their activity says otherwise; a text-only room gets no media room, and its people
     * are told so and keep its chat.
     *
     * @param name what people call the room ("Table 2"), unique among the rooms opened together
     * @param personIds who goes in it
     * @param textOnly whether the room has no voice and video ({@code @since 2})
     */
    record Plan(String name, List<String> personIds, boolean textOnly) {

        /** A room with voice and video, as every room was before text-only rooms. */
        public Plan(String name, List<String> personIds) {
            this(name, personIds, false);
        }

        /**
         * A room whose people only write to each other: for work that is done in writing, or where talking would be
         * heard by others.
         *
         * @since 2
         */
        public static Plan textOnly(String name, List<String> personIds) {
            return new Plan(name, personIds, true);
        }
    }

    /** Opens these rooms, replacing any open ones; returns their ids in the same order. */
    List<String> open(List<Plan> rooms) throws ActivityException;

    /** Moves one person to a room, or to the plenary when {@code roomId} is null. */
    void move(String personId, String roomId) throws ActivityException;

    /** Closes every room; everyone is back in the plenary. */
    void close();

    /** The room a person is in, if any. */
    Optional<String> roomOf(String personId);
}
