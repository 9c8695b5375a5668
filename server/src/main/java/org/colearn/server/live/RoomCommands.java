package org.colearn.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.colearn.server.system.Json;

/**
 * Breakout rooms as a platform service: facilitators open rooms (by hand, or a number of rooms that spreads each
 * site's people across them), move people, and close them; people chat in their room and ask for help. Events about
 * a room go only to its members and the facilitators.
 */
final class RoomCommands {

    static final int MAX_ROOMS = 200;

    private RoomCommands() {}

    static List<Commands.Draft> open(SessionState state, Viewer sender, Inbound command, Instant now, Map<UUID, Viewer> present) {
        Commands.requireFacilitator(sender, command);
        command.only("count", "rooms");
        Commands.requireLive(state, command);
        Map<String, List<Viewer>> plan = command.body().has("rooms")
                ? planned(command, present)
                : spread(command.integer("count", 1, MAX_ROOMS), present);
        return openDrafts(plan);
    }

    /** The events that open these rooms: the plan to facilitators, each room to its members, a notice to all. */
    static List<Commands.Draft> openDrafts(Map<String, List<Viewer>> plan) {
        return openDrafts(plan, Set.of());
    }

    /** As {@link #openDrafts(Map)}, the rooms named in {@code textOnly} marked as having no voice and video. */
    static List<Commands.Draft> openDrafts(Map<String, List<Viewer>> plan, Set<String> textOnly) {
        ArrayNode rooms = Json.MAPPER.createArrayNode();
        List<Commands.Draft> drafts = new ArrayList<>();
        int number = 0;
        for (Map.Entry<String, List<Viewer>> room : plan.entrySet()) {
            String id = "r" + (++number);
            ObjectNode node = rooms.addObject().put("id", id).put("name", room.getKey());
            if (textOnly.contains(room.getKey())) {
                node.put("textOnly", true);
            }
            ArrayNode members = node.putArray("members");
            room.getValue().forEach(viewer -> members.add(person(viewer)));
        }
        ObjectNode opened = Json.MAPPER.createObjectNode();
        opened.set("rooms", rooms);
        drafts.add(new Commands.Draft("rooms.opened", Audience.FACILITATORS, opened));
        for (JsonNode room : rooms) {
            ObjectNode assigned = Json.MAPPER.createObjectNode();
            assigned.set("room", ((ObjectNode) room).deepCopy().set("chat", Json.MAPPER.createArrayNode()));
            drafts.add(new Commands.Draft("room.assigned", Audience.members(room.path("id").asText()), assigned));
        }
        drafts.add(new Commands.Draft("breakouts.opened", Audience.EVERYONE, Json.MAPPER.createObjectNode().put("rooms", rooms.size())));
        return drafts;
    }

    static List<Commands.Draft> move(SessionState state, Viewer sender, Inbound command, Instant now, Map<UUID, Viewer> present) {
        Commands.requireFacilitator(sender, command);
        command.only("personId", "roomId");
        Rooms rooms = state.rooms();
        if (!rooms.open()) {
            throw new LiveException("no_rooms", "No breakout rooms are open.", command.ref());
        }
        Viewer person = present.get(uuid(command, "personId"));
        if (person == null) {
            throw new LiveException("invalid_body", "body.personId must be someone in the session now.", command.ref());
        }
        JsonNode to = command.body().get("roomId");
        String roomId = to == null || to.isNull() ? null : to.asText();
        if (roomId != null && !rooms.exists(roomId)) {
            throw new LiveException("invalid_body", "body.roomId must be an open room, or null for the plenary.", command.ref());
        }
        if (java.util.Objects.equals(rooms.roomOf(person.personId()), roomId)) {
            throw new LiveException("already_there", person.name() + " is already there.", command.ref());
        }
        return moveDrafts(rooms, person, roomId);
    }

    /**
     * The events that move one person: the move to facilitators and both rooms, the new room to the person with its
     * chat so far (only that room's, and only since it opened).
     */
    /** The facilitators, and the members of the rooms someone leaves and enters (either may be the plenary, null). */
    private static Audience facilitatorsAndMembers(String from, String to) {
        List<Audience> parts = new ArrayList<>(List.of(Audience.FACILITATORS));
        if (from != null) {
            parts.add(Audience.members(from));
        }
        if (to != null) {
            parts.add(Audience.members(to));
        }
        return Audience.anyOf(parts);
    }

