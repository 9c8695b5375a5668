package org.colearn.server.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.colearn.server.system.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Janus VideoRooms of every live session of this node, one per place, spread over the configured Janus servers
 * (a new room goes to the one carrying fewest). Each room has a secret only Colearn knows and an allowed list of
 * per-person tokens: whoever leaves a place loses their token and is kicked. A room whose Janus stops answering is
 * made again on another. Used on the media thread only.
 */
final class JanusRooms {

    private static final Logger log = LoggerFactory.getLogger(JanusRooms.class);
    /** Room and participant ids stay below 2^52, so that browsers read them exactly. */
    private static final long ID_BOUND = 1L << 52;
    static final int PUBLISHERS = 100;

    static final class Server {
        final Janus janus;
        boolean up = true;
        int rooms;

        Server(Janus janus) {
            this.janus = janus;
        }
    }

    record Member(String token, long feed) {}

    static final class Room {
        final Server server;
        final long number;
        final String secret;
        final Map<UUID, Member> members = new LinkedHashMap<>();

        Room(Server server, long number, String secret) {
            this.server = server;
            this.number = number;
            this.secret = secret;
        }
    }

    private final List<Server> servers;
    private final String adminKey;
    private final SecureRandom random = new SecureRandom();
    private final Map<UUID, Map<String, Room>> bySession = new HashMap<>();

    JanusRooms(List<Janus> servers, String adminKey) {
        this.servers = servers.stream().map(Server::new).toList();
        this.adminKey = adminKey;
    }

    /** Makes the session's rooms match its places; returns what each placed person is told. */
    Map<UUID, ObjectNode> place(UUID sessionId, List<Place> places) {
        Map<String, Room> rooms = bySession.computeIfAbsent(sessionId, id -> new HashMap<>());
        Map<String, Place> wanted = new LinkedHashMap<>();
        places.stream().filter(place -> !place.textOnly() && !place.people().isEmpty()).forEach(place -> wanted.put(place.key(), place));
        for (String key : List.copyOf(rooms.keySet())) {
            if (!wanted.containsKey(key)) {
                destroy(rooms.remove(key));
            }
        }
        Map<UUID, ObjectNode> told = new LinkedHashMap<>();
        for (Place place : places) {
            if (place.textOnly()) {
                place.people().forEach(person -> told.put(person.id(), Assignments.textOnly(place)));
                continue;
            }
            if (place.people().isEmpty()) {
                continue;
            }
            Room room = rooms.get(place.key());
            try {
                if (room != null && room.server.up) {
                    try {
                        update(room, place);
                    } catch (JanusException e) {
                        if (!e.unreachable() && e.code != JanusException.NO_SUCH_ROOM) {
                            throw e;
                        }
                        lost(room, e);
                        room = null;
                    }
                } else {
                    if (room != null) {
                        room.server.rooms--;
                    }
                    room = null;
                }
                if (room == null) {
                    room = create(sessionId, place);
                    rooms.put(place.key(), room);
                }
                for (Place.Person person : place.people()) {
                    told.put(person.id(), Assignments.janus(place, room, room.members.get(person.id())));
                }
            } catch (JanusException e) {
                log.warn("session {}: no media room for place {}: {}", sessionId, place.key(), e.getMessage());
                rooms.remove(place.key());
                place.people().forEach(person -> told.put(person.id(), Assignments.unavailable(place)));
            }
        }
        return told;
    }

    /** Destroys every room of a session that has left this node. */
    void forget(UUID sessionId) {
        Map<String, Room> rooms = bySession.remove(sessionId);
        if (rooms != null) {
            rooms.values().forEach(this::destroy);
        }
    }

    /**
     * Asks every server whether it answers; returns the sessions that had a room on one that stopped, to be placed
     * again on the others.
     */
    Set<UUID> check() {
        for (Server server : servers) {
            server.up = server.janus.answers();
        }
        Set<UUID> hit = new HashSet<>();
        bySession.forEach((session, rooms) -> {
            if (rooms.values().stream().anyMatch(room -> !room.server.up)) {
                hit.add(session);
            }
        });
        return hit;
    }

