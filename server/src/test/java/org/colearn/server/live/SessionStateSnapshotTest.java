package org.colearn.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.colearn.server.system.Json;
import org.junit.jupiter.api.Test;

/** A session's state restored from a snapshot and the events after it is the state that applying every event built. */
class SessionStateSnapshotTest {

    static final Instant T0 = Instant.parse("2026-12-01T09:30:00Z");
    static final UUID ANA = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID BEN = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final Viewer FACILITATOR = new Viewer(UUID.randomUUID(), "Fiona", "Ashford", "nurse", true, false);
    static final Viewer PARTICIPANT = new Viewer(ANA, "Ana", "Bromley", "doctor", false, false);

    @Test
    void aStateRestoredFromASnapshotAndTheTailIsTheStateEveryEventBuilt() {
        List<Event> events = events();
        for (int cut = 0; cut <= events.size(); cut++) {
            SessionState whole = fresh();
            events.forEach(whole::apply);

            SessionState before = fresh();
            events.subList(0, cut).forEach(before::apply);
            String snapshot = Committed.write(before.snapshot());
            SessionState restored = fresh();
            restored.restore(Committed.parse(snapshot));
            events.subList(cut, events.size()).forEach(restored::apply);

            assertEquals(whole.snapshot(), restored.snapshot(), "restored from the snapshot after event " + cut);
            assertEquals(whole.view(FACILITATOR), restored.view(FACILITATOR));
            assertEquals(whole.view(PARTICIPANT), restored.view(PARTICIPANT));
        }
    }

    @Test
    void anActivityStateEventCarriesOnlyWhatChangedAndApplyingItGivesTheNewState() {
        ObjectNode before = cafe(40, 1);
        ObjectNode after = cafe(40, 2);
        after.withArray("notes").addObject().put("text", "Huddles at 8");
        JsonNode patch = ActivityPatches.diff(before, after);
        assertTrue(patch.toString().length() < after.toString().length() / 4, () -> "a patch of " + patch.toString().length()
                + " characters for a state of " + after.toString().length());
        assertEquals(after, ActivityPatches.apply(before.deepCopy(), patch));
        assertFalse(patch.toString().contains("Person 1\""), "people who did not change are not in the patch");
    }

    private static SessionState fresh() {
        return new SessionState("Learning session 3", List.of(
                new SessionState.Item("i0", "Welcome", "plenary", 10, null),
                new SessionState.Item("i1", "World café", "world-cafe", 45, Json.MAPPER.createObjectNode().put("tableSize", 4))));
    }

    /** A café-like state: people at tables, in a round. */
    private static ObjectNode cafe(int people, int round) {
        ObjectNode state = Json.MAPPER.createObjectNode().put("round", round);
        var seated = state.putArray("people");
        for (int i = 1; i <= people; i++) {
            seated.addObject().put("name", "Person " + i).put("table", i % 10 == 0 ? round : i % 7);
        }
        state.putArray("notes");
        return state;
    }

    private static List<Event> events() {
        List<Event> events = new ArrayList<>();
        add(events, "session.started", Audience.EVERYONE, body());
        add(events, "agenda.item.started", Audience.EVERYONE, body().put("index", 1).put("endsAt", T0.plusSeconds(2700).toString()));
        ObjectNode started = body().put("index", 1).put("type", "world-cafe");
        started.putObject("config").put("tableSize", 4);
        add(events, "activity.started", Audience.NOBODY, started);
        ObjectNode full = body().put("index", 1);
        full.set("state", cafe(12, 1));
        add(events, "activity.state", Audience.NOBODY, full);
        add(events, "activity.timer.set", Audience.NOBODY, body().put("name", "round-end").put("due", T0.plusSeconds(900).toString()));
        ObjectNode rooms = body();
        var open = rooms.putArray("rooms");
        ObjectNode table = open.addObject().put("id", "r1").put("name", "Table 1");
        table.putArray("members").addObject().put("personId", ANA.toString()).put("name", "Ana").put("site", "Bromley");
        ObjectNode other = open.addObject().put("id", "r2").put("name", "Table 2");
        other.putArray("members").addObject().put("personId", BEN.toString()).put("name", "Ben").put("site", "Croydon");
        add(events, "rooms.opened", Audience.FACILITATORS, rooms);
        add(events, "room.chat.message", Audience.parse("room:r1"), body().put("roomId", "r1").put("text", "Hello table one"));
        ObjectNode visit = body().put("role", "facilitator").put("to", "r2").put("toName", "Table 2");
        visit.putObject("person").put("personId", FACILITATOR.personId().toString()).put("name", "Fiona").put("site", "Ashford");
        add(events, "room.visited", Audience.parse("facilitators,members:r2"), visit);
        add(events, "stage.opened", Audience.EVERYONE, body().put("by", "Fiona"));
        add(events, "stage.hand.raised", Audience.EVERYONE, hand(BEN, "Ben", "Croydon"));
        add(events, "stage.hand.raised", Audience.EVERYONE, hand(ANA, "Ana", "Bromley"));
        ObjectNode joined = body().put("by", "Fiona");
        joined.putObject("person").put("personId", ANA.toString()).put("name", "Ana").put("site", "Bromley");
        add(events, "stage.joined", Audience.EVERYONE, joined);
        add(events, "chat.message", Audience.EVERYONE, body().put("text", "Welcome all"));
        ObjectNode changed = body().put("index", 1);
        changed.set("patch", ActivityPatches.diff(cafe(12, 1), cafe(12, 2)));
        add(events, "activity.state", Audience.NOBODY, changed);
        add(events, "timer.warning", Audience.EVERYONE, body().put("remainingSeconds", 300));
        add(events, "session.broadcast", Audience.EVERYONE, body().put("text", "Five minutes"));
        ObjectNode result = body().put("title", "World café: who sat together").put("type", "world-cafe");
        result.putObject("result").putArray("meetings").addObject().put("personId", ANA.toString());
        add(events, "activity.result", Audience.FACILITATORS, result);
        add(events, "activity.timer.fired", Audience.NOBODY, body().put("name", "round-end"));
        ObjectNode again = body().put("index", 1);
        again.set("patch", ActivityPatches.diff(cafe(12, 2), cafe(12, 3)));
        add(events, "activity.state", Audience.NOBODY, again);
        add(events, "agenda.item.paused", Audience.EVERYONE, body().put("remainingSeconds", 600));
        return events;
    }

    private static ObjectNode hand(UUID personId, String name, String site) {
        ObjectNode hand = body().put("at", T0.toString());
        hand.putObject("person").put("personId", personId.toString()).put("name", name).put("site", site);
        return hand;
    }

    private static void add(List<Event> events, String type, Audience audience, ObjectNode body) {
        events.add(new Event(events.size() + 1, type, audience, body, T0.plusSeconds(events.size())));
    }

    private static ObjectNode body() {
        return Json.MAPPER.createObjectNode();
    }
}
