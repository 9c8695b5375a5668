package org.colearn.server.stories;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.colearn.server.auth.Tokens;
import org.colearn.server.testing.AnonymousItems;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.HeldTime;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * An activity of a live session uses the catalogue through the plugin API: it publishes stories told in the session
 * with the catalogue's own rules, brings a teller's own stories, offers what everyone may read, and its unattributed
 * messages leave no sender in the session's log.
 */
@Timeout(120)
class ActivityStoriesIT {

    static final ListAppender<ILoggingEvent> log = new ListAppender<>();
    static StoryWorld world;
    static String sessionId;
    static LiveClient fiona;
    static LiveClient pat;
    static LiveClient mo;

    @BeforeAll
    static void setUp() {
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
        world = new StoryWorld(TestServer.startWithPlugins(StoryDesk::jar));
        sessionId = People.session(world.fiona, world.collaborative, "Learning session 2", 60,
                List.of(LiveClient.agendaItem("Stories", StoryDesk.ID, 30)));
        fiona = LiveClient.join(world.server, sessionId, world.fiona.bearerToken(), "fiona-laptop", null);
        pat = LiveClient.join(world.server, sessionId, world.pat.bearerToken(), "pat-phone-1", null);
        mo = LiveClient.join(world.server, sessionId, world.mo.bearerToken(), "mo-laptop", null);
        assertOk(fiona.request("session.start", bodyOf()));
        assertOk(fiona.request("agenda.goto", bodyOf("index", 0)));
    }

    @AfterAll
    static void tearDown() {
        List.of(fiona, pat, mo).forEach(LiveClient::close);
        world.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    }

    @Test
    void anAnonymousStoryToldInTheSessionReachesItsReadersWithNoTellerAndOnlyItsKeyOpensIt() throws SQLException {
        String key = newKey();
        long before;
        try (Connection connection = world.server.dataSource().getConnection()) {
            before = Long.parseLong(rows(connection, "select max(seq) from session_event where session_id = ?", sessionId).get(0)[0]);
        }
        int published = publishedCount();
        JsonNode ack = pat.requestHeld(world.server.clock(), "story-desk.tell", tell("Night handovers lost the screening", "anonymous", key, "session", false));
        assertOk(ack);
        String storyId = publishedAfter(published);

        JsonNode read = catalogueStory(world.mo, storyId);
        assertEquals("nobody", read.path("credit").asText());
        assertTrue(read.path("authorName").isNull() && read.path("siteName").isNull(), read::toString);
        assertEquals("session", read.path("visibility").asText());
        assertEquals(sessionId, read.path("sessionId").asText(), "read by this session's participants");
        assertEquals("published", read.path("status").asText(), "a session story needs no approval");

        Api.Reply byKey = world.pat.withHeader(EditKeys.HEADER, key).get("stories/by-key");
        assertEquals(200, byKey.status(), byKey::toString);
        assertEquals(storyId, byKey.json().path("id").asText(), "the teller's key is the story's edit key");
        Api.Reply wrong = world.pat.withHeader(EditKeys.HEADER, newKey()).get("stories/by-key");
        assertEquals("edit_key_refused", wrong.code(), wrong::toString);

        try (Connection connection = world.server.dataSource().getConnection()) {
            List<String[]> caused = rows(connection,
                    "select client_id, client_ref, body from session_event where session_id = ? and seq > ? and seq <= ?",
                    sessionId, before, ack.path("body").path("seq").asLong());
            assertFalse(caused.isEmpty(), "the story changed the activity's state");
            for (String[] row : caused) {
                assertNull(row[0], "no client id on an event of an unattributed message");
                assertNull(row[1], "no client ref on an event of an unattributed message");
            }
            String[] story = rows(connection, "select credit_member_id, credit_site_id, edit_key_hash from story where id = ?",
                    storyId).get(0);
            assertNull(story[0]);
            assertNull(story[1]);
            assertEquals(Tokens.hash(key), story[2], "only the key's hash is kept");
            for (String[] row : rows(connection, "select body from session_event where session_id = ?", sessionId)) {
                assertFalse(row[0].contains(key), "the key is in the session's log: " + row[0]);
            }
        }
    }

