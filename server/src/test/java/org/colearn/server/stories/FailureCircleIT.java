package org.colearn.server.stories;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.colearn.server.testing.AnonymousItems;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The failure-story circle, installed as it ships, in a live session of a facilitator and three participants from
 * two sites: Pat (Kent) tells a story anonymously; Kim (Kent) and Mo (Medway) answer it. Every frame each of them
 * received and every stored row is then searched for anything that ties Pat to the story.
 */
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailureCircleIT {

    static final String LEARNED = "Huddles at every handover made the screening stick";
    static final String KEPT_LEARNED = "Porters noticed deterioration before anyone else";

    static StoryWorld world;
    static String sessionId;
    static LiveClient fiona;
    static LiveClient pat;
    static LiveClient kim;
    static LiveClient mo;
    static String key = ActivityStoriesIT.newKey();
    static String keptKey = ActivityStoriesIT.newKey();
    static List<String> patTraces;
    /** The session's sequence numbers around Pat's anonymous submission: the events it caused. */
    static long beforeSubmit;
    static long afterSubmit;
    /** The frame ref of Pat's anonymous submission, which the server must not remember. */
    static String submitRef;

    @BeforeAll
    static void setUp() {
        world = new StoryWorld();
        patTraces = List.of(world.accountId(world.pat), world.memberId(world.pat), "Pat Participant",
                "pat.participant@example.nhs.uk", "Kent Community Health", world.kent);
        sessionId = People.session(world.fiona, world.collaborative, "Learning session 3", 90, List.of(Map.of(
                "title", "Failure-story circle", "activityType", "failure-circle", "plannedMinutes", 40,
                "config", Map.of("prompt", "What did we try that did not work, and what did we learn?",
                        "inRooms", false, "minutesPerStory", 8))));
        fiona = LiveClient.join(world.server, sessionId, world.fiona.bearerToken(), "fiona-laptop", null);
        pat = LiveClient.join(world.server, sessionId, world.pat.bearerToken(), "pat-phone", null);
        kim = LiveClient.join(world.server, sessionId, world.kim.bearerToken(), "kim-tablet", null);
        mo = LiveClient.join(world.server, sessionId, world.mo.bearerToken(), "mo-laptop", null);
        assertOk(fiona.request("session.start", bodyOf()));
        assertOk(fiona.request("agenda.goto", bodyOf("index", 0)));
    }

    @AfterAll
    static void tearDown() {
        List.of(fiona, pat, kim, mo).forEach(LiveClient::close);
        world.close();
    }

    @Test
    @Order(1)
    void anAnonymousStoryIsToldAnsweredAndPublishedWithItsTellersConsentAndTheirKeyEditsIt() throws SQLException {
        beforeSubmit = lastSeq();
        JsonNode submitted = pat.requestHeld(world.server.clock(), "failure-circle.submit",
                story("pat-story-0001", "Screening lost at night handover", LEARNED, "anonymous", key));
        assertOk(submitted);
        afterSubmit = submitted.path("body").path("seq").asLong();
        submitRef = submitted.path("re").asText();
        assertOk(fiona.request("failure-circle.share", bodyOf("storyId", "pat-story-0001")));

        for (LiveClient person : List.of(fiona, pat, kim, mo)) {
            JsonNode current = circle(person, view -> title(view.path("current")).equals("Screening lost at night handover"))
                    .path("current");
            assertTrue(current.path("credit").isNull(), "an anonymous story is read without any author");
            assertFalse(current.path("yours").asBoolean(), "not even its teller's view says whose it is");
            assertEquals("open", current.path("consent").asText());
        }
        assertOk(kim.request("failure-circle.react", bodyOf("storyId", "pat-story-0001", "kind", "thanks")));
        assertOk(mo.request("failure-circle.react", bodyOf("storyId", "pat-story-0001", "kind", "thanks")));
        assertOk(mo.request("failure-circle.react", bodyOf("storyId", "pat-story-0001", "kind", "helps")));
        assertOk(kim.request("failure-circle.takeBack", bodyOf("storyId", "pat-story-0001", "text", "Try a huddle at 8pm")));
        assertOk(mo.request("failure-circle.takeBack", bodyOf("storyId", "pat-story-0001", "text", "Ask the night team")));
        for (LiveClient person : List.of(fiona, pat, kim, mo)) {
            JsonNode current = circle(person, view -> view.path("current").path("reactions").path("thanks").asInt() == 2
                    && view.path("current").path("reactions").path("helps").asInt() == 1
                    && view.path("current").path("notes").size() == 2).path("current");
            assertEquals(List.of("Try a huddle at 8pm", "Ask the night team"),
                    StreamSupport.stream(current.path("notes").spliterator(), false).map(note -> note.path("text").asText()).toList());
        }
        assertTrue(circle(kim, view -> true).path("current").path("myReactions").toString().contains("thanks"));

        assertEquals("not_teller", mo.requestHeld(world.server.clock(), "failure-circle.publish", publish("pat-story-0001", ActivityStoriesIT.newKey()))
                .path("error").path("code").asText(), "a wrong key is not the teller");
        assertEquals("not_teller", mo.requestHeld(world.server.clock(), "failure-circle.publish", publish("pat-story-0001", null))
                .path("error").path("code").asText(), "nor is someone without a key");
        assertOk(pat.requestHeld(world.server.clock(), "failure-circle.publish", publish("pat-story-0001", key)));
        JsonNode published = circle(pat, view -> view.path("current").path("consent").asText().equals("published")).path("current");
        assertTrue(published.path("catalogueId").isNull(), "the circle keeps no catalogue id of an anonymous story: " + published);
        assertEquals("already_published", pat.requestHeld(world.server.clock(), "failure-circle.publish", publish("pat-story-0001", key))
                .path("error").path("code").asText());
        Api.Reply waiting = world.pat.withHeader(EditKeys.HEADER, key).get("stories/by-key");
        assertEquals("posting", waiting.json().path("status").asText(), waiting::toString);
        AnonymousItems.written(world.server);
        String catalogueId = world.pat.withHeader(EditKeys.HEADER, key).get("stories/by-key").json().path("id").asText();

        JsonNode read = catalogued(world.mo, "Screening lost at night handover");
        assertEquals(catalogueId, read.path("id").asText());
        assertEquals("nobody", read.path("credit").asText());
        assertTrue(read.path("authorName").isNull() && read.path("siteName").isNull(), read::toString);
        assertEquals("session", read.path("visibility").asText());
        assertEquals(LEARNED, read.path("whatWeLearned").asText());

        Map<String, Object> edit = new HashMap<>(StoryWorld.story("nobody", "session", "title", "Screening lost at night handover",
                "whatWeLearned", LEARNED + ", and so did a named lead", "sessionId", sessionId));
        edit.remove("credit");
        Api.Reply wrong = world.pat.withHeader(EditKeys.HEADER, ActivityStoriesIT.newKey()).put("stories/" + catalogueId, edit);
        assertEquals("edit_key_refused", wrong.code(), wrong::toString);
        Api.Reply edited = world.pat.withHeader(EditKeys.HEADER, key).put("stories/" + catalogueId, edit);
        assertEquals(200, edited.status(), edited::toString);
        AnonymousItems.written(world.server);
        assertEquals(LEARNED + ", and so did a named lead", catalogued(world.kim, "Screening lost at night handover")
                .path("whatWeLearned").asText(), "the circle's key is the story's edit key");
        assertEquals("Screening lost at night handover", titles(world.mo, "q=huddles").get(0), "found by what was learned");
    }

    @Test
    @Order(2)
    void storiesNeverConsentedToStayOutOfTheCatalogueAndCreditedOnesShowTheirCredit() {
        ObjectNode flagged = story("kim-story-0001", "Escalation delayed", "Mr Jones, DOB 12/03/1961, waited two hours", "person", null);
        flagged.put("tried", "Screening at triage after NHS 943 476 5919 was missed.");
        JsonNode refused = kim.requestHeld(world.server.clock(), "failure-circle.submit", flagged);
        assertEquals("patient_data_suspected", refused.path("error").path("code").asText(), refused::toString);
        assertFalse(refused.toString().contains("12/03/1961") || refused.toString().contains("943 476 5919"), "the flagged text is never echoed");
        assertEquals("tried", refused.path("error").path("field").asText(), "the first part flagged is named, to mark it");
        assertEquals("[\"tried\",\"learned\"]", refused.path("error").path("fields").toString(),
                "and every part flagged, so that the form marks each of them");
        flagged.put("tried", "A paper screening tool at triage.");
        flagged.put("confirmNotIdentifying", true);
        assertOk(kim.requestHeld(world.server.clock(), "failure-circle.submit", flagged));
        assertOk(fiona.request("failure-circle.share", bodyOf("storyId", "kim-story-0001")));
        JsonNode credited = circle(mo, view -> title(view.path("current")).equals("Escalation delayed")).path("current");
        assertEquals("Kim Colleague", credited.path("credit").asText());
        assertTrue(circle(kim, view -> title(view.path("current")).equals("Escalation delayed")).path("current").path("yours").asBoolean());

        assertOk(pat.requestHeld(world.server.clock(), "failure-circle.submit", story("pat-story-0002", "Porters were never asked", KEPT_LEARNED, "anonymous", keptKey)));
        assertOk(fiona.request("failure-circle.share", bodyOf("storyId", "pat-story-0002")));
        assertOk(pat.requestHeld(world.server.clock(), "failure-circle.keep", bodyOf("storyId", "pat-story-0002", "key", keptKey)));
        circle(mo, view -> view.path("current").path("consent").asText().equals("kept"));

        List<String> catalogue = titles(world.fiona, "");
        assertFalse(catalogue.contains("Porters were never asked"), "a kept story is not published");
        assertFalse(catalogue.contains("Escalation delayed"), "a story whose teller has not decided is not published");
    }

    @Test
    @Order(3)
    void aParticipantBringsTheirOwnCatalogueStoriesByCreditOrByEditKeyAndNobodyElses() {
        String own = world.post(world.mo, StoryWorld.story("person", "pair", "title", "Mo's ward round")).path("item").path("id").asText();
        JsonNode anonymous = world.post(world.mo, StoryWorld.story("nobody", "pair", "title", "Mo's quiet failure"));
        String secret = anonymous.path("item").path("id").asText();

        assertOk(mo.requestHeld(world.server.clock(), "failure-circle.bring", bodyOf("ref", "mo-bring-0001", "storyId", own)));
        assertEquals("not_your_story", mo.requestHeld(world.server.clock(), "failure-circle.bring", bodyOf("ref", "mo-bring-0002", "storyId", secret,
                "key", ActivityStoriesIT.newKey())).path("error").path("code").asText(), "a wrong key");
        assertEquals("not_your_story", kim.requestHeld(world.server.clock(), "failure-circle.bring", bodyOf("ref", "kim-bring-0001", "storyId", own))
                .path("error").path("code").asText(), "someone else's story");
        assertOk(mo.requestHeld(world.server.clock(), "failure-circle.bring", bodyOf("ref", "mo-bring-0002", "storyId", secret,
                "key", anonymous.path("editKey").asText())));

        JsonNode desk = circle(fiona, view -> view.path("circles").get(0).path("queue").size() == 2).path("circles").get(0);
        assertEquals(List.of("Mo's ward round", "Mo's quiet failure"), StreamSupport.stream(desk.path("queue").spliterator(), false)
                .map(queued -> queued.path("title").asText()).toList());
        assertOk(fiona.request("failure-circle.share", bodyOf("storyId", "mo-bring-0001")));
        assertEquals("Mo Medway", circle(kim, view -> title(view.path("current")).equals("Mo's ward round")).path("current")
                .path("credit").asText());
        assertOk(fiona.request("failure-circle.share", bodyOf("storyId", "mo-bring-0002")));
        assertTrue(circle(kim, view -> title(view.path("current")).equals("Mo's quiet failure")).path("current")
                .path("credit").isNull());
    }

    @Test
    @Order(4)
    void noFrameAnyoneReceivedTiesTheTellerToTheirStoryOrCarriesTheirKey() {
        for (LiveClient person : List.of(fiona, pat, kim, mo)) {
            List<String> frames = ReceivedFrames.of(person);
            assertTrue(frames.stream().anyMatch(frame -> frame.contains(LEARNED)), () -> "the story reached everyone: " + frames);
            for (String frame : frames) {
                for (String trace : patTraces) {
                    assertFalse(frame.toLowerCase(Locale.ROOT).contains(trace.toLowerCase(Locale.ROOT)),
                            () -> "a frame gives the teller away (" + trace + "): " + frame);
                }
            }
            for (JsonNode frame : person.frames()) {
                assertFalse(frame.toString().contains(key) || frame.toString().contains(keptKey), "a frame carries the key: " + frame);
            }
        }
    }

    @Test
    @Order(5)
    void noStoredRowTiesTheTellerToTheirStoryAndTheSubmissionLeftNoSenderInTheLog() throws SQLException {
        try (Connection connection = world.server.dataSource().getConnection()) {
            try (PreparedStatement select = connection.prepareStatement(
                    "select client_id, client_ref, created_at from session_event where session_id = ? and seq > ? and seq <= ?")) {
                select.setObject(1, UUID.fromString(sessionId));
                select.setLong(2, beforeSubmit);
                select.setLong(3, afterSubmit);
                try (ResultSet rows = select.executeQuery()) {
                    int caused = 0;
                    while (rows.next()) {
                        caused++;
                        assertNull(rows.getString(1), "an event of the submission names the sender's client");
                        assertNull(rows.getString(2), "an event of the submission keeps the sender's ref");
                        java.time.ZonedDateTime at = rows.getObject(3, java.time.OffsetDateTime.class).atZoneSameInstant(java.time.ZoneOffset.UTC);
                        assertEquals(at.toLocalDate().with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
                                .atStartOfDay(java.time.ZoneOffset.UTC), at, "an event of the submission keeps only its week");
                    }
                    assertTrue(caused > 0, "the submission changed the circle");
                }
            }
            List<String> rows = StoredRows.all(connection);
            List<String> withStory = rows.stream().filter(row -> row.contains(LEARNED) || row.contains(KEPT_LEARNED)).toList();
            assertTrue(withStory.stream().anyMatch(row -> row.startsWith("session_event")), "the circle's state is logged");
            assertTrue(withStory.stream().anyMatch(row -> row.toLowerCase(Locale.ROOT).startsWith("story:")), "the story is in the catalogue");
            for (String row : withStory) {
                for (String trace : patTraces) {
                    assertFalse(row.toLowerCase(Locale.ROOT).contains(trace.toLowerCase(Locale.ROOT)),
                            () -> "a stored row ties the teller (" + trace + ") to the story: " + row);
                }
            }
            for (String row : rows) {
                assertFalse(row.contains(key) || row.contains(keptKey), "a stored row holds the teller's key: " + row);
            }
        }
    }

    @Test
    @Order(6)
    void theCirclesResultNamesNoAnonymousTellerInItsExports() {
        List<JsonNode> results = new ArrayList<>();
        world.fiona.get("sessions/" + sessionId + "/results").json().forEach(results::add);
        JsonNode circle = results.stream().filter(r -> r.path("title").asText().equals("Failure-story circle")).findFirst().orElseThrow();
        String file = "sessions/" + sessionId + "/results/" + circle.path("seq").asLong();
        for (String export : List.of(world.fiona.get(file + ".md").text(), world.fiona.get(file + ".csv").text(),
                world.fiona.get(file + ".json").text())) {
            assertTrue(export.contains("Screening lost at night handover"), export);
            assertTrue(export.contains("Ask the night team"), "take-back notes are in the result: " + export);
            for (String trace : patTraces) {
                assertFalse(export.toLowerCase(Locale.ROOT).contains(trace.toLowerCase(Locale.ROOT)),
                        () -> "the result gives the teller away (" + trace + "): " + export);
            }
        }
    }

    @Test
    @Order(7)
    void afterARestartTheCircleIsStillThereAndTheServerStillDoesNotKnowWhoSubmittedTheStory() {
        world.server.restart();
        List.of(fiona, pat, kim, mo).forEach(LiveClient::close);
        pat = LiveClient.join(world.server, sessionId, world.pat.bearerToken(), "pat-phone", null);
        JsonNode circle = pat.view().path("activity").path("view");
        assertEquals(1, StreamSupport.stream(circle.path("shared").spliterator(), false)
                .filter(story -> title(story).equals("Screening lost at night handover")).count(), circle::toString);
        // The same tab resends the submission under the same frame ref: an attributed command would be answered as a
        // retry from the log, but nothing in the log says this tab sent it. The circle itself knows the story's ref.
        pat.sendWithRef("failure-circle.submit", submitRef,
                story("pat-story-0001", "Screening lost at night handover", LEARNED, "anonymous", key));
        JsonNode again = pat.replyHeld(world.server.clock(), submitRef);
        assertOk(again);
        assertFalse(again.path("body").has("repeated"), again::toString);
        fiona = LiveClient.join(world.server, sessionId, world.fiona.bearerToken(), "fiona-laptop", null);
        kim = LiveClient.join(world.server, sessionId, world.kim.bearerToken(), "kim-tablet", null);
        mo = LiveClient.join(world.server, sessionId, world.mo.bearerToken(), "mo-laptop", null);
        assertEquals(0, fiona.view().path("activity").path("view").path("circles").get(0).path("queue").size(),
                "the resent story is not queued twice");
    }

    private static ObjectNode story(String ref, String title, String learned, String credit, String key) {
        ObjectNode story = bodyOf("ref", ref, "title", title, "topic", "Sepsis", "changeIdea", "Screening at triage",
                "tried", "A paper screening tool at triage.", "happened", "Night shifts skipped it when the department was full.",
                "learned", learned, "differently", "Ask the night team first.", "tags", List.of("handover"),
                "credit", credit, "key", key);
        return story.put("confirmNotIdentifying", false);
    }

    private static ObjectNode publish(String storyId, String key) {
        return bodyOf("storyId", storyId, "key", key, "visibility", "session", "confirmNotIdentifying", false);
    }

    private static JsonNode circle(LiveClient person, Predicate<JsonNode> matches) {
        return person.awaitActivityView(matches, "a circle view");
    }

    private static String title(JsonNode story) {
        return story.path("title").asText();
    }

    private static JsonNode catalogued(Api reader, String title) {
        Api.Reply reply = reader.get("collaboratives/" + world.collaborative + "/stories");
        assertEquals(200, reply.status(), reply::toString);
        return StreamSupport.stream(reply.json().spliterator(), false)
                .filter(story -> story.path("title").asText().equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError(title + " is not in the catalogue: " + reply));
    }

    private static List<String> titles(Api reader, String query) {
        return world.titles(reader, query);
    }

    private static long lastSeq() throws SQLException {
        try (Connection connection = world.server.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("select max(seq) from session_event where session_id = ?")) {
            select.setObject(1, UUID.fromString(sessionId));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void assertOk(JsonNode reply) {
        assertTrue(reply.path("ok").asBoolean(), reply::toString);
    }
}
