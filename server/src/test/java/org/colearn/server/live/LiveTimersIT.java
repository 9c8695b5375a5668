package org.colearn.server.live;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Agenda timers run on the server's clock, which these tests move by hand: an hour passes in milliseconds. */
@Timeout(60)
class LiveTimersIT {

    TestServer server;
    String token;
    String sessionId;

    @BeforeEach
    void setUp() {
        server = TestServer.start();
        Api api = server.api();
        token = People.signUp(api, "Fiona Facilitator");
        String collaborative = People.collaborative(api.as(token), "Sepsis");
        sessionId = People.session(api.as(token), collaborative, "Learning session 3", 120, List.of(
                                LiveClient.agendaItem("Welcome", "plenary", 10),
                                LiveClient.agendaItem("World café", "world-cafe", 60)));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void itemTimerWarnsAtFiveMinutesAndOneMinuteThenSaysTimeIsUp() {
        try (LiveClient fiona = LiveClient.join(server, sessionId, token, "fiona-laptop", null)) {
            fiona.request("session.start", bodyOf());
            JsonNode started = fiona.request("agenda.goto", bodyOf("index", 1));
            assertTrue(started.path("ok").asBoolean(), started::toString);
            JsonNode item = fiona.awaitEvent("agenda.item.started").path("body");
            assertEquals(Duration.ofMinutes(60), Duration.between(
                    Instant.parse(item.path("startedAt").asText()), Instant.parse(item.path("endsAt").asText())));

            server.clock().advance(Duration.ofMinutes(55));
            assertEquals(300, fiona.awaitEvent("timer.warning").path("body").path("remainingSeconds").asLong());
            server.clock().advance(Duration.ofMinutes(4));
            fiona.await(frame -> frame.path("body").path("remainingSeconds").asLong() == 60, "the one-minute warning");
            server.clock().advance(Duration.ofMinutes(1));
            assertEquals(1, fiona.awaitEvent("timer.ended").path("body").path("index").asInt());
            assertEquals(List.of("session.started", "agenda.item.started", "timer.warning", "timer.warning", "timer.ended"),
                    fiona.events().stream().map(e -> e.path("type").asText()).toList(), "each warning once, in order");
        }
    }

    @Test
    void pausedTimerKeepsItsRemainingTimeAndResumesFromIt() {
        try (LiveClient fiona = LiveClient.join(server, sessionId, token, "fiona-laptop", null)) {
            fiona.request("session.start", bodyOf());
            fiona.request("agenda.goto", bodyOf("index", 0));
            server.clock().advance(Duration.ofMinutes(3));
            JsonNode paused = fiona.request("agenda.pause", bodyOf());
            assertTrue(paused.path("ok").asBoolean(), paused::toString);
            assertEquals(420, fiona.awaitEvent("agenda.item.paused").path("body").path("remainingSeconds").asLong());

            server.clock().advance(Duration.ofHours(2));
            Instant resumedAt = server.clock().instant();
            fiona.request("agenda.resume", bodyOf());
            JsonNode resumed = fiona.awaitEvent("agenda.item.resumed");
            assertEquals(resumedAt.plusSeconds(420), Instant.parse(resumed.path("body").path("endsAt").asText()));

            server.clock().advance(Duration.ofMinutes(7));
            JsonNode ended = fiona.awaitEvent("timer.ended");
            List<String> afterResume = fiona.events().stream()
                    .filter(e -> e.path("seq").asLong() > resumed.path("seq").asLong())
                    .map(e -> e.path("type").asText())
                    .toList();
            assertEquals("timer.ended", afterResume.get(afterResume.size() - 1), ended::toString);
            JsonNode again = fiona.request("agenda.resume", bodyOf());
            assertEquals("timer_not_paused", again.path("error").path("code").asText());
        }
    }

    @Test
    void extendingAfterTimeIsUpStartsANewCountdownWithFreshWarnings() {
        try (LiveClient fiona = LiveClient.join(server, sessionId, token, "fiona-laptop", null)) {
            fiona.request("session.start", bodyOf());
            fiona.request("agenda.goto", bodyOf("index", 0));
            server.clock().advance(Duration.ofMinutes(10));
            fiona.awaitEvent("timer.ended");
            JsonNode extended = fiona.request("agenda.extend", bodyOf("minutes", 10));
            assertTrue(extended.path("ok").asBoolean(), extended::toString);
            server.clock().advance(Duration.ofMinutes(6));
            fiona.await(frame -> "timer.warning".equals(frame.path("type").asText())
                            && frame.path("seq").asLong() > extended.path("body").path("seq").asLong(),
                    "a fresh five-minute warning after the extension");
        }
    }

    @Test
    void timerThatCameDueWhileTheServerWasDownFiresOnceAfterTheRestart() {
        long before;
        try (LiveClient fiona = LiveClient.join(server, sessionId, token, "fiona-laptop", null)) {
            fiona.request("session.start", bodyOf());
            before = fiona.request("agenda.goto", bodyOf("index", 0)).path("body").path("seq").asLong();
        }
        server.restart();
        server.clock().advance(Duration.ofMinutes(11));
        try (LiveClient fiona = LiveClient.join(server, sessionId, token, "fiona-laptop", before)) {
            JsonNode ended = fiona.awaitEvent("timer.ended");
            assertEquals(before + 1, ended.path("seq").asLong(), "time up fired alone: the stale warnings were skipped");
        }
    }
}