    private Room create(UUID sessionId, Place place) throws JanusException {
        List<Server> candidates = new ArrayList<>(servers.stream().filter(server -> server.up).toList());
        candidates.sort(Comparator.comparingInt(server -> server.rooms));
        JanusException last = new JanusException(0, "no media server answers");
        for (Server server : candidates) {
            Room room = new Room(server, 1 + random.nextLong(ID_BOUND - 1), token());
            place.people().forEach(person -> room.members.put(person.id(), member()));
            ObjectNode create = request("create", room)
                    .put("description", place.name())
                    .put("is_private", true)
                    .put("require_pvtid", true)
                    .put("publishers", PUBLISHERS)
                    .put("audiolevel_event", true)
                    .put("audio_active_packets", 50)
                    .put("audio_level_average", 40)
                    .put("notify_joining", true);
            if (!adminKey.isEmpty()) {
                create.put("admin_key", adminKey);
            }
            create.set("allowed", tokens(room.members.values()));
            try (Janus.VideoRoom plugin = server.janus.videoRoom()) {
                plugin.request(create);
                plugin.request(request("allowed", room).put("action", "enable"));
                server.rooms++;
                log.debug("session {}: media room {} for {} on {}", sessionId, room.number, place.key(), server.janus.url);
                return room;
            } catch (JanusException e) {
                if (!e.unreachable()) {
                    throw e;
                }
                server.up = false;
                last = e;
            }
        }
        throw last;
    }

    /** Lets in who came, and takes out, and kicks, who left. */
    private void update(Room room, Place place) throws JanusException {
        List<Member> added = new ArrayList<>();
        for (Place.Person person : place.people()) {
            if (!room.members.containsKey(person.id())) {
                Member member = member();
                room.members.put(person.id(), member);
                added.add(member);
            }
        }
        List<Member> removed = new ArrayList<>();
        for (UUID id : List.copyOf(room.members.keySet())) {
            if (!place.has(id)) {
                removed.add(room.members.remove(id));
            }
        }
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        try (Janus.VideoRoom plugin = room.server.janus.videoRoom()) {
            if (!added.isEmpty()) {
                ObjectNode allow = request("allowed", room).put("action", "add");
                allow.set("allowed", tokens(added));
                plugin.request(allow);
            }
            if (!removed.isEmpty()) {
                ObjectNode disallow = request("allowed", room).put("action", "remove");
                disallow.set("allowed", tokens(removed));
                plugin.request(disallow);
                kickStrangers(plugin, room);
            }
        }
    }

    /** Kicks everyone in the room who is not one of its members as joined with the id they were given. */
    private void kickStrangers(Janus.VideoRoom plugin, Room room) throws JanusException {
        Set<Long> feeds = new HashSet<>();
        room.members.values().forEach(member -> feeds.add(member.feed()));
        JsonNode participants = plugin.request(request("listparticipants", room)).path("participants");
        for (JsonNode participant : participants) {
            long id = participant.path("id").asLong();
            if (!feeds.contains(id)) {
                try {
                    plugin.request(request("kick", room).put("id", id));
                } catch (JanusException e) {
                    if (e.code != JanusException.NO_SUCH_FEED) {
                        throw e;
                    }
                }
            }
        }
    }

    private void destroy(Room room) {
        if (room == null) {
            return;
        }
        room.server.rooms--;
        if (!room.server.up) {
            return;
        }
        try (Janus.VideoRoom plugin = room.server.janus.videoRoom()) {
            plugin.request(request("destroy", room));
        } catch (JanusException e) {
            if (e.code != JanusException.NO_SUCH_ROOM) {
                log.warn("media room {} on {} could not be destroyed: {}", room.number, room.server.janus.url, e.getMessage());
            }
        }
    }

    private void lost(Room room, JanusException cause) {
        room.server.rooms--;
        if (cause.unreachable()) {
            room.server.up = false;
        }
        log.warn("media room {} on {} is gone ({}); making it again", room.number, room.server.janus.url, cause.getMessage());
    }

    private static ObjectNode request(String name, Room room) {
        return Json.MAPPER.createObjectNode().put("request", name).put("room", room.number).put("secret", room.secret);
    }

    private static ArrayNode tokens(java.util.Collection<Member> members) {
        ArrayNode tokens = Json.MAPPER.createArrayNode();
        members.forEach(member -> tokens.add(member.token()));
        return tokens;
    }

    private Member member() {
        return new Member(token(), 1 + random.nextLong(ID_BOUND - 1));
    }

    private String token() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
