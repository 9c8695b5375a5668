package org.colearn.server.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Who reads and who moderates a story, for each visibility, across roles, sites and collaboratives. */
@Timeout(120)
class VisibilityIT {

    static StoryWorld world;

    @BeforeAll
    static void setUp() {
        world = new StoryWorld();
    }

    @AfterAll
    static void tearDown() {
        world.close();
    }

    private static boolean reads(Api person, String collaborative, String id, String title) {
        boolean page = person.get("stories/" + id).status() == 200;
        List<String> titles = new java.util.ArrayList<>();
        person.get("collaboratives/" + collaborative + "/stories").json().forEach(s -> titles.add(s.path("title").asText()));
        assertEquals(page, titles.contains(title), "the story page and the catalogue agree");
        return page;
    }

    @Test
    void aStoryForMyPairIsReadOnlyAtMySiteNotEvenByFacilitatorsElsewhere() {
        for (String credit : List.of("person", "nobody")) {
            String title = "Pair story credited to " + credit;
            String id = world.post(world.pat, StoryWorld.story(credit, "pair", "title", title)).path("item").path("id").asText();
            assertTrue(reads(world.kim, world.collaborative, id, title), "a colleague at the same site reads it");
            assertFalse(reads(world.mo, world.collaborative, id, title), "someone at the other site does not");
            assertFalse(reads(world.fiona, world.collaborative, id, title), "the facilitator at the other site does not");
            assertEquals(404, world.stan.get("stories/" + id).status(), "a stranger does not");
            assertFalse(world.fiona.get("collaboratives/" + world.collaborative + "/stories/moderation").text().contains(id),
                    "it never reaches the facilitator's queue");
            Api.Reply moderate = world.fiona.post("stories/" + id + "/moderation", Map.of("action", "hide", "reason", "x"));
            assertEquals(404, moderate.status());
            assertEquals("story_not_found", moderate.code());
            assertEquals(404, world.mo.post("stories/" + id + "/reports", Map.of("reason", "guessing")).status());
            assertEquals(404, world.mo.put("stories/" + id + "/reactions/thank_you", Map.of()).status());
            assertEquals(404, world.mo.get("stories/" + id + "/comments").status());
        }
    }

    @Test
    void aStoryForASessionIsReadByTheCollaborativesMembersOnly() {
        String session = People.session(world.fiona, world.collaborative, "Learning session 2", 60,
                List.of(LiveClient.agendaItem("Welcome", "plenary", 10)));
        String id = world.post(world.pat, StoryWorld.story("team", "session", "title", "Session story", "sessionId", session))
                .path("item").path("id").asText();
        assertTrue(reads(world.mo, world.collaborative, id, "Session story"));
        assertTrue(reads(world.fiona, world.collaborative, id, "Session story"));
        assertEquals(404, world.stan.get("stories/" + id).status());
        String strangersSession = People.session(world.stan, world.otherCollaborative, "Stan's session", 60,
                List.of(LiveClient.agendaItem("Welcome", "plenary", 10)));
        Api.Reply wrong = world.pat.post("collaboratives/" + world.collaborative + "/stories",
                StoryWorld.story("team", "session", "sessionId", strangersSession));
        assertEquals(422, wrong.status());
        assertEquals("sessionId", wrong.json().path("errors").get(0).path("field").asText());
    }

    @Test
    void aStoryForTheCollaborativeWaitsForApprovalByAFacilitatorNotAParticipant() {
        String id = world.post(world.pat, StoryWorld.story("nobody", "collaborative", "title", "Collaborative story"))
                .path("item").path("id").asText();
        assertFalse(reads(world.kim, world.collaborative, id, "Collaborative story"), "not before approval, even at the author's site");
        assertTrue(world.fiona.get("collaboratives/" + world.collaborative + "/stories/moderation").text().contains(id));
        assertEquals(200, world.fiona.get("stories/" + id).status(), "the facilitator opens it to decide");
        Api.Reply byParticipant = world.kim.post("stories/" + id + "/moderation", Map.of("action", "approve"));
        assertEquals(404, byParticipant.status(), "a participant cannot even see a pending story");
        assertEquals(403, world.kim.get("collaboratives/" + world.collaborative + "/stories/moderation").status());
        world.approve(id);
        assertTrue(reads(world.kim, world.collaborative, id, "Collaborative story"));
        assertTrue(reads(world.mo, world.collaborative, id, "Collaborative story"));
        assertEquals(403, world.mo.post("stories/" + id + "/moderation", Map.of("action", "hide", "reason", "no")).status());
        assertEquals(404, world.stan.get("stories/" + id).status(), "another collaborative never sees it");
        assertFalse(world.stan.get("collaboratives/" + world.otherCollaborative + "/stories").text().contains(id));
    }

