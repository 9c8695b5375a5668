package org.colearn.server.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.colearn.server.system.Json;

/**
 * Who is in a live session now: one entry per person, one meta per open connection (tab or device), as Phoenix
 * Presence keeps it. Not logged: after a restart it is rebuilt from the clients that come back. Above {@value
 * #FULL_LIST_UP_TO} people a session is large: nobody is sent the whole list, which would make each arrival cost the
 * square of the crowd, but {@link #summaries} of counts by site and the people near them, and pages on request.
 */
final class Presence {

    /** The most people a session may have for everyone to be sent who all of them are. */
    static final int FULL_LIST_UP_TO = 200;
    /** The most people in one {@link #page}. */
    static final int MAX_PAGE = 500;
    static final int DEFAULT_PAGE = 100;
    /** How people without a site are counted in {@link #summaries}. */
    static final String NO_SITE = "";
    /** Where someone in no breakout room is, in {@link #summaries}. */
    static final String PLENARY = "";

    private record Entry(Viewer viewer, Set<String> connections) {}

    private final Map<UUID, Entry> people = new LinkedHashMap<>();
    /** People present by site ({@link #NO_SITE} for none), kept as they come and go, so a summary costs the sites only. */
    private final Map<String, Integer> bySite = new TreeMap<>();
    /** Joins and leaves since the last {@link #drainDiff()}: person id to the connection ids that came or went. */
    private final Map<UUID, Entry> joins = new LinkedHashMap<>();
    private final Map<UUID, Entry> leaves = new LinkedHashMap<>();

    /** Adds a connection. */
    void join(Connection connection) {
        if (!people.containsKey(connection.viewer.personId())) {
            count(connection.viewer, 1);
        }
        Entry entry = people.computeIfAbsent(connection.viewer.personId(), id -> new Entry(connection.viewer, new LinkedHashSet<>()));
        entry.connections().add(connection.id);
        joins.computeIfAbsent(connection.viewer.personId(), id -> new Entry(connection.viewer, new LinkedHashSet<>()))
                .connections().add(connection.id);
    }

    /** The person's name, site or role changed: they are shown as they are now, on every tab (a join replaces the entry). */
    void refresh(Viewer viewer) {
        Entry entry = people.get(viewer.personId());
        if (entry != null) {
            count(entry.viewer(), -1);
            count(viewer, 1);
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
            count(entry.viewer(), -1);
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

    /** Whether the session is too large for everyone to be sent the whole list. */
    boolean large() {
        return people.size() > FULL_LIST_UP_TO;
    }

    /**
     * What everyone in a large session is sent, by where they are ({@code roomOf} a person, null in the plenary; the
     * plenary's under {@link #PLENARY}): how many people are here, how many from each site, and in full, in the shape
     * of {@link #state()}, only the people near them: the facilitators, and in a room the others in it. One pass over
     * the people, however many rooms; each summary's size grows with the sites and the people near, never with the crowd.
     */
    Map<String, ObjectNode> summaries(Function<Viewer, String> roomOf) {
        ObjectNode facilitators = Json.MAPPER.createObjectNode();
        Map<String, ObjectNode> rooms = new HashMap<>();
        people.forEach((id, entry) -> {
            String room = roomOf.apply(entry.viewer());
            if (entry.viewer().facilitator() || room != null) {
                ObjectNode described = describe(entry.viewer(), entry.connections());
                if (entry.viewer().facilitator()) {
                    facilitators.set(id.toString(), described);
                }
                if (room != null) {
                    rooms.computeIfAbsent(room, key -> Json.MAPPER.createObjectNode()).set(id.toString(), described);
                }
            }
        });
        Map<String, ObjectNode> summaries = new HashMap<>();
        summaries.put(PLENARY, summary(facilitators, null));
        rooms.forEach((room, members) -> summaries.put(room, summary(facilitators, members)));
        return summaries;
    }

    private ObjectNode summary(ObjectNode facilitators, ObjectNode roomMembers) {
        ObjectNode summary = Json.MAPPER.createObjectNode();
        summary.put("people", people.size());
        ObjectNode sites = summary.putObject("sites");
        bySite.forEach((site, count) -> {
            if (!site.equals(NO_SITE)) {
                sites.put(site, count);
            }
        });
        summary.put("withoutSite", bySite.getOrDefault(NO_SITE, 0));
        ObjectNode nearby = summary.putObject("nearby");
        nearby.setAll(facilitators);
        if (roomMembers != null) {
            nearby.setAll(roomMembers);
        }
        return summary;
    }

    /**
     * One page of everyone present (of one site, when {@code site} is given), ordered by person id: the {@code limit}
     * people after {@code after} (from the start when null), in the shape of {@link #state()}, and the id to ask for
     * the next page with, null at the end. People who come or go between pages are seen or not, never twice.
     */
    ObjectNode page(String after, String site, int limit) {
        TreeMap<String, Entry> ordered = new TreeMap<>();
        people.forEach((id, entry) -> {
            if (site == null || site.equals(entry.viewer().site())) {
                ordered.put(id.toString(), entry);
            }
        });
        Map<String, Entry> rest = after == null ? ordered : ordered.tailMap(after, false);
        ObjectNode page = Json.MAPPER.createObjectNode();
        page.put("total", ordered.size());
        ObjectNode listed = page.putObject("people");
        String last = null;
        for (Map.Entry<String, Entry> person : rest.entrySet()) {
            if (listed.size() == limit) {
                break;
            }
            listed.set(person.getKey(), describe(person.getValue().viewer(), person.getValue().connections()));
            last = person.getKey();
        }
        boolean more = last != null && ordered.higherKey(last) != null;
        page.put("next", more ? last : null);
        return page;
    }

    private void count(Viewer viewer, int change) {
        bySite.merge(viewer.site() == null ? NO_SITE : viewer.site(), change, (was, by) -> was + by == 0 ? null : was + by);
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
        if (viewer.guest()) {
            person.put("guest", true);
        }
        var metas = person.putArray("metas");
        connections.forEach(id -> metas.addObject().put("connectionId", id));
        return person;
    }
}