    static List<Commands.Draft> moveDrafts(Rooms rooms, Viewer person, String roomId) {
        String from = rooms.roomOf(person.personId());
        ObjectNode moved = Json.MAPPER.createObjectNode();
        moved.set("person", person(person));
        moved.put("from", from);
        moved.put("to", roomId);
        Audience audience = facilitatorsAndMembers(from, roomId);
        return List.of(
                new Commands.Draft("room.moved", audience, moved),
                new Commands.Draft("room.assigned", Audience.person(person.personId()), assignment(rooms, roomId, person)));
    }

    /**
     * A facilitator visits a room (or, with {@code roomId} null, leaves it for the plenary): they are seen and heard
     * there, and its members are told who is visiting. A facilitator placed in a room as a member moves instead.
     */
    static List<Commands.Draft> visit(SessionState state, Viewer sender, Inbound command, Instant now, Map<UUID, Viewer> present) {
        Commands.requireFacilitator(sender, command);
        command.only("roomId");
        Rooms rooms = state.rooms();
        if (!rooms.open()) {
            throw new LiveException("no_rooms", "No breakout rooms are open.", command.ref());
        }
        if (rooms.roomOf(sender.personId()) != null) {
            throw new LiveException("in_a_room", "You are a member of a room; move yourself back to the plenary to visit others.", command.ref());
        }
        JsonNode to = command.body().get("roomId");
        String roomId = to == null || to.isNull() ? null : to.asText();
        if (roomId != null && !rooms.exists(roomId)) {
            throw new LiveException("invalid_body", "body.roomId must be an open room, or null to go back to the plenary.", command.ref());
        }
        String from = rooms.visiting(sender.personId());
        if (java.util.Objects.equals(from, roomId)) {
            throw new LiveException("already_there", roomId == null ? "You are not visiting a room." : "You are visiting that room already.", command.ref());
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("person", person(sender));
        body.put("role", sender.role());
        body.put("from", from);
        body.put("to", roomId);
        body.put("toName", roomId == null ? null : rooms.name(roomId));
        Audience audience = facilitatorsAndMembers(from, roomId);
        return List.of(new Commands.Draft("room.visited", audience, body));
    }

    static List<Commands.Draft> close(SessionState state, Viewer sender, Inbound command, Instant now, Map<UUID, Viewer> present) {
        Commands.requireFacilitator(sender, command);
        command.only();
        if (!state.rooms().open()) {
            throw new LiveException("no_rooms", "No breakout rooms are open.", command.ref());
        }
        return closeDrafts(now);
    }

    static List<Commands.Draft> closeDrafts(Instant now) {
        return List.of(new Commands.Draft("rooms.closed", Audience.EVERYONE, Json.MAPPER.createObjectNode().put("at", now.toString())));
    }

    static List<Commands.Draft> chat(SessionState state, Viewer sender, Inbound command, Instant now, Map<UUID, Viewer> present) {
        command.only("text", "roomId");
        String text = command.text("text", Commands.MAX_TEXT);
        String roomId = roomFor(state, sender, command);
        ObjectNode body = Commands.message(sender, text, now);
        body.put("roomId", roomId);
        return List.of(new Commands.Draft("room.chat.message", Audience.room(roomId), body));
    }

    static List<Commands.Draft> help(SessionState state, Viewer sender, Inbound command, Instant now, Map<UUID, Viewer> present) {
        command.only("message");
        String message = command.body().has("message") ? command.text("message", 500) : null;
        String roomId = state.rooms().roomOf(sender.personId());
        if (roomId == null) {
            throw new LiveException("not_in_a_room", "Help requests come from a breakout room; in the plenary, use the chat.", command.ref());
        }
        ObjectNode body = person(sender);
        body.put("roomId", roomId);
        body.put("roomName", state.rooms().name(roomId));
        body.put("message", message);
        body.put("at", now.toString());
        return List.of(new Commands.Draft("help.requested", Audience.FACILITATORS, body));
    }

    /**
     * A facilitator marks a person's help request handled (with any earlier one of theirs still waiting): every
     * facilitator sees it is, and its sender is told by whom.
     */
    static List<Commands.Draft> handled(SessionState state, Viewer sender, Inbound command, Instant now, Map<UUID, Viewer> present) {
        Commands.requireFacilitator(sender, command);
        command.only("personId");
        UUID personId = uuid(command, "personId");
        if (!state.rooms().helpWaiting(personId)) {
            throw new LiveException("no_such_request",
                    "This person has no help request waiting: it was handled already, or their room has closed.", command.ref());
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("personId", personId.toString());
        body.put("by", sender.name());
        body.put("at", now.toString());
        return List.of(new Commands.Draft("help.handled", Audience.anyOf(Audience.FACILITATORS, Audience.person(personId)), body));
    }

    /** The sender's room; a facilitator names the room they write in. */
    private static String roomFor(SessionState state, Viewer sender, Inbound command) {
        JsonNode named = command.body().get("roomId");
        if (named != null && !named.isNull()) {
            if (!sender.facilitator() && !named.asText().equals(state.rooms().roomOf(sender.personId()))) {
                throw new LiveException("not_your_room", "You can write only in your own room.", command.ref());
            }
            if (!state.rooms().exists(named.asText())) {
                throw new LiveException("invalid_body", "body.roomId must be an open room.", command.ref());
            }
            return named.asText();
        }
        String mine = state.rooms().roomOf(sender.personId());
        if (mine == null) {
            throw new LiveException("not_in_a_room", "You are not in a breakout room.", command.ref());
        }
        return mine;
    }

    /** Rooms as the facilitator listed them, with people who are present. */
    private static Map<String, List<Viewer>> planned(Inbound command, Map<UUID, Viewer> present) {
        JsonNode rooms = command.body().get("rooms");
        if (!rooms.isArray() || rooms.isEmpty() || rooms.size() > MAX_ROOMS) {
            throw new LiveException("invalid_body", "body.rooms must list 1 to " + MAX_ROOMS + " rooms.", command.ref());
        }
        Map<String, List<Viewer>> plan = new LinkedHashMap<>();
        Set<UUID> placed = new HashSet<>();
        for (JsonNode room : rooms) {
            String name = room.path("name").asText("").strip();
            if (name.isEmpty() || name.length() > 80 || plan.containsKey(name)) {
                throw new LiveException("invalid_body", "Each room needs a name of 1 to 80 characters, different from the others.", command.ref());
            }
            List<Viewer> members = new ArrayList<>();
            for (JsonNode id : room.path("members")) {
                Viewer viewer = present.get(parse(id.asText(), command));
                if (viewer == null || !placed.add(viewer.personId())) {
                    throw new LiveException("invalid_body", "Each member must be someone present, in one room only: " + id.asText(), command.ref());
                }
                members.add(viewer);
            }
            plan.put(name, members);
        }
        return plan;
    }

    /** {@code count} rooms; the participants present are dealt out site by site, so each room mixes sites. */
    private static Map<String, List<Viewer>> spread(int count, Map<UUID, Viewer> present) {
        List<Viewer> participants = present.values().stream()
                .filter(viewer -> !viewer.facilitator())
                .sorted(Comparator.comparing((Viewer v) -> v.site() == null ? "" : v.site()).thenComparing(Viewer::name))
                .toList();
        Map<String, List<Viewer>> plan = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            plan.put("Room " + i, new ArrayList<>());
        }
        List<List<Viewer>> rooms = new ArrayList<>(plan.values());
        for (int i = 0; i < participants.size(); i++) {
            rooms.get(i % count).add(participants.get(i));
        }
        return plan;
    }

    private static ObjectNode assignment(Rooms rooms, String roomId, Viewer person) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        if (roomId == null) {
            body.putNull("room");
            return body;
        }
        ObjectNode room = body.putObject("room");
        room.put("id", roomId);
        room.put("name", rooms.name(roomId));
        ArrayNode members = rooms.members(roomId);
        members.add(person(person));
        room.set("members", members);
        room.set("chat", rooms.chat(roomId));
        return body;
    }

    private static ObjectNode person(Viewer viewer) {
        return new Rooms.Person(viewer.personId(), viewer.name(), viewer.site()).json();
    }

    private static UUID uuid(Inbound command, String field) {
        JsonNode value = command.body().get(field);
        if (value == null || !value.isTextual()) {
            throw new LiveException("invalid_body", "body." + field + " must be a person's id.", command.ref());
        }
        return parse(value.asText(), command);
    }

    private static UUID parse(String id, Inbound command) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new LiveException("invalid_body", "'" + id + "' is not a person's id.", command.ref());
        }
    }
}
