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

    /** A room to open: its name and who goes in it (person ids of people present). */
    record Plan(String name, List<String> personIds) {}

    /** Opens these rooms, replacing any open ones; returns their ids in the same order. */
    List<String> open(List<Plan> rooms) throws ActivityException;

    /** Moves one person to a room, or to the plenary when {@code roomId} is null. */
    void move(String personId, String roomId) throws ActivityException;

    /** Closes every room; everyone is back in the plenary. */
    void close();

    /** The room a person is in, if any. */
    Optional<String> roomOf(String personId);
}
