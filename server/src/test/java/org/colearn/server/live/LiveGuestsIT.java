package org.colearn.server.live;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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

/** Guests join one session with its code and a name; facilitators see the code and can switch guests off. */
@Timeout(60)
class LiveGuestsIT {

    TestServer server;
    Api facilitator;
    String facilitatorToken;
    String nurseToken;
    String sessionId;
    String code;

    @BeforeEach
    void setUp() {
        server = TestServer.start();
        Api api = server.api();
        facilitatorToken = People.signUp(api, "Fiona Facilitator");
        facilitator = api.as(facilitatorToken);
        String collaborative = People.collaborative(facilitator, "Sepsis");
        String site = People.site(facilitator, collaborative, "Ashford", "trust");
        nurseToken = People.signUp(api, "Nadia Nurse");
        People.join(api.as(nurseToken), People.invitation(facilitator, collaborative, "participant"), site, "nurse");
        JsonNode created = facilitator.post("collaboratives/" + collaborative + "/sessions", Map.of(
                        "title", "Learning session 4", "startsAt", "2026-12-01T09:30:00Z", "durationMinutes", 60,
                        "agenda", List.of(LiveClient.agendaItem("Welcome", "plenary", 10))))
                .json();
        sessionId = created.path("id").asText();
        code = created.path("joinCode").asText();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void facilitatorsSeeTheJoinCodeAndParticipantsDoNot() {
        assertTrue(code.matches("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}"), code);
        assertTrue(server.api().as(nurseToken).get("sessions/" + sessionId).json().path("joinCode").isNull());
    }

    @Test
    void aNewSessionKeepsGuestsOutUntilItsFacilitatorLetsThemIn() {
        assertEquals(false, facilitator.get("sessions/" + sessionId).json().path("guestsAllowed").asBoolean());
        Api.Reply refused = server.api().post("sessions/join", Map.of("code", code, "displayName", "Too Early"));
        assertEquals(403, refused.status(), refused::toString);
        assertEquals("guests_not_allowed", refused.code());
        assertEquals(code, People.guestCode(facilitator, sessionId));
        assertEquals(201, server.api().post("sessions/join", Map.of("code", code, "displayName", "In Time")).status());
    }

    @Test
    void guestJoinsWithTheCodeAndTakesPartUnderTheirName() {
        People.guestCode(facilitator, sessionId);
        Api.Reply joined = server.api().post("sessions/join", Map.of(
                "code", code.toLowerCase().replace("-", ""), "displayName", "Pat Patient", "site", "Patient panel", "profession", "patient_representative"));
        assertEquals(201, joined.status(), joined::toString);
        assertEquals(sessionId, joined.json().path("sessionId").asText());
        String guestToken = joined.json().path("guestToken").asText();
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null);
                LiveClient pat = LiveClient.connect(server, sessionId)) {
            JsonNode view = pat.request("hello", bodyOf("token", guestToken, "clientId", "pat-tablet")).path("body").path("view");
            assertEquals("Pat Patient", view.path("you").path("name").asText(), view::toString);
            assertEquals("participant", view.path("you").path("role").asText());
            pat.request("chat.send", bodyOf("text", "Thank you for having me"));
            JsonNode message = fiona.awaitEvent("chat.message").path("body");
            assertEquals("Patient panel", message.path("from").path("site").asText());
            assertTrue(message.path("from").path("guest").asBoolean(), () -> "the server marks a guest's message: " + message);
            fiona.request("chat.send", bodyOf("text", "Welcome, Pat"));
            JsonNode own = pat.await(frame -> frame.path("body").path("text").asText().equals("Welcome, Pat"), "Fiona's welcome").path("body");
            assertFalse(own.path("from").path("guest").asBoolean(), () -> "a member's message is not a guest's: " + own);
            assertEquals("facilitator_only", pat.request("session.start", bodyOf()).path("error").path("code").asText());
        }
        assertEquals(401, server.api().as(guestToken).get("me").status(), "a guest token opens one session, nothing else");
    }

    @Test
    void facilitatorSwitchesGuestsOffAndNoGuestGetsIn() {
        People.guestCode(facilitator, sessionId);
        String guestToken = server.api().post("sessions/join", Map.of("code", code, "displayName", "Early Guest")).json().path("guestToken").asText();
        Api.Reply off = facilitator.put("sessions/" + sessionId + "/guests", Map.of("allowed", false));
        assertEquals(200, off.status(), off::toString);
        assertEquals(false, off.json().path("guestsAllowed").asBoolean());
        Api.Reply refused = server.api().post("sessions/join", Map.of("code", code, "displayName", "Late Guest"));
        assertEquals(403, refused.status());
        assertEquals("guests_not_allowed", refused.code());
        try (LiveClient early = LiveClient.connect(server, sessionId)) {
            assertEquals("token_invalid", early.request("hello", bodyOf("token", guestToken)).path("error").path("code").asText());
        }
        assertEquals(403, server.api().as(nurseToken).put("sessions/" + sessionId + "/guests", Map.of("allowed", true)).status());
    }

    @Test
    void unknownCodeIsA404WithACode() {
        Api.Reply reply = server.api().post("sessions/join", Map.of("code", "AAAA-AAAA", "displayName", "Lost"));
        assertEquals(404, reply.status());
        assertEquals("session_code_unknown", reply.code());
    }
}
