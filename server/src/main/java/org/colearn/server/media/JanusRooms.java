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

    /**
     * A person's token and id in a room; on a stage, whether they were given them as a speaker or as a listener, and
     * for a speaker a second id to share their screen under (0 for anyone else).
     */
    record Member(String token, long feed, boolean speaks, long screenFeed) {}

    static final class Room {
        final Server server;
        final long number;
        final String secret;
        final Map<UUID, Member> members = new LinkedHashMap<>();
        /** When the room is a stage, who is on it; null when everyone may publish. */
        Set<UUID> stage;

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
                room.stage = place.stage();
                for (Place.Person person : place.people()) {
                    told.put(person.id(), Assignments.janus(place, room, person.id()));
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

    /**
     * Keeps each stage's audience from publishing: a participant seen publishing under an id that is not a speaker's is
     * kicked. (Someone brought on stage or sent back gets a new token and id, and their old one is kicked at once.)
     */
    void keepStages() {
        for (Map<String, Room> rooms : bySession.values()) {
            for (Room room : rooms.values()) {
                if (room.stage != null && room.server.up) {
                    keepStage(room);
                }
            }
        }
    }

    private void keepStage(Room room) {
        Set<Long> speakers = new HashSet<>();
        room.members.values().stream().filter(Member::speaks).forEach(member -> {
            speakers.add(member.feed());
            speakers.add(member.screenFeed());
        });
        try (Janus.VideoRoom plugin = room.server.janus.videoRoom()) {
            for (JsonNode participant : plugin.request(request("listparticipants", room)).path("participants")) {
                long feed = participant.path("id").asLong();
                if (participant.path("publisher").asBoolean() && !speakers.contains(feed)) {
                    log.info("media room {}: participant {} publishes without being on stage; kicked", room.number, feed);
                    kick(plugin, room, feed);
                }
            }
        } catch (JanusException e) {
            log.warn("media room {} on {}: the stage could not be checked: {}", room.number, room.server.janus.url, e.getMessage());
        }
    }

    private static void kick(Janus.VideoRoom plugin, Room room, long feed) throws JanusException {
        try {
            plugin.request(request("kick", room).put("id", feed));
        } catch (JanusException e) {
            if (e.code != JanusException.NO_SUCH_FEED) {
                throw e;
            }
        }
    }

    private Room create(UUID sessionId, Place place) throws JanusException {
        List<Server> candidates = new ArrayList<>(servers.stream().filter(server -> server.up).toList());
        candidates.sort(Comparator.comparingInt(server -> server.rooms));
        JanusException last = new JanusException(0, "no media server answers");
        for (Server server : candidates) {
            Room room = new Room(server, 1 + random.nextLong(ID_BOUND - 1), token());
            place.people().forEach(person -> room.members.put(person.id(), member(place, person.id())));
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

    /**
     * Lets in who came, and takes out, and kicks, who left. Someone brought on stage or sent back to its audience is
     * let in again under a new token and id, and kicked under the old: nothing they sent goes on after the change.
     */
    private void update(Room room, Place place) throws JanusException {
        List<Member> removed = new ArrayList<>();
        for (UUID id : List.copyOf(room.members.keySet())) {
            if (!place.has(id) || !fits(room.members.get(id), place, id)) {
                removed.add(room.members.remove(id));
            }
        }
        List<Member> added = new ArrayList<>();
        for (Place.Person person : place.people()) {
            if (!room.members.containsKey(person.id())) {
                Member member = member(place, person.id());
                room.members.put(person.id(), member);
                added.add(member);
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
        room.members.values().forEach(member -> {
            feeds.add(member.feed());
            feeds.add(member.screenFeed());
        });
        JsonNode participants = plugin.request(request("listparticipants", room)).path("participants");
        for (JsonNode participant : participants) {
            long id = participant.path("id").asLong();
            if (!feeds.contains(id)) {
                kick(plugin, room, id);
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

    /** Whether a member's token and ids are still of the right kind: a speaker's or a listener's, on a stage or not. */
    private static boolean fits(Member member, Place place, UUID personId) {
        boolean speaks = place.speaks(personId);
        return member.speaks() == speaks && (member.screenFeed() != 0) == (speaks && place.stage() != null);
    }

    /** A new token and id; a speaker on a stage also gets an id to share their screen under. */
    private Member member(Place place, UUID personId) {
        boolean speaks = place.speaks(personId);
        return new Member(token(), id(), speaks, speaks && place.stage() != null ? id() : 0);
    }

    private long id() {
        return 1 + random.nextLong(ID_BOUND - 1);
    }

    private String token() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
