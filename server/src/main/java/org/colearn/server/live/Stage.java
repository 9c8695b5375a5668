package org.colearn.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.colearn.server.system.Json;

/**
 * The plenary's stage, as its events built it: whether the plenary is a stage now, the hands raised in the order they
 * were raised, and who the facilitators brought on stage. Facilitators are always on stage; everyone else in the
 * plenary listens and watches until brought on. Everyone sees the same stage, so the view is one for all.
 */
final class Stage {

    private boolean open;
    private final Map<UUID, ObjectNode> hands = new LinkedHashMap<>();
    private final Map<UUID, ObjectNode> speakers = new LinkedHashMap<>();
    private long lastChangeSeq;

    /** Applies a stage event; returns false for events that are not about the stage. */
    boolean apply(Event event) {
        JsonNode body = event.body();
        switch (event.type()) {
            case "stage.opened" -> open = true;
            case "stage.closed", "session.ended" -> {
                open = false;
                hands.clear();
                speakers.clear();
            }
            case "stage.hand.raised" -> hands.put(personId(body.path("person")), entry(body));
            case "stage.hand.lowered" -> hands.remove(UUID.fromString(body.path("personId").asText()));
            case "stage.joined" -> {
                UUID id = personId(body.path("person"));
                hands.remove(id);
                speakers.put(id, entry(body));
            }
            case "stage.left" -> speakers.remove(UUID.fromString(body.path("personId").asText()));
            default -> {
                return false;
            }
        }
        lastChangeSeq = event.seq();
        return true;
    }

    private static UUID personId(JsonNode person) {
        return UUID.fromString(person.path("personId").asText());
    }

    private static ObjectNode entry(JsonNode body) {
        ObjectNode entry = ((ObjectNode) body.path("person")).deepCopy();
        if (body.has("at")) {
            entry.put("at", body.path("at").asText());
        }
        return entry;
    }

    boolean open() {
        return open;
    }

    boolean handRaised(UUID personId) {
        return hands.containsKey(personId);
    }

    /** Whether this person may speak in the plenary now: always when it is no stage, else facilitators and who was brought on. */
    boolean onStage(Viewer viewer) {
        return !open || viewer.facilitator() || speakers.containsKey(viewer.personId());
    }

    boolean invited(UUID personId) {
        return speakers.containsKey(personId);
    }

    /** Who was brought on stage (facilitators are on it without being brought). */
    Set<UUID> invited() {
        return Set.copyOf(speakers.keySet());
    }

    /** The sequence number of the last event that changed the stage. */
    long lastChangeSeq() {
        return lastChangeSeq;
    }

    /** The stage as everyone sees it: {@code {open, hands:[{personId,name,site,at}], speakers:[{personId,name,site}]}}. */
    ObjectNode view() {
        ObjectNode view = Json.MAPPER.createObjectNode().put("open", open);
        ArrayNode raised = view.putArray("hands");
        hands.values().forEach(raised::add);
        ArrayNode onStage = view.putArray("speakers");
        speakers.values().forEach(onStage::add);
        return view;
    }

    ObjectNode snapshot() {
        return view().put("lastChangeSeq", lastChangeSeq);
    }

    void restore(JsonNode snapshot) {
        open = snapshot.path("open").asBoolean();
        lastChangeSeq = snapshot.path("lastChangeSeq").asLong();
        hands.clear();
        speakers.clear();
        snapshot.path("hands").forEach(hand -> hands.put(personId(hand), (ObjectNode) hand));
        snapshot.path("speakers").forEach(speaker -> speakers.put(personId(speaker), (ObjectNode) speaker));
    }
}
