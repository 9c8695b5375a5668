package org.colearn.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.colearn.server.media.MediaRooms;
import org.colearn.server.media.Place;
import org.colearn.server.system.Json;

/**
 * The live session's side of voice and video: where its people are, as places for {@link MediaRooms} (the plenary
 * for whoever is in no breakout room), and the peer-to-peer signalling it passes on, only between people of one
 * place. Signals are not logged: they mean nothing after the call they set up.
 */
final class MediaSignals {

    /** The frame telling a person which media room to join. */
    static final String ROOM = "media.room";
    /** The command, and the frame, carrying an offer, an answer or ICE candidates to one peer. */
    static final String TYPE = "media.signal";
    static final int MAX_SIGNAL_CHARS = 48 * 1024;

    private MediaSignals() {}

    /**
     * Everyone present, by where they are: the plenary first, then each open room in order. A facilitator visiting a
     * room is in that room's place. When the plenary is a stage, its place names who is on it: only they publish.
     */
    static List<Place> places(SessionState state, Map<UUID, Viewer> present) {
        Rooms rooms = state.rooms();
        Map<String, List<Place.Person>> people = new LinkedHashMap<>();
        people.put(Place.PLENARY, new ArrayList<>());
        rooms.ids().forEach(id -> people.put(id, new ArrayList<>()));
        Set<UUID> stage = new HashSet<>();
        for (Viewer viewer : present.values()) {
            String room = rooms.roomOf(viewer.personId());
            if (room == null) {
                room = rooms.visiting(viewer.personId());
            }
            if (state.stage().onStage(viewer)) {
                stage.add(viewer.personId());
            }
            people.computeIfAbsent(room == null ? Place.PLENARY : room, key -> new ArrayList<>())
                    .add(new Place.Person(viewer.personId(), viewer.name(), viewer.site()));
        }
        List<Place> places = new ArrayList<>();
        people.forEach((key, members) -> places.add(key.equals(Place.PLENARY)
                ? new Place(key, "the plenary", members, false, state.stage().open() ? stage : null)
                : new Place(key, rooms.name(key), members, rooms.textOnly(key))));
        return places;
    }

    /** Passes a signal to one peer of the sender's place, and answers the sender. */
    static void relay(MediaRooms media, UUID sessionId, Connection from, Inbound command, Set<Connection> connections) {
        command.only("to", "signal");
        if (media.mediaServer()) {
            throw new LiveException("media_server", "This server carries voice and video through its media server; join the room you were given.", command.ref());
        }
        JsonNode to = command.body().get("to");
        UUID peer;
        try {
            peer = UUID.fromString(to == null ? "" : to.asText());
        } catch (IllegalArgumentException e) {
            throw new LiveException("invalid_body", "body.to must be the person id of someone in your room.", command.ref());
        }
        JsonNode signal = command.body().get("signal");
        if (signal == null || !signal.isObject() || signal.toString().length() > MAX_SIGNAL_CHARS) {
            throw new LiveException("invalid_body", "body.signal must be an object (an offer, an answer or candidates) of at most 48 KiB.", command.ref());
        }
        if (!media.together(sessionId, from.viewer.personId(), peer)) {
            throw new LiveException("not_together", "You can call only people in the same room as you, and they must be here;"
                    + " on the plenary's stage, the audience calls only whoever is on stage.", command.ref());
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("from", from.viewer.personId().toString());
        body.set("signal", signal);
        String frame = Frames.signal(TYPE, body);
        for (Connection connection : connections) {
            if (connection.viewer.personId().equals(peer)) {
                connection.send(frame);
            }
        }
        if (command.ref() != null) {
            from.send(Frames.ok(command.ref(), Json.MAPPER.createObjectNode()));
        }
    }
}
