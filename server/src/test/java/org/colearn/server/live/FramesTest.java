package org.colearn.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.colearn.server.system.Json;
import org.junit.jupiter.api.Test;

class FramesTest {

    @Test
    void anEventFrameCarriesTheTimeOfItsEventWhereARelayCanReadIt() {
        Instant at = Instant.parse("2026-12-01T10:03:12.345Z");
        String frame = Frames.event(new Event(42, "chat.message", Audience.EVERYONE,
                Json.MAPPER.createObjectNode().put("text", "Morning from Ashford").put("at", "2026-12-01T09:00:00Z"), at));

        assertEquals("{\"seq\":42,\"at\":\"2026-12-01T10:03:12.345Z\",\"type\":\"chat.message\"", frame.substring(0, frame.indexOf(",\"body\"")));
        assertEquals(at, Frames.eventTime(frame), "the frame's own time, not a time inside its body");
    }

    @Test
    void repliesSignalsAndViewsHaveNoEventTime() {
        assertNull(Frames.eventTime(Frames.ok("c1", Json.MAPPER.createObjectNode().put("seq", 3))));
        assertNull(Frames.eventTime(Frames.signal("pong", Json.MAPPER.createObjectNode().put("serverTime", "2026-12-01T10:00:00Z"))));
        assertNull(Frames.eventTime(Frames.activityView(Json.MAPPER.createObjectNode().put("at", "2026-12-01T10:00:00Z"))));
        assertNull(Frames.eventTime("{\"seq\":4,\"at\":\"not a time\",\"type\":\"chat.message\",\"body\":{}}"), "a time it cannot read is no time");
    }

    @Test
    void aSharedViewWithSomeonesOwnPartAddedIsTheFrameOfTheirWholeView() {
        for (boolean working : new boolean[] {false, true}) {
            for (String shared : new String[] {"{\"table\":{\"work\":1,\"notes\":[]},\"round\":2}", "{}"}) {
                ObjectNode activity = activity(shared, working);
                ObjectNode own = Json.MAPPER.createObjectNode().put("agreed", "n1 \"quoted\"");
                own.putObject("next").put("table", 7);
                ObjectNode whole = activity(shared, working);
                ((ObjectNode) whole.get("view")).setAll(own.deepCopy());
                Frames.SharedView split = Frames.sharedView(activity);
                assertEquals(Frames.activityView(whole), split.with(own), "view " + shared + (working ? " with work under way" : ""));
                assertEquals(Frames.activityView(activity), split.with(null), "nothing of their own: the shared frame");
            }
        }
    }

    @Test
    void aViewThatIsNoObjectTakesNoOwnPart() {
        ObjectNode activity = Json.MAPPER.createObjectNode().put("index", 0).put("type", "poll");
        activity.putNull("view");
        assertEquals(Frames.activityView(activity), Frames.sharedView(activity).with(Json.MAPPER.createObjectNode().put("x", 1)));
        assertEquals(Frames.activityView(null), Frames.sharedView(null).with(null));
    }

    private static ObjectNode activity(String view, boolean working) {
        try {
            ObjectNode activity = Json.MAPPER.createObjectNode().put("index", 3).put("type", "world-cafe")
                    .put("module", "/plugins/world-cafe/colearn-activity-world-cafe.js");
            activity.set("view", Json.MAPPER.readTree(view));
            if (working) {
                activity.putObject("work").put("label", "Seating \"1,500\" people,\"work\":").put("status", "running");
            }
            return activity;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
