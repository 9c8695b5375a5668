package org.colearn.server.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.colearn.server.testing.AnonymousItems;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * An anonymous story and an anonymous comment, followed through every answer, export, log line and table that can
 * carry them, and the story through a failure-story circle it is brought to: none holds its author's ids, name, email
 * or site, its exact time or its edit key.
 */
@Timeout(120)
class AnonymityIT {

    static StoryWorld world;
    static ListAppender<ILoggingEvent> log = new ListAppender<>();
    static String storyId;
    static String storyKey;
    static String commentId;
    static String commentKey;
    static List<String> authorTraces;

    @BeforeAll
    static void setUp() {
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
        world = new StoryWorld();
        Api pat = world.pat;
        authorTraces = List.of(world.accountId(pat), world.memberId(pat), "Pat Participant", "pat.participant@example.nhs.uk",
                world.kent, "Kent Community Health");
        String draftId = pat.post("collaboratives/" + world.collaborative + "/story-drafts",
                Map.of("content", Map.of("title", "Missed sepsis"))).json().path("id").asText();
        JsonNode posted = world.post(pat, StoryWorld.story("nobody", "collaborative",
                "title", "Missed sepsis on a busy night", "draftId", draftId));
        storyId = posted.path("item").path("id").asText();
        storyKey = posted.path("editKey").asText();
        assertTrue(storyKey.length() >= 43, "256 random bits");
        assertNoAuthor(withoutKey(posted.toString(), storyKey), "the answer to posting");
        assertOnlyWeekStarts(posted.path("item"));
        Api.Reply approval = world.fiona.post("stories/" + storyId + "/moderation", Map.of("action", "approve"));
        assertEquals(200, approval.status(), approval::toString);
        assertNoAuthor(approval.text(), "the answer to an approval");
        Api.Reply followUp = world.pat.withHeader("X-Edit-Key", storyKey)
                .post("stories/" + storyId + "/follow-ups", Map.of("body", "We now screen at every handover."));
        assertEquals(201, followUp.status(), followUp::toString);
        assertNoAuthor(followUp.text(), "the answer to a follow-up");
        assertOnlyWeekStarts(followUp.json());
        Api.Reply comment = pat.post("stories/" + storyId + "/comments", Map.of("body", "It was worse than it sounds.", "credit", "nobody"));
        assertEquals(201, comment.status(), comment::toString);
        commentId = comment.json().path("item").path("id").asText();
        commentKey = comment.json().path("editKey").asText();
        AnonymousItems.written(world.server);
        assertNoAuthor(withoutKey(comment.text(), commentKey), "the answer to commenting");
        assertEquals(201, world.mo.post("stories/" + storyId + "/reports",
                Map.of("reason", "Might name a ward", "commentId", commentId)).status());
        assertEquals(200, world.kim.put("stories/" + storyId + "/reactions/helps_me", Map.of()).status());
    }

    @AfterAll
    static void tearDown() {
        world.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    }

    @Test
    void noAnswerThatCarriesTheStoryOrCommentCarriesItsAuthor() {
        String c = "collaboratives/" + world.collaborative;
        for (Api reader : List.of(world.mo, world.kim, world.fiona, world.pat)) {
            check(reader.get("stories/" + storyId), "the story page");
            check(reader.get(c + "/stories"), "the catalogue");
            check(reader.get(c + "/stories?q=busy%20night"), "a search");
            check(reader.get(c + "/stories/facets"), "the filters");
            check(reader.get("stories/" + storyId + "/comments"), "the comments");
            if (reader != world.pat) {
                // A reaction records its reader like any other; an author who reacts to their own story records themself.
                check(reader.put("stories/" + storyId + "/reactions/thank_you", Map.of()), "a reaction");
            }
            Api.Reply md = reader.get(c + "/stories/export.md?id=" + storyId);
            assertEquals(200, md.status());
            assertNoAuthor(md.text(), "the Markdown export");
            assertTrue(md.text().contains("Credit: anonymous"), md.text());
            assertTrue(md.text().contains("Posted: the week of"), md.text());
        }
        check(world.fiona.get(c + "/stories/moderation"), "the moderation queue");
        check(world.fiona.post("stories/" + storyId + "/moderation/comments/" + commentId, Map.of("action", "dismiss")),
                "the answer to a comment's moderation");
        check(world.stan.get("collaboratives/" + world.otherCollaborative + "/stories"), "another collaborative's catalogue");
    }

