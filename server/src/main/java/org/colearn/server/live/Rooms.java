package org.colearn.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.colearn.server.system.Json;

/**
 * The breakout rooms of a live session, as its events built them: which rooms are open, who is in each, and each
 * room's chat. A participant's projection holds only their own room; a facilitator's holds all of them.
 */
final class Rooms {

    static final int CHAT_KEPT = 100;

    /** A person as rooms show them. */
    record Person(UUID personId, String name, String site) {
        ObjectNode json() {
            return Json.MAPPER.createObjectNode().put("personId", personId.toString()).put("name", name).put("site", site);
        }

        static Person from(JsonNode node) {
            return new Person(UUID.fromString(node.path("personId").asText()), node.path("name").asText(), node.path("site").asText(null));
        }
    }

    private static final class Room {
        final String id;
        final String name;
        /** Its activity keeps it to writing: no voice and video. */
        final boolean textOnly;
        final Map<UUID, Person> members = new LinkedHashMap<>();
        final Deque<ObjectNode> chat = new ArrayDeque<>();

        Room(String id, String name, boolean textOnly) {
            this.id = id;
            this.name = name;
            this.textOnly = textOnly;
        }
    }

    private final Map<String, Room> rooms = new LinkedHashMap<>();
    private final Map<UUID, String> roomOf = new LinkedHashMap<>();
    /** Facilitators visiting a room, who are seen and heard there without being its members. */
    private final Map<UUID, Person> visitors = new LinkedHashMap<>();
    private final Map<UUID, String> visiting = new LinkedHashMap<>();
    /** The people whose help requests no facilitator has handled yet; the requests go when the rooms close. */
    private final Set<UUID> helpWaiting = new LinkedHashSet<>();
    private long lastChangeSeq;

    /** Applies a room event; returns false for events that are not about rooms. */
    boolean apply(Event event) {
        JsonNode body = event.body();
        switch (event.type()) {
            case "rooms.opened" -> {
                rooms.clear();
                roomOf.clear();
                helpWaiting.clear();
                body.path("rooms").forEach(this::open);
                // A visit goes on in the room of the same id (a café's table of the next round), as the page shows it.
                visiting.values().removeIf(room -> !rooms.containsKey(room));
                visitors.keySet().retainAll(visiting.keySet());
            }
            case "room.moved" -> {
                Person person = Person.from(body.path("person"));
                String from = roomOf.remove(person.personId());
                if (from != null && rooms.containsKey(from)) {
                    rooms.get(from).members.remove(person.personId());
                }
                String to = body.path("to").asText(null);
                if (to != null && rooms.containsKey(to)) {
                    rooms.get(to).members.put(person.personId(), person);
                    roomOf.put(person.personId(), to);
                }
            }
            case "rooms.closed", "session.ended" -> {
                rooms.clear();
                roomOf.clear();
                visitors.clear();
                visiting.clear();
                helpWaiting.clear();
            }
            case "room.visited" -> {
                Person person = Person.from(body.path("person"));
                String to = body.path("to").asText(null);
                if (to != null && rooms.containsKey(to)) {
                    visitors.put(person.personId(), person);
                    visiting.put(person.personId(), to);
                } else {
                    visitors.remove(person.personId());
                    visiting.remove(person.personId());
                }
            }
            case "help.requested" -> {
                helpWaiting.add(UUID.fromString(body.path("personId").asText()));
                return true;
            }
            case "help.handled" -> {
                helpWaiting.remove(UUID.fromString(body.path("personId").asText()));
                return true;
            }
            case "room.chat.message" -> {
                Room room = rooms.get(body.path("roomId").asText());
                if (room != null) {
                    room.chat.addLast((ObjectNode) body);
                    if (room.chat.size() > CHAT_KEPT) {
                        room.chat.removeFirst();
                    }
                }
                return true;
            }
            default -> {
                return false;
            }
        }
        lastChangeSeq = event.seq();
        return true;
    }

