package org.colearn.server.live;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.websocket.CloseReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded random and mutated frames against a real server. After each one the client pings: the pong shows the
 * server read the frame and kept the connection (or it closed it with a code of its protocol). No frame ever gets
 * internal_error, and a well-behaved client in the same session is served throughout.
 */
@Timeout(120)
class LiveFrameFuzzIT {

    static final long SEED = 20261122L;
    static final int CLIENTS = 10;
    static final int FRAMES_EACH = 35;
    static final List<String> VALID = List.of(
            "{\"type\":\"chat.send\",\"ref\":\"v1\",\"body\":{\"text\":\"hello\"}}",
            "{\"type\":\"agenda.goto\",\"ref\":\"v2\",\"body\":{\"index\":0}}",
            "{\"type\":\"rooms.open\",\"ref\":\"v3\",\"body\":{\"count\":2}}",
            "{\"type\":\"room.move\",\"ref\":\"v4\",\"body\":{\"personId\":\"00000000-0000-0000-0000-000000000000\",\"roomId\":\"r1\"}}",
            "{\"type\":\"agenda.extend\",\"ref\":\"v5\",\"body\":{\"minutes\":5}}",
            "{\"type\":\"help.request\",\"ref\":\"v6\",\"body\":{\"message\":\"help\"}}",
            "{\"type\":\"room.chat.send\",\"ref\":\"v7\",\"body\":{\"text\":\"x\",\"roomId\":\"r9\"}}",
            "{\"type\":\"hello\",\"ref\":\"v8\",\"body\":{\"token\":\"x\",\"lastSeq\":3}}");
    /** Characters of the Basic Multilingual Plane only: a mutation must never split a surrogate pair. */
    static final String ALPHABET = "{}[]\":,.0123456789-abcdefghijklmnopqrstuvwxyz \\\u00e9\u2603\u0000\u202e";
    static final Predicate<JsonNode> PONG = frame -> "pong".equals(frame.path("type").asText());
    static final Predicate<JsonNode> FAULT = frame -> "internal_error".equals(frame.path("error").path("code").asText());

    static TestServer server;
    static String token;
    static String sessionId;

    @BeforeAll
    static void setUp() {
        server = TestServer.start();
        Api api = server.api();
        token = People.signUp(api, "Fiona Facilitator");
        String collaborative = People.collaborative(api.as(token), "Sepsis");
        sessionId = People.session(api.as(token), collaborative, "Fuzzed", 60, List.of(LiveClient.agendaItem("Welcome", "plenary", 10)));
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    @Test
    void randomAndMutatedFramesAreEachAnsweredAndNeverHarmTheSession() {
        Random random = new Random(SEED);
        List<LiveClient> used = new ArrayList<>();
        try (LiveClient bystander = LiveClient.join(server, sessionId, token, "bystander-fuzz", null)) {
            bystander.request("session.start", bodyOf());
            for (int c = 0; c < CLIENTS; c++) {
                LiveClient fuzzer = LiveClient.join(server, sessionId, token, "fuzzer-" + String.format("%04d", c), null);
                used.add(fuzzer);
                for (int i = 0; i < FRAMES_EACH; i++) {
                    String frame = i % 3 == 0 ? randomText(random) : mutate(VALID.get(random.nextInt(VALID.size())), random);
                    fuzzer.sendRaw(frame);
                    fuzzer.sendRaw("{\"type\":\"ping\"}");
                    if (!fuzzer.awaitCount(PONG, i + 1)) {
                        CloseReason reason = fuzzer.closeReason();
                        assertNotEquals(CloseReason.CloseCodes.UNEXPECTED_CONDITION, reason.getCloseCode(), "closed by a fault: " + frame);
                        fuzzer = LiveClient.join(server, sessionId, token, "fuzzer-" + String.format("%04d", c), null);
                        used.add(fuzzer);
                        break;
                    }
                }
            }
            for (LiveClient fuzzer : used) {
                assertTrue(fuzzer.count(FAULT) == 0, "no frame caused a server fault: " + fuzzer.frames());
                fuzzer.close();
            }
            JsonNode ok = bystander.request("chat.send", bodyOf("text", "the session survived"));
            assertTrue(ok.path("ok").asBoolean(), ok::toString);
            assertTrue(bystander.count(FAULT) == 0);
        }
    }

    private static String randomText(Random random) {
        int length = random.nextInt(120);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static String mutate(String valid, Random random) {
        StringBuilder frame = new StringBuilder(valid);
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && frame.length() > 0; m++) {
            int at = random.nextInt(frame.length());
            switch (random.nextInt(4)) {
                case 0 -> frame.deleteCharAt(at);
                case 1 -> frame.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> frame.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                default -> frame.insert(at, frame.substring(at, Math.min(frame.length(), at + random.nextInt(20))));
            }
        }
        return frame.toString();
    }
}
