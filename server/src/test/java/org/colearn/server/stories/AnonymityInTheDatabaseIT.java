package org.colearn.server.stories;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.StreamSupport;
import org.colearn.server.testing.AnonymousItems;
import org.colearn.server.live.HeldCommands;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.HeldTime;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Someone who reads the whole database (every table, the order rows were written in: H2's {@code _ROWID_},
 * PostgreSQL's {@code xmin} and {@code ctid}), the session log and the server's log output tries to find which
 * anonymous stories, comments and circle story Pat wrote, knowing everything Pat did under their own name around them.
 */
@Timeout(180)
class AnonymityInTheDatabaseIT {

    static StoryWorld world;
    static final ListAppender<ILoggingEvent> log = new ListAppender<>();
    static String sessionId;
    /** Pat's credited story and comment just before their anonymous ones, and just after. */
    static String patBefore;
    static String patAfter;
    static String patCommentBefore;
    static String patCommentAfter;
    /** Pat's anonymous story, comment and circle story. */
    static final Map<String, String> patAnonymous = new LinkedHashMap<>();
    /** Every anonymous story, in the order it was posted. */
    static final List<String> anonymousStories = new ArrayList<>();
    static final List<String> anonymousComments = new ArrayList<>();
    static final List<String> patTraces = new ArrayList<>();
    static long writtenWhilePosting;
    /** Pat's credited stories and follow-ups just before and after they change and follow up their anonymous story. */
    static String patBeforeChange;
    static String patAfterChange;
    static final List<String> anonymousFollowUps = new ArrayList<>();
    static long changedWhileActing;
    /** The log's numbers of Pat's chat just before telling the circle story anonymously, and of Pat's next one. */
    static long patsChat;
    static long patsNextChat;
    /** The log's number of Pat's chat just after sending a circle story anonymously over REST. */
    static long patsChatAfterRest;
    /** The log's number of Fiona's chat after that, the first action of anyone else. */
    static long othersChatAfterRest;

    @BeforeAll
    static void setUp() {
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
        world = new StoryWorld();
        patTraces.addAll(List.of(world.accountId(world.pat), world.memberId(world.pat), "Pat Participant",
                "pat.participant@example.nhs.uk"));
        String target = id(post(world.fiona, "person", "A story to comment on"));
        world.approve(target);

        JsonNode kims = post(world.kim, "nobody", "Kim's first");
        anonymousStories.add(id(kims));
        anonymousComments.add(id(comment(world.mo, target, "nobody", "Mo saw this too")));
        anonymousStories.add(id(post(world.mo, "nobody", "Mo's first")));

        String draft = world.pat.post("collaboratives/" + world.collaborative + "/story-drafts",
                Map.of("content", Map.of("title", "Pat's secret"))).json().path("id").asText();
        patBefore = id(post(world.pat, "person", "Pat before"));
        patCommentBefore = id(comment(world.pat, target, "person", "Pat credited before"));
        JsonNode secret = post(world.pat, "nobody", "Pat's secret", "draftId", draft);
        assertEquals("posting", secret.path("item").path("status").asText(), secret::toString);
        patAnonymous.put("story", id(secret));
        anonymousStories.add(id(secret));
        String secretComment = id(comment(world.pat, target, "nobody", "Pat's secret comment"));
        patAnonymous.put("comment", secretComment);
        anonymousComments.add(secretComment);
        patCommentAfter = id(comment(world.pat, target, "person", "Pat credited after"));
        patAfter = id(post(world.pat, "person", "Pat after"));

        anonymousComments.add(id(comment(world.kim, target, "nobody", "Kim's comment")));
        anonymousStories.add(id(post(world.mo, "nobody", "Mo's second")));
        anonymousStories.add(id(post(world.kim, "nobody", "Kim's second")));

        String circleKey = tellInACircle();
        writtenWhilePosting = count("select count(*) from story where credit = 'ANONYMOUS'")
                + count("select count(*) from story_comment where credit = 'ANONYMOUS'");
        AnonymousItems.written(world.server);
        String circleStory = world.pat.withHeader(EditKeys.HEADER, circleKey).get("stories/by-key").json().path("id").asText();
        patAnonymous.put("circle story", circleStory);
        anonymousStories.add(circleStory);

        Api patsKey = world.pat.withHeader(EditKeys.HEADER, secret.path("editKey").asText());
        Api kimsKey = world.kim.withHeader(EditKeys.HEADER, kims.path("editKey").asText());
        assertEquals(200, kimsKey.put("stories/" + id(kims), change("Kim's first, clearer")).status());
        patBeforeChange = id(post(world.pat, "person", "Pat before the change"));
        assertEquals(201, world.pat.post("stories/" + patBeforeChange + "/follow-ups", Map.of("body", "Pat's own follow-up before")).status());
        assertEquals(200, patsKey.put("stories/" + patAnonymous.get("story"), change("Pat's secret, clearer")).status());
        assertEquals(201, patsKey.post("stories/" + patAnonymous.get("story") + "/follow-ups", Map.of("body", "Pat's secret follow-up")).status());
        patAfterChange = id(post(world.pat, "person", "Pat after the change"));
        assertEquals(201, world.pat.post("stories/" + patAfterChange + "/follow-ups", Map.of("body", "Pat's own follow-up after")).status());
        assertEquals(201, kimsKey.post("stories/" + id(kims) + "/follow-ups", Map.of("body", "Kim's follow-up")).status());
        changedWhileActing = count("select count(*) from story where title like '%clearer'")
                + count("select count(*) from story_follow_up where body in ('Pat''s secret follow-up', 'Kim''s follow-up')");
        AnonymousItems.written(world.server);
    }

    private static Map<String, Object> change(String title) {
        Map<String, Object> change = new java.util.HashMap<>(StoryWorld.story("nobody", "collaborative", "title", title));
        change.remove("credit");
        return change;
    }

    /** Pat chats under their name and at once tells a story anonymously in a failure-story circle, then publishes it. */
    private static String tellInACircle() {
        sessionId = People.session(world.fiona, world.collaborative, "Learning session 5", 60,
                List.of(LiveClient.agendaItem("Failure-story circle", "failure-circle", 30)));
        String key = ActivityStoriesIT.newKey();
        try (LiveClient fiona = LiveClient.join(world.server, sessionId, world.fiona.bearerToken(), "fiona-laptop", null);
                LiveClient pat = LiveClient.join(world.server, sessionId, world.pat.bearerToken(), "pat-phone", null)) {
            assertOk(fiona.request("session.start", bodyOf()));
            assertOk(fiona.request("agenda.goto", bodyOf("index", 0)));
            JsonNode told = pat.request("chat.send", bodyOf("text", "I have one to tell"));
            assertOk(told);
            patsChat = told.path("body").path("seq").asLong();
            pat.sendWithRef("failure-circle.submit", "pat-circle-submit", bodyOf("ref", "pat-circle-0001", "title", "Pat's circle story",
                    "topic", "Sepsis", "changeIdea", "Screening at triage", "tried", "A paper tool at triage.",
                    "happened", "Nights skipped it.", "learned", "Huddles worked better.", "differently", "Ask the night team.",
                    "tags", List.of("handover"), "credit", "anonymous", "key", key, "confirmNotIdentifying", false));
            JsonNode next = pat.request("chat.send", bodyOf("text", "Mine is on its way"));
            assertOk(next);
            patsNextChat = next.path("body").path("seq").asLong();
            assertOk(pat.replyHeld(world.server.clock(), "pat-circle-submit"));
            assertOk(fiona.request("failure-circle.share", bodyOf("storyId", "pat-circle-0001")));
            assertOk(pat.requestHeld(world.server.clock(), "failure-circle.publish", bodyOf("storyId", "pat-circle-0001", "key", key,
                    "visibility", "session", "confirmNotIdentifying", false)));
            assertOk(pat.request("chat.send", bodyOf("text", "Thank you all")));
            tellOverRest(pat, fiona);
        }
        return key;
    }

    /**
     * Pat tells another circle story anonymously over REST, from a desk without the live page, and chats at once after:
     * the story must wait its random while there too, and, since Pat is then the last to have acted, wait on past it
     * until someone else acts, so that it never sits right after Pat's own action in the log.
     */
    private static void tellOverRest(LiveClient pat, LiveClient fiona) {
        CompletableFuture<Api.Reply> told = CompletableFuture.supplyAsync(() -> world.pat.post(
                "sessions/" + sessionId + "/live/messages", Map.of("type", "failure-circle.submit", "body", bodyOf(
                        "ref", "pat-circle-0002", "title", "Pat's desk story", "topic", "Sepsis", "changeIdea", "Sepsis trolley",
                        "tried", "A trolley on each ward.", "happened", "It was raided for spares.", "learned", "Seal it.",
                        "differently", "Check it daily.", "tags", List.of("equipment"), "credit", "anonymous",
                        "key", ActivityStoriesIT.newKey(), "confirmNotIdentifying", false))));
        assertThrows(TimeoutException.class, () -> told.get(1, TimeUnit.SECONDS),
                "an anonymous story sent over REST was answered before any time passed: it took effect at once");
        JsonNode next = pat.request("chat.send", bodyOf("text", "Sent from my desk"));
        assertOk(next);
        patsChatAfterRest = next.path("body").path("seq").asLong();
        world.server.clock().advance(HeldCommands.LONGEST.plusSeconds(15));
        assertThrows(TimeoutException.class, () -> told.get(1, TimeUnit.SECONDS),
                "the story took effect while its teller was the last to have acted, right after their chat");
        JsonNode thanks = fiona.request("chat.send", bodyOf("text", "Thank you, Pat"));
        assertOk(thanks);
        othersChatAfterRest = thanks.path("body").path("seq").asLong();
        Api.Reply reply = HeldTime.during(world.server.clock(), told::join);
        assertEquals(202, reply.status(), reply::toString);
    }

    @AfterAll
    static void tearDown() {
        world.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    }

    @Test
    void nothingAnonymousIsWrittenToItsTableWhileItsAuthorIsActing() {
        assertEquals(0, writtenWhilePosting, "anonymous items were written at their authors' moments");
        assertEquals(0, changedWhileActing, "changes and follow-ups made with a key were written at their authors' moments");
        assertEquals(2, count("select count(*) from story where title like '%clearer'"), "the changes are written later");
        assertEquals(0, AnonymousItems.waiting(world.server), "the spool is empty once they are written");
        assertEquals(6, anonymousStories.size());
        assertEquals(6, count("select count(*) from story where credit = 'ANONYMOUS'"));
        assertEquals(3, count("select count(*) from story_comment where credit = 'ANONYMOUS'"));
        assertEquals(0, count("select count(*) from story_draft"), "the draft that named Pat went with the posting");
    }

    @Test
    void noRowOrderOrTransactionPutsAnAnonymousItemBetweenTheAuthorsOwnActions() throws SQLException {
        try (Connection connection = world.server.dataSource().getConnection()) {
            List<String> followUps = new ArrayList<>();
            for (String body : List.of("Pat's own follow-up before", "Pat's secret follow-up", "Kim's follow-up", "Pat's own follow-up after")) {
                followUps.add(single(connection, "select id from story_follow_up where body = ?", body));
            }
            for (String position : positions(connection)) {
                Map<String, Long> stories = positions(connection, "story", position);
                Map<String, Long> comments = positions(connection, "story_comment", position);
                Map<String, Long> followUpPositions = positions(connection, "story_follow_up", position);
                assertNothingBetween(stories, patBefore, patAfter, anonymousStories, "story " + position);
                assertNothingBetween(comments, patCommentBefore, patCommentAfter, anonymousComments, "story_comment " + position);
                assertNothingBetween(stories, patBeforeChange, patAfterChange, anonymousStories, "a changed story's " + position);
                assertNothingBetween(followUpPositions, followUps.get(0), followUps.get(3), followUps.subList(1, 3),
                        "story_follow_up " + position);
                if (position.startsWith("xmin")) {
                    assertWrittenWithAnother(stories, patAnonymous.get("story"), anonymousStories);
                    assertWrittenWithAnother(comments, patAnonymous.get("comment"), anonymousComments);
                    assertEquals(followUpPositions.get(followUps.get(1)), followUpPositions.get(followUps.get(2)),
                            "the follow-ups made with keys were written together");
                }
            }
        }
    }

    /** The author's anonymous item was written in one transaction with someone else's. */
    private static void assertWrittenWithAnother(Map<String, Long> transactions, String mine, List<String> all) {
        assertTrue(all.stream().filter(id -> !patAnonymous.containsValue(id))
                        .anyMatch(id -> transactions.get(id).equals(transactions.get(mine))),
                "Pat's anonymous item was written in a transaction of its own");
    }

    private static String single(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next(), () -> "nothing for " + parameter);
                return rows.getString(1);
            }
        }
    }

    @Test
    void theModerationQueueListsAWeeksAnonymousStoriesByTheirRandomIdsNotInPostingOrder() throws SQLException {
        List<String> queued = StreamSupport.stream(world.fiona.get("collaboratives/" + world.collaborative + "/stories/moderation")
                        .json().spliterator(), false)
                .map(item -> item.path("story").path("id").asText())
                .filter(anonymousStories::contains)
                .toList();
        assertEquals(5, queued.size(), "the anonymous stories for the collaborative wait for approval: " + queued);
        List<String> byId = new ArrayList<>();
        try (Connection connection = world.server.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select id from story where credit = 'ANONYMOUS' and status = 'PENDING' order by created_at, id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                byId.add(rows.getString(1));
            }
        }
        assertEquals(byId, queued, "listed by week, then by random id");
    }

    @Test
    void theSessionLogKeepsNoExactTimeNoSenderAndNoCatalogueIdOfTheCircleStory() throws SQLException {
        try (Connection connection = world.server.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select client_id, client_ref, created_at, body from session_event where session_id = ? order by seq")) {
            select.setObject(1, UUID.fromString(sessionId));
            int submitted = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String body = rows.getString(4);
                    for (String id : patAnonymous.values()) {
                        assertFalse(body.contains(id), "the session log names an anonymous item's id: " + body);
                    }
                    if (submitted == 0 && body.contains("Pat's circle story")) {
                        // The event the submission caused: the first that holds the story.
                        submitted++;
                        assertEquals(null, rows.getString(1), "the submission's event names the sender's client");
                        assertEquals(null, rows.getString(2), "the submission's event keeps the sender's ref");
                        assertWeekStart(rows.getObject(3, OffsetDateTime.class));
                    }
                }
            }
            assertTrue(submitted > 0, "the circle's state with the story is logged");
        }
    }

    @Test
    void theCircleStoryTakesItsPlaceInTheSessionLogApartFromItsTellersOwnActions() throws SQLException {
        long told = firstLoggedWith("Pat's circle story");
        assertTrue(told > 0, "the circle's state with the story is logged");
        assertTrue(told != patsChat + 1, "the story is logged right after the chat its teller sent before it, at " + told);
        assertTrue(told > patsNextChat, "the story is logged before what its teller did next (" + patsNextChat
                + "), where it was told: at " + told);
    }

    @Test
    void aCircleStorySentOverRestWaitsUntilSomeoneOtherThanItsTellerHasActed() throws SQLException {
        long told = firstLoggedWith("Pat's desk story");
        assertTrue(told > othersChatAfterRest, "the story sent over REST is logged before someone other than its teller acted ("
                + othersChatAfterRest + ", after the teller's own chat at " + patsChatAfterRest + "): at " + told);
    }

    /** The number of the session's first logged event that holds {@code text}; 0 when none does. */
    private static long firstLoggedWith(String text) throws SQLException {
        try (Connection connection = world.server.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select seq, body from session_event where session_id = ? order by seq")) {
            select.setObject(1, UUID.fromString(sessionId));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(2).contains(text)) {
                        return rows.getLong(1);
                    }
                }
            }
        }
        return 0;
    }

    @Test
    void noStoredRowAndNoLogLineTiesPatToTheirAnonymousItems() throws SQLException {
        try (Connection connection = world.server.dataSource().getConnection()) {
            for (String row : StoredRows.all(connection)) {
                if (patAnonymous.values().stream().anyMatch(row::contains) || row.contains("Pat's secret")) {
                    for (String trace : patTraces) {
                        assertFalse(row.toLowerCase(Locale.ROOT).contains(trace.toLowerCase(Locale.ROOT)),
                                () -> "a row ties Pat (" + trace + ") to an anonymous item: " + row);
                    }
                }
            }
            for (String table : List.of("story", "story_comment")) {
                try (PreparedStatement select = connection.prepareStatement(
                        "select created_at from " + table + " where credit = 'ANONYMOUS'");
                        ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        assertWeekStart(rows.getObject(1, OffsetDateTime.class));
                    }
                }
            }
        }
        for (ILoggingEvent event : List.copyOf(log.list)) {
            String line = event.getFormattedMessage();
            for (String id : patAnonymous.values()) {
                assertFalse(line.contains(id), "a log line names an anonymous item: " + line);
            }
        }
    }

    /** The ways the database shows the order rows were written in. */
    private static List<String> positions(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")
                ? List.of("xmin::text::bigint", "(ctid::text::point)[0] * 1000000 + (ctid::text::point)[1]")
                : List.of("_ROWID_");
    }

    private static Map<String, Long> positions(Connection connection, String table, String position) throws SQLException {
        Map<String, Long> positions = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select id, " + position + " from " + table);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                positions.put(rows.getString(1), rows.getLong(2));
            }
        }
        return positions;
    }

    /** No anonymous item sits between the author's credited item before and after, in this order of rows. */
    private static void assertNothingBetween(Map<String, Long> positions, String before, String after, List<String> anonymous,
            String what) {
        long from = positions.get(before);
        long to = positions.get(after);
        assertTrue(from < to, what + ": the author's own items are in their order");
        for (String id : anonymous) {
            long at = positions.get(id);
            assertFalse(at > from && at < to, () -> what + " puts an anonymous item between the author's own actions: "
                    + (patAnonymous.containsValue(id) ? "Pat's own" : "another's") + " at " + at + " in " + from + ".." + to);
        }
    }

    private static JsonNode post(Api author, String credit, String title, Object... more) {
        Object[] overrides = new Object[more.length + 2];
        overrides[0] = "title";
        overrides[1] = title;
        System.arraycopy(more, 0, overrides, 2, more.length);
        Api.Reply reply = author.post("collaboratives/" + world.collaborative + "/stories",
                StoryWorld.story(credit, "collaborative", overrides));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json();
    }

    private static JsonNode comment(Api author, String storyId, String credit, String body) {
        Api.Reply reply = author.post("stories/" + storyId + "/comments", Map.of("body", body, "credit", credit));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json();
    }

    private static String id(JsonNode created) {
        return created.path("item").path("id").asText();
    }

    private static long count(String sql) {
        try (Connection connection = world.server.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(sql);
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertWeekStart(OffsetDateTime time) {
        ZonedDateTime utc = time.atZoneSameInstant(ZoneOffset.UTC);
        assertEquals(utc.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(ZoneOffset.UTC), utc,
                () -> "an exact time is kept: " + time);
    }

    private static void assertOk(JsonNode reply) {
        assertTrue(reply.path("ok").asBoolean(), reply::toString);
    }
}
