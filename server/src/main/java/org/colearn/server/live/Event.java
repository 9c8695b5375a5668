package org.colearn.server.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened in a live session, numbered by the session's sequence. Its audience says who may see it:
 * {@code everyone}, {@code facilitators}, or {@code person:<id>}.
 */
record Event(long seq, String type, String audience, ObjectNode body, Instant at) {

    static final String EVERYONE = "everyone";
    static final String FACILITATORS = "facilitators";
    static final String ROOM_PREFIX = "room:";
    /** A room's members only, without the facilitators. */
    static final String MEMBERS_PREFIX = "members:";

    static String person(UUID personId) {
        return "person:" + personId;
    }

    static String room(String roomId) {
        return ROOM_PREFIX + roomId;
    }

    /** Whether this viewer is in one audience part; room parts are decided by {@link SessionState#visible}. */
    static boolean visibleTo(String audience, Viewer viewer) {
        return switch (audience) {
            case EVERYONE -> true;
            case FACILITATORS -> viewer.facilitator();
            default -> audience.equals(person(viewer.personId()));
        };
    }
}
