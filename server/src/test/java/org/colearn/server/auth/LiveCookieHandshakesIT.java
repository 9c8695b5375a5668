package org.colearn.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.glassfish.tyrus.client.exception.DeploymentHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many browsers opening the live socket at the same moment each join as the person whose login cookie their own
 * handshake carried, never as someone else whose handshake was accepted beside it.
 */
@Timeout(120)
class LiveCookieHandshakesIT {

    static final int HANDSHAKES = 40;
    static final String FIONA = "Fiona Facilitator";
    static final String NADIA = "Nadia Nurse";
    static final String NOT_SIGNED_IN = "not signed in";
    static final String REFUSED = "refused with 403";

    static TestServer server;
    static String sessionId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        Api api = server.api();
        People.FacilitatorAndNurse people = People.facilitatorAndNurse(api);
        sessionId = People.session(api.as(people.facilitatorToken()), people.collaborativeId(), "Learning session 1", 60,
                List.of(LiveClient.agendaItem("Welcome", "plenary", 10)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void fortyHandshakesAtOnceEachJoinAsThePersonWhoseCookieTheyCarried() throws Exception {
        Map<String, String> cookies = Map.of(FIONA, People.browserLogin(server.api(), FIONA), NADIA, People.browserLogin(server.api(), NADIA));
        String ownPages = "http://127.0.0.1:" + server.port();
        List<String> expected = new ArrayList<>();
        List<Map<String, String>> handshakes = new ArrayList<>();
        for (int i = 0; i < HANDSHAKES; i++) {
            String person = i % 2 == 0 ? FIONA : NADIA;
            if (i % 10 == 3 || i % 10 == 8) {
                expected.add(NOT_SIGNED_IN);
                handshakes.add(Map.of("Origin", ownPages));
            } else if (i % 10 == 6 || i % 10 == 9) {
                expected.add(REFUSED);
                handshakes.add(Map.of("Origin", LoginCookieIT.FOREIGN, "Cookie", cookies.get(person)));
            } else {
                expected.add(person);
                handshakes.add(Map.of("Origin", ownPages, "Cookie", cookies.get(person)));
            }
        }

        List<LiveClient> open = new ArrayList<>();
        ExecutorService browsers = Executors.newFixedThreadPool(HANDSHAKES);
        try {
            CountDownLatch ready = new CountDownLatch(HANDSHAKES);
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < HANDSHAKES; i++) {
                Map<String, String> headers = handshakes.get(i);
                String clientId = "tab-" + i + "-of-crowd";
                outcomes.add(browsers.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return joinedAs(headers, clientId, open);
                }));
            }
            List<String> joined = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                joined.add(outcome.get(90, TimeUnit.SECONDS));
            }

            assertEquals(expected, joined, "each connection is exactly the person whose cookie its handshake sent");
            assertEquals(List.of(12L, 12L, 8L, 8L), List.of(FIONA, NADIA, NOT_SIGNED_IN, REFUSED).stream()
                    .map(outcome -> joined.stream().filter(outcome::equals).count()).toList(), joined::toString);
        } finally {
            browsers.shutdownNow();
            synchronized (open) {
                open.forEach(LiveClient::close);
            }
        }
    }

    /**
     * Opens the socket with these handshake headers and says hello without a token: who the server welcomed, or why it
     * did not. The open connection is kept in {@code open}, so that all of them are open together.
     */
    private static String joinedAs(Map<String, String> headers, String clientId, List<LiveClient> open) {
        LiveClient live;
        try {
            live = LiveClient.connect(server.port(), sessionId, headers);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof DeploymentHandshakeException handshake && handshake.getHttpStatusCode() == 403) {
                return REFUSED;
            }
            throw e;
        }
        synchronized (open) {
            open.add(live);
        }
        JsonNode hello = live.request("hello", LiveClient.bodyOf("clientId", clientId));
        if (hello.path("ok").asBoolean()) {
            return hello.path("body").path("view").path("you").path("name").asText();
        }
        JsonNode error = hello.path("error");
        assertEquals("invalid_body", error.path("code").asText(), hello::toString);
        assertTrue(error.path("message").asText().contains("token"), hello::toString);
        return NOT_SIGNED_IN;
    }
}
