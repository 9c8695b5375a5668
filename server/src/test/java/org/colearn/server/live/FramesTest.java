package org.colearn.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.colearn.server.system.Json;
import org.junit.jupiter.api.Test;

class FramesTest {

    @Test
    void anEventFrameCarriesTheTimeOfItsEventWhereARelayCanReadIt() {
        Instant at = Instant.parse("2026-12-01T10:03:12.345Z");
        String frame = Frames.event(new Event(42, "chat.message", Event.EVERYONE,
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
}
