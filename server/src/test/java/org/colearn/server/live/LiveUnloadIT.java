package org.colearn.server.live;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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

/**
 * Sessions nobody is in leave the server's memory (and, in a cluster, release their hold) and come back, whole, on the
 * next hello: the server's clock is moved by hand, so ten idle minutes pass in milliseconds.
 */
@Timeout(60)
class LiveUnloadIT {

    TestServer server;
    String token;
    String sessionId;

    @BeforeEach
    void setUp() {
        server = TestServer.start();
        token = People.signUp(server.api(), "Fiona Facilitator");
        String collaborative = People.collaborative(server.api().as(token), "Sepsis");
        sessionId = People.session(server.api().as(token), collaborative, "Learning session 4", 120, List.of(
                LiveClient.agendaItem("Welcome", "plenary", 30)));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void anEndedSessionNobodyIsInLeavesMemoryAndComesBackWithItsChatOnTheNextHello() {
        try (LiveClient fiona = LiveClient.join(server, sessionId, token, "fiona-laptop", null)) {
            fiona.request("session.start", bodyOf());
            fiona.request("chat.send", bodyOf("text", "Thank you all for coming"));
            fiona.request("session.end", bodyOf());
        }
        assertEquals(0.0, metric("colearn_live_connections", 0.0), "the server has seen the last connection close");
        assertEquals(1.0, sessionsHeld(1.0), "held for a while after its last connection closed");

        server.clock().advance(Ticker.ENDED_IDLE.plusSeconds(1));
        assertEquals(0.0, sessionsHeld(0.0), "an ended session nobody is in has left memory");

        try (LiveClient back = LiveClient.join(server, sessionId, token, "fiona-phone", null)) {
            JsonNode view = back.view();
            assertEquals("ended", view.path("session").path("status").asText(), view::toString);
            assertEquals("Thank you all for coming", view.path("chat").get(0).path("text").asText(), view::toString);
            assertEquals(1.0, sessionsHeld(1.0), "back in memory for whoever came");
        }
    }

    @Test
    void aLiveSessionNobodyIsInForTenMinutesLeavesMemoryStaysOutAcrossARestartAndItsTimerFiresWhenSomeoneComesBack() {
        long seq;
        try (LiveClient fiona = LiveClient.join(server, sessionId, token, "fiona-laptop", null)) {
            fiona.request("session.start", bodyOf());
            seq = fiona.request("agenda.goto", bodyOf("index", 0)).path("body").path("seq").asLong();
        }
        assertEquals(0.0, metric("colearn_live_connections", 0.0), "the server has seen the last connection close");
        server.clock().advance(Ticker.IDLE.minusSeconds(30));
        assertEquals(1.0, sessionsHeld(1.0), "nine and a half idle minutes: still held");
        server.clock().advance(Duration.ofSeconds(31));
        assertEquals(0.0, sessionsHeld(0.0), "ten idle minutes: left memory");

        server.restart();
        Api.Reply ready = server.api().get("health/ready");
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); ready.status() != 200 && System.nanoTime() < deadline; ) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            ready = server.api().get("health/ready");
        }
        assertEquals(200, ready.status(), ready::toString);
        assertEquals(0.0, sessionsHeld(0.0), "a restart does not bring back a session nobody is in");

        server.clock().advance(Duration.ofMinutes(30));
        try (LiveClient back = LiveClient.join(server, sessionId, token, "fiona-phone", seq)) {
            assertTrue(back.hello().path("body").path("resumed").asBoolean(), back.hello()::toString);
            JsonNode ended = back.awaitEvent("timer.ended");
            assertEquals(0, ended.path("body").path("index").asInt(), ended::toString);
        }
    }

    private double sessionsHeld(double expected) {
        return metric("colearn_live_sessions", expected);
    }

    /** Scrapes an unlabelled metric until it reads {@code expected} or five seconds have passed; returns the last value. */
    private double metric(String name, double expected) {
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5); ; ) {
            Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(server.api().get("metrics").text());
            double value = line.find() ? Double.parseDouble(line.group(1)) : Double.NaN;
            if (value == expected || System.nanoTime() > deadline) {
                return value;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }
}
