package org.colearn.server.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.colearn.server.system.Json;

/**
 * What of a live session is committed: its latest snapshot and the events committed after it, kept in memory so that
 * a failed write rolls the session back without reading the log; and when the next batch should carry a snapshot.
 */
final class Committed {

    /** A snapshot at least every so many events, so that a restore never replays more. */
    static final int SNAPSHOT_EVENTS = 1000;
    /** Nor more characters of event bodies than this, or than the last snapshot had, whichever is more. */
    static final long SNAPSHOT_CHARS = 256 * 1024;
    /** Moments after which a session is often looked at again: an activity or item begins or ends, rooms change. */
    static final Set<String> MOMENTS = Set.of("activity.started", "activity.ended", "activity.failed",
            "agenda.item.started", "agenda.item.ended", "rooms.opened", "rooms.closed", "session.ended");

    /** The latest snapshot, as JSON; null while the session has none. */
    String snapshot;
    private long snapshotSeq;
    /** The events committed after the snapshot, in order. */
    final List<Event> tail = new ArrayList<>();
    private long tailChars;

    /** Whether the batch of these entries should be written with a snapshot of the state they lead to. */
    boolean due(List<EventLog.Entry> entries) {
        if (entries.isEmpty()) {
            return false;
        }
        return tail.size() + entries.size() >= SNAPSHOT_EVENTS
                || tailChars >= Math.max(SNAPSHOT_CHARS, snapshot == null ? 0 : snapshot.length())
                || entries.stream().anyMatch(entry -> MOMENTS.contains(entry.event().type()));
    }

    /** A batch was written, with {@code written} characters of event bodies, and with a snapshot or not. */
    void add(List<EventLog.Entry> entries, EventLog.Snapshot written, long chars) {
        if (written != null) {
            restoredFrom(written);
            return;
        }
        entries.forEach(entry -> tail.add(entry.event()));
        tailChars += chars;
    }

    /** The session was restored from this snapshot. */
    void restoredFrom(EventLog.Snapshot stored) {
        snapshot = stored.state();
        snapshotSeq = stored.seq();
        tail.clear();
        tailChars = 0;
    }

    /** The sequence number of the last committed event (0 before any). */
    long seq() {
        if (!tail.isEmpty()) {
            return tail.get(tail.size() - 1).seq();
        }
        return snapshotSeq;
    }

    static String write(JsonNode snapshot) {
        try {
            return Json.MAPPER.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a session snapshot could not be written as JSON", e);
        }
    }

    static JsonNode parse(String snapshot) {
        try {
            return Json.MAPPER.readTree(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a session snapshot is not JSON", e);
        }
    }
}