    @Test
    void aStoryForTheServerReachesOtherCollaborativesOnceApproved() {
        String id = world.post(world.pat, StoryWorld.story("team", "server", "title", "Server story")).path("item").path("id").asText();
        assertFalse(reads(world.stan, world.otherCollaborative, id, "Server story"));
        world.approve(id);
        assertTrue(reads(world.stan, world.otherCollaborative, id, "Server story"));
        assertEquals(200, world.stan.put("stories/" + id + "/reactions/helps_me", Map.of()).status());
        Api.Reply moderate = world.stan.post("stories/" + id + "/moderation", Map.of("action", "hide", "reason", "mine now"));
        assertEquals(403, moderate.status(), "only its own collaborative's facilitators moderate it");
        assertEquals("facilitator_only", moderate.code());
    }

    @Test
    void aReportReachesTheFacilitatorWhoHidesTheStoryWithAReasonTheAuthorReads() {
        String id = world.post(world.pat, StoryWorld.story("person", "collaborative", "title", "Reported story")).path("item").path("id").asText();
        world.approve(id);
        Api.Reply report = world.mo.post("stories/" + id + "/reports", Map.of("reason", "It names a consultant"));
        assertEquals(201, report.status(), report::toString);
        JsonNode queue = world.fiona.get("collaboratives/" + world.collaborative + "/stories/moderation").json();
        JsonNode item = null;
        for (JsonNode entry : queue) {
            if (entry.path("story").path("id").asText().equals(id)) {
                item = entry;
            }
        }
        assertTrue(item != null, queue::toString);
        assertEquals("It names a consultant", item.path("reports").get(0).path("reason").asText());
        Api.Reply noReason = world.fiona.post("stories/" + id + "/moderation", Map.of("action", "hide"));
        assertEquals(422, noReason.status());
        assertEquals("reason", noReason.json().path("errors").get(0).path("field").asText());
        assertEquals(200, world.fiona.post("stories/" + id + "/moderation",
                Map.of("action", "hide", "reason", "Please take out the consultant's name")).status());
        assertEquals(404, world.mo.get("stories/" + id).status());
        JsonNode own = world.pat.get("stories/" + id).json();
        assertEquals("hidden", own.path("status").asText());
        assertEquals("Please take out the consultant's name", own.path("moderationNote").asText());
        assertTrue(world.mo.get("stories/" + id).text().indexOf("consultant's name") < 0);
    }

    @Test
    void aFacilitatorRedactsAPassageAndTheReasonStaysWithTheStory() {
        String id = world.post(world.pat, StoryWorld.story("person", "collaborative", "title", "Redacted story",
                "whatHappened", "Dr Jones on ward 7 refused the screen.")).path("item").path("id").asText();
        Api.Reply redacted = world.fiona.post("stories/" + id + "/moderation",
                Map.of("action", "redact", "reason", "Names removed", "passages", List.of("Dr Jones")));
        assertEquals(200, redacted.status(), redacted::toString);
        world.approve(id);
        JsonNode story = world.mo.get("stories/" + id).json();
        assertEquals("[removed] on ward 7 refused the screen.", story.path("whatHappened").asText());
        assertTrue(story.path("moderationNote").isNull(), "readers do not see the note");
        assertEquals("Names removed", world.pat.get("stories/" + id).json().path("moderationNote").asText());
    }

    @Test
    void strangersLearnNothingOfTheCatalogue() {
        Api.Reply reply = world.stan.get("collaboratives/" + world.collaborative + "/stories");
        assertEquals(404, reply.status());
        assertEquals("collaborative_not_found", reply.code());
        assertEquals(404, world.stan.post("collaboratives/" + world.collaborative + "/stories", StoryWorld.story("person", "pair")).status());
        assertEquals(404, world.stan.get("collaboratives/" + world.collaborative + "/stories/export.md").status());
    }
}
