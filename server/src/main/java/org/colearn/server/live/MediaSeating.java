package org.colearn.server.live;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.colearn.server.media.MediaRooms;

/**
 * Keeps one session's voice and video following its seating: tells the media rooms where everyone is when someone came
 * or went or the rooms or the stage changed, tells each person the media room they are given, and remembers it for
 * the person's further tabs. Runs on its session's thread; the media rooms answer on {@code mailbox}.
 */
final class MediaSeating {

    private final UUID sessionId;
    private final MediaRooms media;
    /**
     * In a large session, when the media rooms are next told where everyone is: a crowd arriving is seated a few times a
     * second, not per arrival (each seating walks everyone present). A small session is seated at every change, so
     * that two people placed together may signal each other as soon as they are told so.
     */
    private final PresencePace pace;
    private final Consumer<Runnable> mailbox;
    /** Who is where changed since the media rooms were last told: someone came or went. */
    private boolean dirty;
    private long roomsSeq = -1;
    /** The last media room each person present was told to join, as its frame. */
    private final Map<UUID, String> told = new HashMap<>();

    MediaSeating(UUID sessionId, MediaRooms media, PresencePace pace, Consumer<Runnable> mailbox) {
        this.sessionId = sessionId;
        this.media = media;
        this.pace = pace;
        this.mailbox = mailbox;
    }

    MediaRooms rooms() {
        return media;
    }

    /** Someone came, or their last tab went. */
    void peopleChanged() {
        dirty = true;
    }

    /**
     * Tells the media rooms where everyone is if that changed (in a large session, at the pace); each person whose room
     * changes is sent it on every connection of theirs in {@code connections} as they are when the answer comes.
     */
    void seat(SessionState state, PresenceFanOut presence, Collection<Connection> connections) {
        long seq = state.placesChangeSeq();
        if ((!dirty && seq == roomsSeq) || (presence.large() && !pace.mayGo())) {
            return;
        }
        dirty = false;
        roomsSeq = seq;
        media.seat(sessionId, MediaSignals.places(state, presence.viewers()), (personId, assignment) -> mailbox.accept(() -> {
            String frame = Frames.signal(MediaSignals.ROOM, assignment);
            if ("none".equals(assignment.path("mode").asText())) {
                told.remove(personId);
            } else {
                told.put(personId, frame);
            }
            for (Connection connection : connections) {
                if (connection.viewer.personId().equals(personId)) {
                    connection.send(frame);
                }
            }
        }));
    }

    /** The media room this person was last told to join, as its frame, for a tab that joins now; null for none. */
    String toldTo(UUID personId) {
        return told.get(personId);
    }

    /** The session leaves this node: its media rooms are destroyed. */
    void forget() {
        media.forget(sessionId);
    }
}
