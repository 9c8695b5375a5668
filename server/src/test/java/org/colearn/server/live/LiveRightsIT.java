package org.colearn.server.live;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.websocket.CloseReason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestDatabase;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rights are live: what changes over REST (a role, a membership, a site, a login, the guest switch) changes what an
 * open WebSocket may do at once, by a fresh view with the new rights or by closing it with a code that says why.
 */
@Timeout(90)
class LiveRightsIT {

    TestServer server;
    Api api;
    Api fiona;
    Api frank;
    String fionaToken;
    String nadiaToken;
    String collaborative;
    String bromley;
    String sessionId;
    String code;

    @BeforeEach
    void setUp() {
        server = TestServer.start();
        api = server.api();
        fionaToken = People.signUp(api, "Fiona Facilitator");
        fiona = api.as(fionaToken);
        collaborative = People.collaborative(fiona, "Sepsis");
        String ashford = People.site(fiona, collaborative, "Ashford", "trust");
        bromley = People.site(fiona, collaborative, "Bromley", "trust");
        frank = api.as(People.signUp(api, "Frank Facilitator"));
        People.join(frank, People.invitation(fiona, collaborative, "facilitator"), ashford, "doctor");
        nadiaToken = People.signUp(api, "Nadia Nurse");
        People.join(api.as(nadiaToken), People.invitation(fiona, collaborative, "participant"), ashford, "nurse");
        sessionId = People.session(fiona, collaborative, "Learning session 5", 60,
                List.of(LiveClient.agendaItem("Welcome", "plenary", 10), LiveClient.agendaItem("Ideas", "plenary", 10)));
        code = People.guestCode(fiona, sessionId);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void aFacilitatorDemotedWhileConnectedSeesTheSessionAsAParticipantAndHerNextFacilitatorCommandIsRefused() {
        try (LiveClient live = LiveClient.join(server, sessionId, fionaToken, "fiona-laptop", null)) {
            assertTrue(live.request("session.start", bodyOf()).path("ok").asBoolean());
            assertEquals("facilitator", live.view().path("you").path("role").asText());

            Api.Reply demoted = frank.patch(member("Fiona Facilitator"), Map.of("role", "participant"));
            assertEquals(200, demoted.status(), demoted::toString);

            JsonNode view = live.await(frame -> "rights.changed".equals(frame.path("type").asText()), "a fresh view")
                    .path("body").path("view");
            assertEquals("participant", view.path("you").path("role").asText(), view::toString);
            assertEquals("facilitator_only", error(live.request("session.broadcast", bodyOf("text", "Still in charge?"))));
            assertEquals("facilitator_only", error(live.request("agenda.goto", bodyOf("index", 1))));
            assertTrue(live.request("chat.send", bodyOf("text", "Over to Frank")).path("ok").asBoolean(), "she still takes part");
        }
    }

    @Test
    void aMemberRemovedWhileConnectedIsClosedWith4403() {
        try (LiveClient nadia = LiveClient.join(server, sessionId, nadiaToken, "nadia-phone", null)) {
            assertTrue(nadia.request("chat.send", bodyOf("text", "Hello")).path("ok").asBoolean());
            assertEquals(204, fiona.delete(member("Nadia Nurse")).status());
            assertClosed(nadia, Rights.NOT_ALLOWED);
        }
    }

    @Test
    void aTokenLoggedOutWhileConnectedIsClosedWith4401() {
        try (LiveClient nadia = LiveClient.join(server, sessionId, nadiaToken, "nadia-phone", null);
                LiveClient fionaLive = LiveClient.join(server, sessionId, fionaToken, "fiona-laptop", null)) {
            assertEquals(204, api.as(nadiaToken).post("auth/logout", Map.of()).status());
            assertClosed(nadia, Rights.SIGNED_OUT);
            assertTrue(fionaLive.request("chat.send", bodyOf("text", "Still here")).path("ok").asBoolean(), "other logins stay");
        }
    }

    @Test
    void aLoginThatExpiresWhileConnectedIsClosedWith4401() {
        try (LiveClient nadia = LiveClient.join(server, sessionId, nadiaToken, "nadia-phone", null)) {
            assertTrue(nadia.request("chat.send", bodyOf("text", "Hello")).path("ok").asBoolean());
            server.clock().advance(Duration.ofDays(31));
            assertClosed(nadia, Rights.SIGNED_OUT);
        }
    }

    @Test
    void aGuestConnectedWhenGuestsAreSwitchedOffIsClosedWith4403AndMembersStay() {
        String guestToken = api.post("sessions/join", Map.of("code", code, "displayName", "Pat Patient")).json().path("guestToken").asText();
        try (LiveClient pat = LiveClient.join(server, sessionId, guestToken, "pat-tablet", null);
                LiveClient nadia = LiveClient.join(server, sessionId, nadiaToken, "nadia-phone", null)) {
            assertTrue(pat.request("chat.send", bodyOf("text", "Thank you for having me")).path("ok").asBoolean());
            assertEquals(200, fiona.put("sessions/" + sessionId + "/guests", Map.of("allowed", false)).status());
            assertClosed(pat, Rights.NOT_ALLOWED);
            assertTrue(nadia.request("chat.send", bodyOf("text", "Bye, Pat")).path("ok").asBoolean(), "members stay");
        }
    }

    @Test
    void aSiteMoveChangesAnOpenConnectionOnlyOnceItIsApproved() {
        try (LiveClient nadia = LiveClient.join(server, sessionId, nadiaToken, "nadia-phone", null)) {
            Api.Reply asked = api.as(nadiaToken).post("collaboratives/" + collaborative + "/site-moves", Map.of("siteId", bromley));
            assertEquals(201, asked.status(), asked::toString);
            assertEquals("Ashford", chatSite(nadia, "Asked to move"), "a request changes nothing");

            String nadiaId = memberId("Nadia Nurse");
            assertEquals(200, fiona.post("collaboratives/" + collaborative + "/site-moves/" + nadiaId + "/approve", Map.of()).status());
            nadia.await(frame -> "rights.changed".equals(frame.path("type").asText()), "a fresh view");
            assertEquals("Bromley", chatSite(nadia, "Moved"), "her next message comes from her new site");
        }
    }

    @Test
    void onPostgresqlAChangeMadeThroughOneNodeReachesConnectionsOnAnother() {
        assumeTrue(TestDatabase.onPostgresql(), "several nodes share one PostgreSQL");
        try (TestServer second = server.anotherNode();
                LiveClient fionaLive = LiveClient.join(server, sessionId, fionaToken, "fiona-laptop", null);
                LiveClient nadia = LiveClient.join(server, sessionId, nadiaToken, "nadia-phone", null)) {
            String guestToken = api.post("sessions/join", Map.of("code", code, "displayName", "Pat Patient")).json().path("guestToken").asText();
            // Pat reaches the second node, which relays him to the first, where the session runs.
            try (LiveClient pat = LiveClient.join(second.port(), sessionId, guestToken, "pat-tablet", null)) {
                Api frankThere = second.api().as(frank.bearerToken());
                assertEquals(200, frankThere.patch(member("Fiona Facilitator"), Map.of("role", "participant")).status());
                fionaLive.await(frame -> "rights.changed".equals(frame.path("type").asText()), "a fresh view from another node's change");
                assertEquals("facilitator_only", error(fionaLive.request("session.start", bodyOf())));

                assertEquals(204, frankThere.delete(member("Nadia Nurse")).status());
                assertClosed(nadia, Rights.NOT_ALLOWED);

                assertEquals(200, frankThere.put("sessions/" + sessionId + "/guests", Map.of("allowed", false)).status());
                assertClosed(pat, Rights.NOT_ALLOWED);
            }
        }
    }

    private String chatSite(LiveClient client, String text) {
        JsonNode reply = client.request("chat.send", bodyOf("text", text));
        assertTrue(reply.path("ok").asBoolean(), reply::toString);
        long seq = reply.path("body").path("seq").asLong();
        return client.await(frame -> frame.path("seq").asLong() == seq, "the message").path("body").path("from").path("site").asText();
    }

    private static void assertClosed(LiveClient client, CloseReason.CloseCode expected) {
        CloseReason reason = client.awaitClose();
        assertEquals(expected.getCode(), reason.getCloseCode().getCode(), reason::toString);
        assertTrue(!reason.getReasonPhrase().isBlank(), "the close says why");
    }

    private static String error(JsonNode reply) {
        return reply.path("error").path("code").asText();
    }

    private String member(String name) {
        return "collaboratives/" + collaborative + "/members/" + memberId(name);
    }

    private String memberId(String name) {
        for (JsonNode member : fiona.get("collaboratives/" + collaborative + "/members").json()) {
            if (member.path("displayName").asText().equals(name)) {
                return member.path("id").asText();
            }
        }
        throw new AssertionError("no member called " + name);
    }
}
