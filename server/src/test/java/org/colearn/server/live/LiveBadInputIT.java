package org.colearn.server.live;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Frames with control characters in their text, and binary frames, get an error reply and change nothing. */
@Timeout(60)
class LiveBadInputIT {

    static TestServer server;
    static String facilitatorToken;
    static String sessionId;

    @BeforeAll
    static void setUp() {
        server = TestServer.start();
        Api api = server.api();
        facilitatorToken = People.signUp(api, "Fiona Facilitator");
        String collaborative = People.collaborative(api.as(facilitatorToken), "Sepsis");
        sessionId = People.session(api.as(facilitatorToken), collaborative, "Session", 60,
                List.of(LiveClient.agendaItem("Welcome", "plenary", 10)));
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    @Test
    void aChatMessageWithANulCharacterIsRefusedNamingTheFieldAndNothingIsSaid() {
        try (LiveClient bystander = LiveClient.join(server, sessionId, facilitatorToken, "bystander-1", null);
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