    @Test
    void creditedStoriesNameTheirTellerOrTeamAndAFacilitatorsOwnLeadsByExample() {
        String person = told(pat, tell("Credited to Pat", "person", null, "session", false));
        assertEquals("Pat Participant", catalogueStory(world.mo, person).path("authorName").asText());
        JsonNode team = catalogueStory(world.mo, told(pat, tell("Credited to Kent", "site", null, "session", false)));
        assertEquals("team", team.path("credit").asText());
        assertEquals("Kent Community Health", team.path("siteName").asText());
        String faculty = told(fiona, tell("Fiona leads by example", "person", null, "collaborative", false));
        assertFalse(world.titles(world.mo, "").contains("Fiona leads by example"), "a collaborative story waits for approval");
        world.approve(faculty);
        JsonNode approved = catalogueStory(world.mo, faculty);
        assertTrue(approved.path("faculty").asBoolean(), approved::toString);
    }

    @Test
    void storiesAreCheckedAsTheCatalogueChecksThem() {
        JsonNode flagged = pat.requestHeld(world.server.clock(), "story-desk.tell", tell("Born on 12/03/1961", "anonymous", newKey(), "session", false));
        assertEquals("patient_data_suspected", flagged.path("error").path("code").asText(), flagged::toString);
        assertFalse(flagged.toString().contains("12/03/1961"), "the flagged text is never echoed");
        assertEquals("title", flagged.path("error").path("field").asText(), flagged::toString);
        assertTrue(flagged.path("error").path("message").asText().startsWith("The title may hold a date"), flagged::toString);
        assertOk(pat.requestHeld(world.server.clock(), "story-desk.tell", tell("Born on 12/03/1961", "anonymous", newKey(), "session", true)));
        JsonNode inWhatHappened = pat.requestHeld(world.server.clock(), "story-desk.tell", tell("Missed at night", "person", null, "session", false)
                .put("happened", "NHS 943 476 5919 was missed."));
        assertEquals("happened", inWhatHappened.path("error").path("field").asText(),
                "the refusal names the part as the plugin API does, so a form can mark it: " + inWhatHappened);
        assertTrue(inWhatHappened.path("error").path("message").asText().startsWith("What happened may hold an NHS number"),
                inWhatHappened::toString);
        JsonNode noTopic = pat.requestHeld(world.server.clock(), "story-desk.tell", tell("No topic", "person", null, "session", false).put("topic", ""));
        assertEquals("invalid_story", noTopic.path("error").path("code").asText(), noTopic::toString);
        assertEquals("topic", noTopic.path("error").path("field").asText(), noTopic::toString);

        assertEquals("invalid_story", pat.requestHeld(world.server.clock(), "story-desk.tell", tell("", "person", null, "session", false))
                .path("error").path("code").asText(), "a story needs its title");
        assertEquals("invalid_credit", pat.requestHeld(world.server.clock(), "story-desk.tell", tell("Short key", "anonymous", "abc", "session", false))
                .path("error").path("code").asText());
        JsonNode tooLong = pat.requestHeld(world.server.clock(), "story-desk.tell", tell("Key of 101", "anonymous", "k".repeat(101), "session", false));
        assertEquals("invalid_credit", tooLong.path("error").path("code").asText(), tooLong::toString);
        assertEquals("key", tooLong.path("error").path("field").asText(), tooLong::toString);
        String longest = "k".repeat(100);
        String keyed = told(pat, tell("Key of 100", "anonymous", longest, "session", false));
        assertOk(pat.requestHeld(world.server.clock(), "story-desk.bring", bodyOf("storyId", keyed, "key", longest)));
        Api.Reply byKey = world.pat.withHeader(EditKeys.HEADER, longest).get("stories/by-key");
        assertEquals(keyed, byKey.json().path("id").asText(), "the key of 100 characters opens the story in the catalogue too");
        assertEquals(403, world.pat.withHeader(EditKeys.HEADER, longest + "k").get("stories/by-key").status());
        assertEquals("invalid_visibility", pat.requestHeld(world.server.clock(), "story-desk.tell", tell("Pair", "anonymous", newKey(), "pair", false))
                .path("error").path("code").asText(), "an anonymous story from a session names no site");

        assertOk(mo.request("story-desk.check", bodyOf("happened", "Mrs Smith, DOB 12/03/1961, was missed.")));
        JsonNode findings = desk(mo, view -> view.path("findings").size() > 0).path("findings");
        assertTrue(findings.get(0).asText().startsWith("happened:date_of_birth:"), findings::toString);
        assertFalse(findings.toString().contains("12/03/1961"), findings::toString);
    }

