package org.colearn.server.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.colearn.server.system.Json;

/**
 * Who is in a live session now: one entry per person, one meta per open connection (tab or device), as Phoenix
 * Presence keeps it. Not logged: after a restart it is rebuilt from the clients that come back.
 */
final class Presence {

    private record Entry(Viewer viewer, Set<String> connections) {}

    private final Map<UUID, Entry> people = new LinkedHashMap<>();

    /** Adds a connection; returns the diff to send to the others. */
    ObjectNode join(Connection connection) {
        Entry entry = people.computeIfAbsent(connection.viewer.personId(), id -> new Entry(connection.viewer, new LinkedHashSet<>()));
        entry.connections().add(connection.id);
        ObjectNode diff = Json.MAPPER.createObjectNode();
        diff.set("joins", one(entry.viewer(), Set.of(connection.id)));
        diff.putObject("leaves");
        return diff;
    }

    /** Removes a connection; returns the diff to send to the others, or null if it had not joined. */
    ObjectNode leave(Connection connection) {
        if (connection.viewer == null) {
            return null;
        }
        Entry entry = people.get(connection.viewer.personId());
        if (entry == null || !entry.connections().remove(connection.id)) {
            return null;
        }
        if (entry.connections().isEmpty()) {
            people.remove(connection.viewer.personId());
        }
        ObjectNode diff = Json.MAPPER.createObjectNode();
        diff.putObject("joins");
        diff.set("leaves", one(entry.viewer(), Set.of(connection.id)));
        return diff;
    }

    /** Everyone present, each with their metas. */
    ObjectNode state() {
        ObjectNode state = Json.MAPPER.createObjectNode();
        people.forEach((id, entry) -> state.set(id.toString(), describe(entry.viewer(), entry.connections())));
        return state;
    }

    int people() {
        return people.size();
    }

    /** The people present, by id. */
    Map<UUID, Viewer> viewers() {
        Map<UUID, Viewer> viewers = new LinkedHashMap<>();
        people.forEach((id, entry) -> viewers.put(id, entry.viewer()));
        return viewers;
    }

    private static ObjectNode one(Viewer viewer, Set<String> connections) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.set(viewer.personId().toString(), describe(viewer, connections));
        return node;
    }

    private static ObjectNode describe(Viewer viewer, Set<String> connections) {
        ObjectNode person = Json.MAPPER.createObjectNode();
        person.put("name", viewer.name());
        person.put("site", viewer.site());
        person.put("role", viewer.role());
        var metas = person.putArray("metas");
        connections.forEach(id -> metas.addObject().put("connectionId", id));
        return person;
    }
}
