package org.colearn.server.live;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Who is sent what, as a session grows: activity views go to each audience once and never again unchanged, and in a
 * large session presence is counts by site and the people near you, with everyone else a page at a time.
 */
@Timeout(300)
class LiveAudiencesIT {

    TestServer server;
    Api facilitator;
    String facilitatorToken;
    final List<LiveClient> people = new ArrayList<>();

    @BeforeEach
    void setUp() {
        server = TestServer.start();
        facilitatorToken = People.signUp(server.api(), "Fiona Facilitator");
        facilitator = server.api().as(facilitatorToken);
    }

    @AfterEach
    void tearDown() {
        people.forEach(LiveClient::close);
        server.close();
    }

    @Test
    void aParticipantInALargeSessionGetsCountsBySiteAndThePeopleNearThemAndPagesThroughTheRest() {
        String sessionId = pollSession();
        int guests = Presence.FULL_LIST_UP_TO + 5;
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null)) {
            people.addAll(LiveCafeAtSizeIT.guests(server, facilitator, sessionId, guests, 4));
            LiveClient last = people.get(people.size() - 1);
            int everyone = guests + 1;
            JsonNode summary = last.await(frame -> frame.path("type").asText().equals("presence.summary")
                    && frame.path("body").path("people").asInt() == everyone, "counts of everyone here").path("body");
            assertEquals(Map.of("Trust 1", 52, "Trust 2", 51, "Trust 3", 51, "Trust 4", 51), counts(summary.path("sites")), summary::toString);
            assertEquals(1, summary.path("withoutSite").asInt(), "the facilitator has no site");
            assertEquals(1, summary.path("nearby").size(), "only the facilitator is near someone in the plenary: " + summary.path("nearby"));
            assertEquals("Fiona Facilitator", summary.path("nearby").elements().next().path("name").asText());
            assertFalse(last.frames().stream().anyMatch(frame -> frame.path("type").asText().equals("presence.state")),
                    "nobody who arrives in a large session is sent the whole list");
            long largestPresence = last.frames().stream().filter(frame -> frame.path("type").asText().startsWith("presence."))
                    .mapToLong(frame -> frame.toString().length()).max().orElse(0);
            assertTrue(largestPresence < 2_000, "a presence frame the size of the sites and the people near, not of the crowd: " + largestPresence);

            Set<String> listed = new HashSet<>();
            String after = null;
            int pages = 0;
            do {
                JsonNode page = last.request(LiveSession.PRESENCE_PAGE, after == null ? bodyOf("limit", 100) : bodyOf("after", after, "limit", 100));
                assertTrue(page.path("ok").asBoolean(), page::toString);
                assertEquals(everyone, page.path("body").path("total").asInt());
                page.path("body").path("people").fieldNames().forEachRemaining(listed::add);
                after = page.path("body").path("next").asText(null);
                pages++;
            } while (after != null);
            assertEquals(3, pages, "206 people in pages of 100");
            assertEquals(everyone, listed.size(), "every page lists new people, and together they are everyone");

            JsonNode oneSite = last.request(LiveSession.PRESENCE_PAGE, bodyOf("site", "Trust 2", "limit", 500)).path("body");
            assertEquals(51, oneSite.path("people").size());
            oneSite.path("people").forEach(person -> assertEquals("Trust 2", person.path("site").asText()));
            assertTrue(oneSite.path("next").isNull());

            JsonNode tooMany = last.request(LiveSession.PRESENCE_PAGE, bodyOf("limit", 5000));
            assertEquals("invalid_body", tooMany.path("error").path("code").asText(), tooMany::toString);
        }
    }

    @Test
    void aViewThatHasNotChangedIsNotSentAgain() {
        String sessionId = pollSession();
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null)) {
            people.addAll(LiveCafeAtSizeIT.guests(server, facilitator, sessionId, 2, 2));
            LiveClient nadia = people.get(0);
            LiveClient ben = people.get(1);
            fiona.request("session.start", bodyOf());
            fiona.request("agenda.goto", bodyOf("index", 0));
            assertTrue(ben.request("poll.vote", bodyOf("choices", List.of(1))).path("ok").asBoolean());
            nadia.awaitActivityView(view -> view.path("voters").asInt() == 1, "one voter");
            long viewsBefore = nadia.count(LiveAudiencesIT::isActivityView);

            // Ben changes his mind: the facilitator's counts change, but Nadia's view (one voter, counts hidden) does not.
            assertTrue(ben.request("poll.vote", bodyOf("choices", List.of(2))).path("ok").asBoolean());
            fiona.awaitActivityView(view -> view.path("answers").get(2).path("votes").asInt() == 1, "the changed vote counted");
            fiona.request("poll.reveal", bodyOf());
            nadia.awaitActivityView(view -> view.path("revealed").asBoolean(), "the results revealed");

            assertEquals(viewsBefore + 1, nadia.count(LiveAudiencesIT::isActivityView),
                    "Nadia got the revealed results and nothing in between: " + nadia.frames());
        }
    }

    @Test
    void aClientThatResumesGetsItsViewAlthoughItHasNotChanged() {
        String sessionId = pollSession();
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null)) {
            List<String> tokens = LiveCafeAtSizeIT.guestTokens(server, facilitator, sessionId, 1, 1);
            LiveClient nadia = LiveClient.join(server, sessionId, tokens.get(0), "nadia-phone", null);
            people.add(nadia);
            fiona.request("session.start", bodyOf());
            fiona.request("agenda.goto", bodyOf("index", 0));
            JsonNode before = nadia.awaitActivityView(view -> view.path("open").asBoolean(), "the open poll");
            long lastSeq = nadia.events().get(nadia.events().size() - 1).path("seq").asLong();
            nadia.close();

            LiveClient back = LiveClient.join(server, sessionId, tokens.get(0), "nadia-phone", lastSeq);
            people.add(back);
            assertTrue(back.hello().path("body").path("resumed").asBoolean(), back.hello()::toString);
            assertEquals(before, back.awaitActivityView(view -> true, "the poll as it was"), "the same view, sent again on resuming");
        }
    }

    private static boolean isActivityView(JsonNode frame) {
        return frame.path("type").asText().equals("activity.view");
    }

    private static Map<String, Integer> counts(JsonNode sites) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        sites.fields().forEachRemaining(site -> counts.put(site.getKey(), site.getValue().asInt()));
        return counts;
    }

    /** A session whose one item is an anonymous poll, open to guests. */
    private String pollSession() {
        String collaborative = People.collaborative(facilitator, "Sepsis at scale");
        Api.Reply created = facilitator.post("collaboratives/" + collaborative + "/sessions", Map.of(
                "title", "Learning session 3", "startsAt", "2026-12-01T09:30:00Z", "durationMinutes", 60,
                "agenda", List.of(Map.of("title", "Pulse check", "activityType", "poll", "plannedMinutes", 5, "config", LivePollIT.POLL))));
        assertEquals(201, created.status(), created::toString);
        String sessionId = created.json().path("id").asText();
        assertEquals(200, facilitator.put("sessions/" + sessionId + "/guests", Map.of("allowed", true)).status());
        return sessionId;
    }
}