    @Test
    void aTellerBringsOnlyTheirOwnStoriesByCreditTeamOrKey() {
        String own = world.post(world.pat, StoryWorld.story("person", "collaborative", "title", "Pat's own")).path("item").path("id").asText();
        String team = world.post(world.kim, StoryWorld.story("team", "pair", "title", "Kent's team story")).path("item").path("id").asText();
        JsonNode anonymous = world.post(world.pat, StoryWorld.story("nobody", "pair", "title", "Pat's secret"));
        String secret = anonymous.path("item").path("id").asText();
        String others = world.post(world.mo, StoryWorld.story("person", "pair", "title", "Mo's own")).path("item").path("id").asText();

        assertOk(pat.requestHeld(world.server.clock(), "story-desk.bring", bodyOf("storyId", own)));
        assertEquals("Pat Participant", shown(mo, "Pat's own").path("credit").asText());
        assertOk(pat.requestHeld(world.server.clock(), "story-desk.bring", bodyOf("storyId", team)));
        assertEquals("Kent Community Health team", shown(mo, "Kent's team story").path("credit").asText());
        assertOk(pat.requestHeld(world.server.clock(), "story-desk.bring", bodyOf("storyId", secret, "key", anonymous.path("editKey").asText())));
        assertTrue(shown(mo, "Pat's secret").path("credit").isNull(), "an anonymous story is brought without a teller");

        for (JsonNode refused : List.of(
                pat.requestHeld(world.server.clock(), "story-desk.bring", bodyOf("storyId", secret, "key", newKey())),
                pat.requestHeld(world.server.clock(), "story-desk.bring", bodyOf("storyId", secret)),
                pat.requestHeld(world.server.clock(), "story-desk.bring", bodyOf("storyId", others)),
                mo.requestHeld(world.server.clock(), "story-desk.bring", bodyOf("storyId", team)),
                pat.requestHeld(world.server.clock(), "story-desk.bring", bodyOf("storyId", "not-a-story")))) {
            assertEquals("not_your_story", refused.path("error").path("code").asText(), refused::toString);
        }
    }

    @Test
    void facilitatorsOfferOnlyStoriesEveryoneHereMayRead() {
        String pair = world.post(world.mo, StoryWorld.story("person", "pair", "title", "Medway pair story")).path("item").path("id").asText();
        String waiting = world.post(world.mo, StoryWorld.story("person", "collaborative", "title", "Waiting story")).path("item").path("id").asText();
        String here = world.post(world.mo, StoryWorld.story("person", "session", "title", "For this session", "sessionId", sessionId))
                .path("item").path("id").asText();

        assertEquals("not_readable", fiona.request("story-desk.offer", bodyOf("storyId", pair)).path("error").path("code").asText());
        assertEquals("not_readable", fiona.request("story-desk.offer", bodyOf("storyId", waiting)).path("error").path("code").asText());
        world.approve(waiting);
        assertOk(fiona.request("story-desk.offer", bodyOf("storyId", waiting)));
        assertOk(fiona.request("story-desk.offer", bodyOf("storyId", here)));
        assertEquals("Mo Medway", shown(pat, "For this session").path("credit").asText());
    }

