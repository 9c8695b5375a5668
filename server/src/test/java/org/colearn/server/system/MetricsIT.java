package org.colearn.server.system;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class MetricsIT {

    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readinessSaysReadyOnceTheDatabaseAnswersAndLiveSessionsAreBack() {
        Api.Reply ready = eventually(() -> server.api().get("health/ready"), reply -> reply.status() == 200);
        assertEquals(200, ready.status(), ready::toString);
        assertEquals("ready", ready.json().path("status").asText());
    }

    @Test
    void metricsCountConnectionsAndEventsOfALiveSessionForPrometheusAndNameNobody() {
        Api api = server.api();
        String facilitatorToken = People.signUp(api, "Fiona Facilitator");
        Api facilitator = api.as(facilitatorToken);
        String collaborative = People.collaborative(facilitator, "Sepsis");
        Api.Reply created = facilitator.post("collaboratives/" + collaborative + "/sessions", Map.of(
                "title", "Learning session 2",
                "startsAt", "2026-12-01T09:30:00Z",
                "durationMinutes", 60,
                "agenda", List.of(LiveClient.agendaItem("Welcome", "plenary", 10))));
        String sessionId = created.json().path("id").asText();
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null)) {
            fiona.request("chat.send", bodyOf("text", "Good morning, Ashford and Bromley"));
            fiona.request("chat.send", bodyOf("text", "We start in five minutes"));

            Api.Reply metrics = api.get("metrics");
            assertEquals(200, metrics.status(), metrics::toString);
            assertTrue(metrics.header("Content-Type").startsWith("text/plain"), metrics.header("Content-Type"));
            String text = metrics.text();
            assertEquals(Optional.of(1.0), value(text, "colearn_live_connections"), "Fiona's one connection");
            assertEquals(Optional.of(1.0), value(text, "colearn_live_sessions"), "the one session held");
            assertTrue(value(text, "colearn_live_events_total").orElse(0.0) >= 2, "both chat messages logged: " + value(text, "colearn_live_events_total"));
            assertTrue(value(text, "colearn_live_fanout_seconds_count").orElse(0.0) >= 2, "fan-out timed for each");
            assertEquals(Optional.of(0.0), value(text, "colearn_relayed_connections"), "one node relays nobody");
            assertEquals(Optional.of(0.0), value(text, "colearn_relay_lag_seconds_count"), "relay lag is measured, and nothing was relayed");
            assertTrue(text.contains("colearn_relay_lag_seconds_bucket"), "relay lag is a histogram, for percentiles across nodes");
            assertTrue(text.contains("hikaricp_connections_active"), "the database pool is measured");
            assertTrue(text.contains("jvm_memory_used_bytes"), "the JVM is measured");
            assertFalse(text.contains("Fiona") || text.contains("Good morning") || text.contains(sessionId), "counts only, nobody named");
        }
        Api.Reply after = eventually(() -> api.get("metrics"), reply -> value(reply.text(), "colearn_live_connections").equals(Optional.of(0.0)));
        assertEquals(Optional.of(0.0), value(after.text(), "colearn_live_connections"), "closed connections are no longer counted");
    }

    /** Asks again until the answer is as expected or five seconds have passed; returns the last answer. */
    private static Api.Reply eventually(java.util.function.Supplier<Api.Reply> ask, java.util.function.Predicate<Api.Reply> expected) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        Api.Reply reply = ask.get();
        while (!expected.test(reply) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(50));
            reply = ask.get();
        }
        return reply;
    }

    /** The value of an unlabelled metric line, if the scrape has it. */
    private static Optional<Double> value(String scrape, String name) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? (\\S+)$").matcher(scrape);
        return line.find() ? Optional.of(Double.parseDouble(line.group(1))) : Optional.empty();
    }
}
