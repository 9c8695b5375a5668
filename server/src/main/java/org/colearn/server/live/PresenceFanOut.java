package org.colearn.server.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Who is here, and how that reaches everyone: at a pace, not once per arrival; in a small session as the whole list
 * and then what changed, in a large one as counts by site and the people near each person, with the rest of the crowd
 * a page at a time on demand. Runs on its session's thread, like the session.
 */
final class PresenceFanOut {

    private final Presence presence = new Presence();
    /** Connections that joined since presence last went out: they get the whole presence state then. */
    private final Set<Connection> joinedSince = new LinkedHashSet<>();
    private final PresencePace pace;
    /** In a large session, when the whole crowd next gets its summary: less often the larger the crowd. */
    private final PresencePace crowdPace;
    /** Whether presence last went out as summaries, for a large session, rather than as the whole list. */
    private boolean sentLarge;
    /** Whether rooms opened, closed or someone moved since presence last went out: who is near whom has changed. */
    private boolean roomsChanged;

    PresenceFanOut(PresencePace pace, PresencePace crowdPace) {
        this.pace = pace;
        this.crowdPace = crowdPace;
    }

    /** Someone's connection joined; true when it is their first here (their first tab). */
    boolean join(Connection connection) {
        boolean first = !presence.contains(connection.viewer.personId());
        presence.join(connection);
        joinedSince.add(connection);
        return first;
    }

    /** A connection left; true when it had joined (whether the person is still here in another tab or not). */
    boolean leave(Connection connection) {
        joinedSince.remove(connection);
        return presence.leave(connection) != null;
    }

    void refresh(Viewer viewer) {
        presence.refresh(viewer);
    }

    boolean contains(UUID personId) {
        return presence.contains(personId);
    }

    Map<UUID, Viewer> viewers() {
        return presence.viewers();
    }

    boolean large() {
        return presence.large();
    }

    /** Rooms opened or closed, or someone moved: in a large session, who is near whom has changed. */
    void roomsChanged() {
        roomsChanged = true;
    }

    /**
     * Sends what changed, when the pace allows: those who joined since get the whole state (or their summary), the
     * rest what changed. {@code roomOf} says which room a person is in now, or null in the plenary.
     */
    void flush(Collection<Connection> connections, Function<UUID, String> roomOf) {
        boolean large = presence.large();
        boolean resized = large != sentLarge;
        boolean nearbyMoved = large && roomsChanged;
        if (large && !resized && !nearbyMoved) {
            flushCrowd(connections, roomOf);
            return;
        }
        if ((!presence.changed() && joinedSince.isEmpty() && !resized && !nearbyMoved) || !pace.mayGo()) {
            return;
        }
        sentLarge = large;
        roomsChanged = false;
        if (large) {
            presence.drainDiff();
            joinedSince.clear();
            sendSummaries(connections, roomOf);
            return;
        }
        if (resized) {
            // Back to a size where everyone sees everyone: each connection gets the whole list again.
            joinedSince.addAll(connections);
        }
        ObjectNode diff = presence.drainDiff();
        String diffFrame = diff == null ? null : Frames.signal("presence.diff", diff);
        String stateFrame = joinedSince.isEmpty() ? null : Frames.signal("presence.state", presence.state());
        for (Connection connection : connections) {
            if (joinedSince.contains(connection)) {
                connection.send(stateFrame);
            } else if (diffFrame != null) {
                connection.send(diffFrame);
            }
        }
        joinedSince.clear();
    }

    /**
     * Presence in a session already large: those who just joined get their summary at the usual pace, and the whole
     * crowd gets the counts that changed at the pace of {@link PresencePace#crowdIntervalNanos}, slower the larger it is,
     * so that a crowd arriving costs the server and the clients a fixed number of frames a second, however large it
     * is, rather than a frame per connection four times a second.
     */
    private void flushCrowd(Collection<Connection> connections, Function<UUID, String> roomOf) {
        if (!joinedSince.isEmpty() && pace.mayGo()) {
            sendSummaries(joinedSince, roomOf);
            joinedSince.clear();
        }
        if (presence.changed() && crowdPace.mayGo(PresencePace.crowdIntervalNanos(connections.size()))) {
            presence.drainDiff();
            joinedSince.clear();
            sendSummaries(connections, roomOf);
        }
    }

    /**
     * In a large session, everyone gets counts by site and the people near them: the facilitators, and in a breakout
     * room the others in it. One frame per room, each the size of the sites and the people near, so that an arrival
     * costs the crowd, not the crowd squared.
     */
    private void sendSummaries(Collection<Connection> to, Function<UUID, String> roomOf) {
        Map<String, ObjectNode> summaries = presence.summaries(person -> roomOf.apply(person.personId()));
        Map<String, String> frames = new HashMap<>();
        for (Connection connection : to) {
            String room = roomOf.apply(connection.viewer.personId());
            String key = room == null || !summaries.containsKey(room) ? Presence.PLENARY : room;
            connection.send(frames.computeIfAbsent(key, where -> Frames.signal("presence.summary", summaries.get(where))));
        }
    }

    /** One page of everyone here, for whoever asks: in a large session, the rest of the crowd on demand. */
    void sendPage(Connection connection, Inbound command) {
        command.only("after", "site", "limit");
        String after = command.body().hasNonNull("after") ? command.text("after", 64) : null;
        String site = command.body().hasNonNull("site") ? command.text("site", 200) : null;
        int limit = command.body().hasNonNull("limit") ? command.integer("limit", 1, Presence.MAX_PAGE) : Presence.DEFAULT_PAGE;
        connection.send(Frames.ok(command.ref(), presence.page(after, site, limit)));
    }
}