    /** The rooms, their members and chats, for a session snapshot. */
    ObjectNode snapshot() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("lastChangeSeq", lastChangeSeq);
        ArrayNode open = node.putArray("rooms");
        for (Room room : rooms.values()) {
            ObjectNode saved = open.addObject().put("id", room.id).put("name", room.name);
            if (room.textOnly) {
                saved.put("textOnly", true);
            }
            saved.set("members", members(room.id));
            ArrayNode chat = saved.putArray("chat");
            room.chat.forEach(chat::add);
        }
        node.set("visits", visits());
        ArrayNode help = node.putArray("helpWaiting");
        helpWaiting.forEach(personId -> help.add(personId.toString()));
        return node;
    }

    /** Takes over the rooms of a {@link #snapshot}. */
    void restore(JsonNode snapshot) {
        rooms.clear();
        roomOf.clear();
        helpWaiting.clear();
        snapshot.path("helpWaiting").forEach(personId -> helpWaiting.add(UUID.fromString(personId.asText())));
        lastChangeSeq = snapshot.path("lastChangeSeq").asLong();
        for (JsonNode saved : snapshot.path("rooms")) {
            Room room = open(saved);
            saved.path("chat").forEach(message -> room.chat.addLast((ObjectNode) message));
        }
        visitors.clear();
        visiting.clear();
        for (JsonNode visit : snapshot.path("visits")) {
            Person person = Person.from(visit);
            visitors.put(person.personId(), person);
            visiting.put(person.personId(), visit.path("roomId").asText());
        }
    }

    /** Opens a room with its members, as an event or a snapshot lists them. */
    private Room open(JsonNode room) {
        Room opened = new Room(room.path("id").asText(), room.path("name").asText(), room.path("textOnly").asBoolean(false));
        rooms.put(opened.id, opened);
        for (JsonNode member : room.path("members")) {
            Person person = Person.from(member);
            opened.members.put(person.personId(), person);
            roomOf.put(person.personId(), opened.id);
        }
        return opened;
    }

    /** Whether a help request of this person is still waiting for a facilitator. */
    boolean helpWaiting(UUID personId) {
        return helpWaiting.contains(personId);
    }

    boolean open() {
        return !rooms.isEmpty();
    }

    boolean exists(String roomId) {
        return rooms.containsKey(roomId);
    }

    String roomOf(UUID personId) {
        return roomOf.get(personId);
    }

    /** The room a facilitator is visiting, or null. */
    String visiting(UUID personId) {
        return visiting.get(personId);
    }

    /** Who visits which room: {@code [{personId,name,site,roomId}]}. */
    private ArrayNode visits() {
        ArrayNode visits = Json.MAPPER.createArrayNode();
        visiting.forEach((id, roomId) -> visits.add(visitors.get(id).json().put("roomId", roomId)));
        return visits;
    }

    String name(String roomId) {
        Room room = rooms.get(roomId);
        return room == null ? null : room.name;
    }

    /** Whether the room's activity opened it as text only: it gets no voice and video. */
    boolean textOnly(String roomId) {
        Room room = rooms.get(roomId);
        return room != null && room.textOnly;
    }

    /** The sequence number of the last event that changed who is in which room. */
    long lastChangeSeq() {
        return lastChangeSeq;
    }

    /** Whether a viewer is in the audience {@code room:<id>}: its members, and every facilitator. */
    boolean inAudience(String roomId, Viewer viewer) {
        return viewer.facilitator() || roomId.equals(roomOf.get(viewer.personId()));
    }

    /** One room's members, as sent in events. */
    ArrayNode members(String roomId) {
        ArrayNode members = Json.MAPPER.createArrayNode();
        Room room = rooms.get(roomId);
        if (room != null) {
            room.members.values().forEach(person -> members.add(person.json()));
        }
        return members;
    }

    /**
     * One room's chat since it opened, oldest first, at most {@link #CHAT_KEPT} messages: what someone moved into it
     * reads, never another room's.
     */
    ArrayNode chat(String roomId) {
        ArrayNode chat = Json.MAPPER.createArrayNode();
        Room room = rooms.get(roomId);
        if (room != null) {
            room.chat.forEach(chat::add);
        }
        return chat;
    }

    /** The rooms as this viewer may see them: all of them for a facilitator, their own for anyone else. */
    ObjectNode view(Viewer viewer) {
        ObjectNode view = Json.MAPPER.createObjectNode();
        view.put("open", open());
        ArrayNode visible = view.putArray("rooms");
        for (Room room : rooms.values()) {
            if (viewer.facilitator() || room.id.equals(roomOf.get(viewer.personId()))) {
                ObjectNode node = visible.addObject();
                node.put("id", room.id);
                node.put("name", room.name);
                node.set("members", members(room.id));
                node.set("chat", chat(room.id));
            }
        }
        view.put("myRoomId", roomOf.get(viewer.personId()));
        view.put("visitingRoomId", visiting.get(viewer.personId()));
        ArrayNode visits = view.putArray("visits");
        visits().forEach(visit -> {
            if (viewer.facilitator() || visit.path("roomId").asText().equals(roomOf.get(viewer.personId()))) {
                visits.add(visit);
            }
        });
        return view;
    }

    Set<String> ids() {
        return new LinkedHashSet<>(rooms.keySet());
    }
}
