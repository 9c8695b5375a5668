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
    /** Joins and leaves since the last {@link #drainDiff()}: person id to the connection ids that came or went. */
    private final Map<UUID, Entry> joins = new LinkedHashMap<>();
    private final Map<UUID, Entry> leaves = new LinkedHashMap<>();

    /** Adds a connection. */
    void join(Connection connection) {
        Entry entry = people.computeIfAbsent(connection.viewer.personId(), id -> new Entry(connection.viewer, new LinkedHashSet<>()));
        entry.connections().add(connection.id);
        joins.computeIfAbsent(connection.viewer.personId(), id -> new Entry(connection.viewer, new LinkedHashSet<>()))
                .connections().add(connection.id);
    }

    /** The person's name, site or role changed: they are shown as they are now, on every tab (a join replaces the entry). */
    void refresh(Viewer viewer) {
        Entry entry = people.get(viewer.personId());
        if (entry != null) {
            people.put(viewer.personId(), new Entry(viewer, entry.connections()));
            joins.put(viewer.personId(), new Entry(viewer, new LinkedHashSet<>(entry.connections())));
        }
    }

    boolean contains(UUID personId) {
        return people.containsKey(personId);
    }

    /** Whether anyone came or went since the last {@link #drainDiff()}. */
    boolean changed() {
        return !joins.isEmpty() || !leaves.isEmpty();
    }

    /** The joins and leaves since the last call, as one diff; null when nothing changed. */
    ObjectNode drainDiff() {
        if (!changed()) {
            return null;
        }
        ObjectNode diff = Json.MAPPER.createObjectNode();
        ObjectNode joined = diff.putObject("joins");
        joins.forEach((id, entry) -> joined.set(id.toString(), describe(entry.viewer(), entry.connections())));
        ObjectNode left = diff.putObject("leaves");
        leaves.forEach((id, entry) -> left.set(id.toString(), describe(entry.viewer(), entry.connections())));
        joins.clear();
        leaves.clear();
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
        Entry joinedAndLeft = joins.get(connection.viewer.personId());
        if (joinedAndLeft != null && joinedAndLeft.connections().remove(connection.id)) {
            if (joinedAndLeft.connections().isEmpty()) {
                joins.remove(connection.viewer.personId());
            }
        } else {
            leaves.computeIfAbsent(connection.viewer.personId(), id -> new Entry(connection.viewer, new LinkedHashSet<>()))
                    .connections().add(connection.id);
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