    @Test
    void aStoryBroughtIntoAFailureCircleReachesNoFrameOrResultWithItsAuthor() {
        String sessionId = People.session(world.fiona, world.collaborative, "Learning session 4", 60,
                List.of(LiveClient.agendaItem("Failure-story circle", "failure-circle", 30)));
        try (LiveClient fiona = LiveClient.join(world.server, sessionId, world.fiona.bearerToken(), "fiona-laptop", null);
                LiveClient pat = LiveClient.join(world.server, sessionId, world.pat.bearerToken(), "pat-phone", null);
                LiveClient kim = LiveClient.join(world.server, sessionId, world.kim.bearerToken(), "kim-tablet", null)) {
            fiona.request("session.start", LiveClient.bodyOf());
            fiona.request("agenda.goto", LiveClient.bodyOf("index", 0));
            JsonNode brought = pat.requestHeld(world.server.clock(), "failure-circle.bring", LiveClient.bodyOf("ref", "brought-0001", "storyId", storyId, "key", storyKey));
            assertTrue(brought.path("ok").asBoolean(), brought::toString);
            assertTrue(fiona.request("failure-circle.share", LiveClient.bodyOf("storyId", "brought-0001")).path("ok").asBoolean());
            kim.request("failure-circle.react", LiveClient.bodyOf("storyId", "brought-0001", "kind", "thanks"));
            kim.request("failure-circle.takeBack", LiveClient.bodyOf("storyId", "brought-0001", "text", "Screen at every handover"));
            for (LiveClient person : List.of(fiona, pat, kim)) {
                person.awaitActivityView(view -> view.path("current").path("notes").size() == 1
                        && view.path("current").path("reactions").path("thanks").asInt() == 1, "the story answered");
                for (String frame : ReceivedFrames.of(person)) {
                    assertNoAuthor(frame, "a frame of the circle");
                    assertFalse(frame.contains(storyKey), "a frame of the circle carries the edit key");
                }
            }
        }
        Api.Reply results = world.fiona.get("sessions/" + sessionId + "/results");
        String file = "sessions/" + sessionId + "/results/" + results.json().get(0).path("seq").asLong();
        for (String format : List.of(".md", ".csv", ".json")) {
            String export = world.fiona.get(file + format).text();
            assertTrue(export.contains("Missed sepsis on a busy night"), export);
            assertNoAuthor(export, "the circle's result as " + format);
        }
    }

    @Test
    void theAuthorsOwnViewThroughTheKeyCarriesNoAuthorEither() {
        Api byKey = world.pat.withHeader("X-Edit-Key", storyKey);
        Api.Reply own = byKey.get("stories/" + storyId);
        assertEquals(200, own.status(), own::toString);
        assertTrue(own.json().path("mine").asBoolean());
        check(own, "the author's own view");
        check(byKey.get("stories/by-key"), "the story found by its key");
        Map<String, Object> edit = new java.util.HashMap<>(StoryWorld.story("nobody", "collaborative", "title", "Missed sepsis on a busy night"));
        edit.remove("credit");
        Api.Reply edited = byKey.put("stories/" + storyId, edit);
        assertEquals(200, edited.status(), edited::toString);
        check(edited, "the answer to an edit");
        AnonymousItems.written(world.server);
        world.approve(storyId);
    }

