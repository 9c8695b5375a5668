package org.colearn.server.live;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.websocket.CloseReason;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bad frames (malformed, binary, with control characters in their text) get a clear error with a stable code, and the
 * session and everyone in it go on untouched.
 */
@Timeout(60)
class LiveProtocolErrorsIT {

    static TestServer server;
    static String facilitatorToken;
    static String strangerToken;
    static String sessionId;

    @BeforeAll
    static void setUp() {
        server = TestServer.start();
        Api api = server.api();
        facilitatorToken = People.signUp(api, "Fiona Facilitator");
        strangerToken = People.signUp(api, "Sam Stranger");
        String collaborative = People.collaborative(api.as(facilitatorToken), "Sepsis");
        sessionId = People.session(api.as(facilitatorToken), collaborative, "Session", 60, List.of(LiveClient.agendaItem("Welcome", "plenary", 10)));
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    @Test
    void everyKindOfBadFrameGetsItsOwnErrorCodeAndTheSessionGoesOn() {
        try (LiveClient bystander = LiveClient.join(server, sessionId, facilitatorToken, "bystander-1", null);
                LiveClient client = LiveClient.join(server, sessionId, facilitatorToken, "bad-client-1", null)) {
            Map<String, String> cases = Map.of(
                    "not json at all", "malformed_frame",
                    "[1,2,3]", "malformed_frame",
                    "{\"type\":\"chat.send\",\"ref\":\"x1\",\"body\":[]}", "invalid_body",
                    "{\"type\":\"chat.send\",\"ref\":\"x2\",\"body\":{\"text\":42}}", "invalid_body",
                    "{\"type\":\"chat.send\",\"ref\":\"x3\",\"body\":{\"text\":\"hi\",\"extra\":1}}", "invalid_body",
                    "{\"type\":\"no.such.command\",\"ref\":\"x4\",\"body\":{}}", "unknown_type",
                    "{\"type\":\"agenda.goto\",\"ref\":\"x5\",\"body\":{\"index\":99}}", "invalid_body",
                    "{\"type\":\"hello\",\"ref\":\"x6\",\"body\":{\"token\":\"again\"}}", "already_joined",
                    "{\"type\":\"chat.send\",\"ref\":\"x7\",\"body\":{},\"sneaky\":true}", "malformed_frame");
            for (Map.Entry<String, String> badFrame : cases.entrySet()) {
                int before = client.events().size();
                client.sendRaw(badFrame.getKey());
                JsonNode error = client.await(
                        frame -> frame.has("error") && badFrame.getValue().equals(frame.path("error").path("code").asText()),
                        badFrame.getValue() + " for " + badFrame.getKey());
                assertTrue(error.path("error").path("message").asText().length() > 10, error::toString);
                assertEquals(before, client.events().size(), "nothing was logged for " + badFrame.getKey());
            }
            JsonNode ok = bystander.request("chat.send", bodyOf("text", "still working"));
            assertTrue(ok.path("ok").asBoolean(), ok::toString);
            client.awaitEvent("chat.message");
        }
    }

    @Test
    void commandsBeforeHelloAreRefused() {
        try (LiveClient client = LiveClient.connect(server, sessionId)) {
            JsonNode reply = client.request("chat.send", bodyOf("text", "hi"));
            assertEquals("hello_required", reply.path("error").path("code").asText());
        }
    }

    @Test
    void strangerAndBadTokenCannotJoin() {
        try (LiveClient stranger = LiveClient.connect(server, sessionId)) {
            assertEquals("session_not_found", stranger.request("hello", bodyOf("token", strangerToken)).path("error").path("code").asText());
        }
        try (LiveClient forger = LiveClient.connect(server, sessionId)) {
            assertEquals("token_invalid", forger.request("hello", bodyOf("token", "made-up-token")).path("error").path("code").asText());
        }
    }

    @Test
    void frameOverSixtyFourKilobytesClosesTheConnectionWithMessageTooBig() {
        try (LiveClient client = LiveClient.join(server, sessionId, facilitatorToken, "big-client-1", null)) {
            try {
                client.sendRaw("{\"type\":\"chat.send\",\"body\":{\"text\":\"" + "x".repeat(70_000) + "\"}}");
            } catch (RuntimeException cutShort) {
                // The server may close the connection while the client is still writing the frame; the close code says why.
            }
            assertEquals(CloseReason.CloseCodes.TOO_BIG, client.awaitClose().getCloseCode());
        }
    }

    @Test
    void floodOfFramesIsThrottledWithAnError() {
        try (LiveClient client = LiveClient.join(server, sessionId, facilitatorToken, "fast-client-1", null)) {
            for (int i = 0; i < 100; i++) {
                client.sendRaw("{\"type\":\"no.such.command\"}");
            }
            JsonNode throttled = client.await(frame -> "too_fast".equals(frame.path("error").path("code").asText()), "too_fast");
            assertTrue(throttled.path("error").path("message").asText().contains("20 a second"));
        }
    }

    @Test
    void aChatMessageWithANulCharacterIsRefusedNamingTheFieldAndNothingIsSaid() {
        try (LiveClient bystander = LiveClient.join(server, sessionId, facilitatorToken, "nul-bystander-1", null);
                LiveClient client = LiveClient.join(server, sessionId, facilitatorToken, "nul-client-1", null)) {
            JsonNode reply = client.request("chat.send", bodyOf("text", "Hello\u0000there"));
            assertEquals("control_character", reply.path("error").path("code").asText(), reply::toString);
            assertEquals("text", reply.path("error").path("field").asText(), reply::toString);
            assertTrue(reply.path("error").path("message").asText().contains("U+0000"), reply::toString);
            assertFalse(reply.toString().contains("Hello"), "the refusal does not quote the text: " + reply);

            JsonNode ok = client.request("chat.send", bodyOf("text", "Hello\tthere,\r\nline two"));
            assertTrue(ok.path("ok").asBoolean(), "tabs and line breaks are text: " + ok);
            // Events arrive in order: had the refused message been said, it would be the first one here.
            JsonNode said = bystander.awaitEvent("chat.message");
            assertEquals("Hello\tthere,\r\nline two", said.path("body").path("text").asText(), said::toString);
        }
    }

    @Test
    void aBinaryFrameGetsAnErrorReplyAndTheConnectionGoesOn() {
        try (LiveClient client = LiveClient.join(server, sessionId, facilitatorToken, "binary-client-1", null)) {
            client.sendBinary("{\"type\":\"chat.send\",\"body\":{\"text\":\"hi\"}}".getBytes(StandardCharsets.UTF_8));
            JsonNode error = client.await(frame -> frame.has("error"), "an error for the binary frame");
            assertEquals("binary_frame", error.path("error").path("code").asText(), error::toString);
            assertTrue(client.request("chat.send", bodyOf("text", "still here")).path("ok").asBoolean());
        }
    }
}