    @Test
    void anUnattributedResendIsAppliedAgainWhileAnAttributedOneIsAnsweredOnce() {
        String own = world.post(world.pat, StoryWorld.story("person", "collaborative", "title", "Told twice")).path("item").path("id").asText();
        pat.sendWithRef("story-desk.bring", "bring-told-twice", bodyOf("storyId", own));
        assertOk(pat.replyHeld(world.server.clock(), "bring-told-twice"));
        pat.sendWithRef("story-desk.bring", "bring-told-twice", bodyOf("storyId", own));
        try (HeldTime passing = HeldTime.passing(world.server.clock())) {
            pat.awaitCount(frame -> "bring-told-twice".equals(frame.path("re").asText()), 2);
        }
        assertEquals(0, pat.count(frame -> "bring-told-twice".equals(frame.path("re").asText()) && frame.path("body").has("repeated")),
                "the server keeps no note of an unattributed message");
        JsonNode twice = desk(mo, view -> count(view, "Told twice") == 2);
        assertEquals(2, count(twice, "Told twice"), "the activity must recognise a resend itself");

        String approved = world.post(world.mo, StoryWorld.story("person", "collaborative", "title", "Offered once")).path("item").path("id").asText();
        world.approve(approved);
        fiona.sendWithRef("story-desk.offer", "offer-once", bodyOf("storyId", approved));
        assertOk(fiona.reply("offer-once"));
        fiona.sendWithRef("story-desk.offer", "offer-once", bodyOf("storyId", approved));
        assertTrue(fiona.awaitCount(frame -> "offer-once".equals(frame.path("re").asText())
                && frame.path("body").path("repeated").asBoolean(), 1), "a resent attributed message is answered again");
        for (ILoggingEvent event : List.copyOf(log.list)) {
            String line = event.getFormattedMessage();
            assertFalse(line.contains("pat-phone-1") || line.contains("Pat Participant"), "a log line names the sender: " + line);
        }
    }

    /** The body of a {@code tell}, as the desk reads it. */
    private static ObjectNode tell(String title, String credit, String key, String visibility, boolean confirm) {
        return bodyOf("title", title, "topic", "Sepsis", "changeIdea", "Screening at triage",
                "tried", "A paper screening tool at triage.", "happened", "Night shifts skipped it.",
                "learned", "Huddles made it stick.", "credit", credit, "key", key, "visibility", visibility, "confirm", confirm);
    }

    /** Tells a story as {@code teller}, and returns the id it was published under, as the view shows it. */
    private static String told(LiveClient teller, ObjectNode story) {
        int before = publishedCount();
        assertOk(teller.requestHeld(world.server.clock(), "story-desk.tell", story));
        return publishedAfter(before);
    }

    private static int publishedCount() {
        return desk(mo, view -> true).path("published").size();
    }

    /** The id of the story published after {@code before} others, once Mo's view shows it. */
    private static String publishedAfter(int before) {
        String id = desk(mo, view -> view.path("published").size() > before).path("published").get(before).asText();
        AnonymousItems.written(world.server);
        return id;
    }

    private static JsonNode shown(LiveClient client, String title) {
        JsonNode view = desk(client, desk -> count(desk, title) > 0);
        return StreamSupport.stream(view.path("shown").spliterator(), false)
                .filter(story -> story.path("title").asText().equals(title))
                .findFirst()
                .orElseThrow();
    }

    private static long count(JsonNode view, String title) {
        return StreamSupport.stream(view.path("shown").spliterator(), false)
                .filter(story -> story.path("title").asText().equals(title))
                .count();
    }

    private static JsonNode desk(LiveClient client, java.util.function.Predicate<JsonNode> matches) {
        return client.awaitActivityView(matches, "a desk view");
    }

    private static JsonNode catalogueStory(Api reader, String storyId) {
        Api.Reply reply = reader.get("stories/" + storyId);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static void assertOk(JsonNode reply) {
        assertTrue(reply.path("ok").asBoolean(), reply::toString);
    }

    private static List<String[]> rows(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i] instanceof String text && text.length() == 36
                        ? java.util.UUID.fromString(text) : parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                List<String[]> found = new java.util.ArrayList<>();
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    String[] row = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rows.getString(i + 1);
                    }
                    found.add(row);
                }
                return found;
            }
        }
    }

    /** A teller's private key as a browser makes it: 32 random bytes, base64url, 43 characters. */
    static String newKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