    @Test
    void storedRowsHoldNoLinkToTheAuthorAndOnlyCoarsenedTimes() throws SQLException {
        try (Connection connection = world.server.dataSource().getConnection()) {
            List<String> rowsWithTheStory = rowsMentioning(connection, List.of(storyId, commentId));
            assertFalse(rowsWithTheStory.isEmpty(), "the story is stored somewhere");
            for (String row : rowsWithTheStory) {
                for (String trace : authorTraces) {
                    assertFalse(row.toLowerCase().contains(trace.toLowerCase()), () -> "a stored row links the author (" + trace + "): " + row);
                }
                assertFalse(row.contains(storyKey) || row.contains(commentKey), "no edit key is stored: " + row);
            }
            assertEquals(0, count(connection, "select count(*) from story_draft"), "the draft went with the posting");
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "select created_at, updated_at, credit_member_id, credit_site_id, edit_key_hash from story where credit = 'ANONYMOUS'")) {
                assertTrue(rows.next());
                assertWeekStart(rows.getObject(1, java.time.OffsetDateTime.class).toInstant());
                assertWeekStart(rows.getObject(2, java.time.OffsetDateTime.class).toInstant());
                assertEquals(null, rows.getObject(3));
                assertEquals(null, rows.getObject(4));
                assertEquals(64, rows.getString(5).length(), "only the key's SHA-256 hash");
            }
            for (String table : List.of("story_comment", "story_follow_up")) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("select created_at from " + table + " where story_id = '" + storyId + "'")) {
                    while (rows.next()) {
                        assertWeekStart(rows.getObject(1, java.time.OffsetDateTime.class).toInstant());
                    }
                }
            }
        }
    }

    @Test
    void theServerLogsNothingThatTiesACallerToTheStory() {
        world.mo.get("stories/" + storyId);
        world.pat.withHeader("X-Edit-Key", storyKey).get("stories/" + storyId);
        for (ILoggingEvent event : List.copyOf(log.list)) {
            String line = event.getFormattedMessage() + " " + java.util.Arrays.toString(event.getArgumentArray());
            assertFalse(line.contains(storyId) || line.contains(commentId), "a log line names the anonymous story: " + line);
            assertFalse(line.contains(storyKey) || line.contains(commentKey), "a log line holds an edit key: " + line);
        }
    }

    private static void check(Api.Reply reply, String what) {
        assertEquals(200, reply.status(), () -> what + ": " + reply);
        assertNoAuthor(reply.text(), what);
        assertFalse(reply.text().contains(storyKey) || reply.text().contains(commentKey), what + " carries an edit key");
        assertOnlyWeekStarts(reply.json());
    }

    static void assertNoAuthor(String text, String what) {
        for (String trace : authorTraces) {
            assertFalse(text.toLowerCase().contains(trace.toLowerCase()), () -> what + " gives away the author (" + trace + "): " + text);
        }
    }

    /** Every time in the answer is the start of a week (the anonymous items' only times). */
    private static void assertOnlyWeekStarts(JsonNode node) {
        if (node.isTextual()) {
            try {
                assertWeekStart(Instant.parse(node.asText()));
            } catch (DateTimeParseException notATime) {
                // not a time
            }
        }
        node.forEach(AnonymityIT::assertOnlyWeekStarts);
    }

    private static void assertWeekStart(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        assertEquals(DayOfWeek.MONDAY, utc.getDayOfWeek(), () -> "not coarsened: " + instant);
        assertEquals(utc.toLocalDate().atStartOfDay(ZoneOffset.UTC), utc, () -> "not coarsened: " + instant);
    }

    private static String withoutKey(String text, String key) {
        return text.replace(key, "");
    }

    /** Every row of every table in the schema that holds one of the ids, as text. */
    private static List<String> rowsMentioning(Connection connection, List<String> ids) throws SQLException {
        return StoredRows.all(connection).stream().filter(row -> ids.stream().anyMatch(row::contains)).toList();
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
