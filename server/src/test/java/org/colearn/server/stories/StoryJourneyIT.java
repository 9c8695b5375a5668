package org.colearn.server.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.colearn.server.testing.AnonymousItems;
import org.colearn.server.testing.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class StoryJourneyIT {

    static StoryWorld world;

    @BeforeAll
    static void setUp() {
        world = new StoryWorld();
    }

    @AfterAll
    static void tearDown() {
        world.close();
    }

    @Test
    void aCreditedStoryForTheCollaborativeIsPublishedOnlyAfterAFacilitatorApprovesIt() {
        JsonNode posted = world.post(world.pat, StoryWorld.story("person", "collaborative", "title", "Fluids before antibiotics"));
        String id = posted.path("item").path("id").asText();
        assertEquals("pending", posted.path("item").path("status").asText());
        assertTrue(posted.path("editKey").isNull(), "a credited story needs no edit key");
        assertEquals("Pat Participant", posted.path("item").path("authorName").asText());
        assertEquals("Kent Community Health", posted.path("item").path("siteName").asText());

        assertFalse(world.titles(world.mo, "").contains("Fluids before antibiotics"), "nobody reads it before approval");
        assertEquals(404, world.mo.get("stories/" + id).status());
        assertTrue(world.titles(world.pat, "").contains("Fluids before antibiotics"), "its author sees it, pending");

        world.approve(id);
        assertTrue(world.titles(world.mo, "").contains("Fluids before antibiotics"));
        assertEquals("published", world.mo.get("stories/" + id).json().path("status").asText());
    }

    @Test
    void readersReactSupportivelyAndSeeOnlyCounts() {
        String id = world.post(world.pat, StoryWorld.story("team", "pair",
                "title", "Reacted story")).path("item").path("id").asText();
        assertEquals(200, world.kim.put("stories/" + id + "/reactions/thank_you", Map.of()).status());
        assertEquals(200, world.kim.put("stories/" + id + "/reactions/thank_you", Map.of()).status(), "twice counts once");
        Api.Reply reply = world.pat.put("stories/" + id + "/reactions/seen_this_too", Map.of());
        assertEquals(Map.of("thank_you", 1, "seen_this_too", 1, "helps_me", 0).toString(),
                Map.of("thank_you", reply.json().path("thank_you").asInt(), "seen_this_too", reply.json().path("seen_this_too").asInt(),
                        "helps_me", reply.json().path("helps_me").asInt()).toString());
        JsonNode story = world.kim.get("stories/" + id).json();
        assertEquals(List.of("thank_you"), List.of(story.path("myReactions").get(0).asText()));
        assertEquals(400, world.kim.put("stories/" + id + "/reactions/thumbs_down", Map.of()).status(), "no down-votes");
        assertEquals(0, world.kim.delete("stories/" + id + "/reactions/thank_you").json().path("thank_you").asInt());
    }

    @Test
    void membersCommentWithCreditOrAnonymously() {
        String id = world.post(world.pat, StoryWorld.story("person", "pair", "title", "Commented story"))
                .path("item").path("id").asText();
        Api.Reply credited = world.kim.post("stories/" + id + "/comments", Map.of("body", "Same on our ward.", "credit", "person"));
        assertEquals(201, credited.status(), credited::toString);
        Api.Reply anonymous = world.kim.post("stories/" + id + "/comments", Map.of("body", "We tried stickers too.", "credit", "nobody"));
        assertEquals(201, anonymous.status(), anonymous::toString);
        String key = anonymous.json().path("editKey").asText();
        assertTrue(key.length() >= 40, "a long random key");
        assertEquals("posting", anonymous.json().path("item").path("status").asText(), anonymous::toString);
        AnonymousItems.written(world.server);

        JsonNode comments = world.pat.get("stories/" + id + "/comments").json();
        assertEquals(2, comments.size());
        for (JsonNode comment : comments) {
            boolean anonymousOne = comment.path("body").asText().equals("We tried stickers too.");
            assertEquals(anonymousOne ? "null" : "Kim Colleague", comment.path("authorName").asText(), comment::toString);
        }
        assertEquals(2, world.pat.get("stories/" + id).json().path("commentCount").asInt());

        String commentId = anonymous.json().path("item").path("id").asText();
        assertEquals(404, world.pat.delete("stories/" + id + "/comments/" + commentId).status(), "only its key removes it");
        Api.Reply wrongKey = world.kim.withHeader("X-Edit-Key", "nope").delete("stories/" + id + "/comments/" + commentId);
        assertEquals(403, wrongKey.status());
        assertEquals(204, world.kim.withHeader("X-Edit-Key", key).delete("stories/" + id + "/comments/" + commentId).status());
        assertEquals(1, world.pat.get("stories/" + id + "/comments").json().size());
    }

    @Test
    void theCatalogueFindsStoriesByTextAndTagAndFiltersThem() {
        world.post(world.pat, StoryWorld.story("person", "pair", "title", "Catalogue one",
                "whatWeLearned", "Pharmacists reviewing gentamicin doses caught errors", "tags", List.of("Pharmacy")));
        world.post(world.kim, StoryWorld.story("team", "pair", "title", "Catalogue two", "topic", "AKI", "changeIdea", "Fluid charts"));
        assertEquals(List.of("Catalogue one"), world.titles(world.kim, "q=gentamicin"));
        assertEquals(List.of("Catalogue one"), world.titles(world.kim, "q=pharmacists%20gentamicin"));
        assertTrue(world.titles(world.kim, "tag=pharmacy").contains("Catalogue one"));
        assertEquals(List.of("Catalogue two"), world.titles(world.kim, "topic=AKI"));
        assertEquals(List.of("Catalogue two"), world.titles(world.kim, "changeIdea=fluid%20charts"));
        assertTrue(world.titles(world.kim, "siteId=" + world.kent).containsAll(List.of("Catalogue one", "Catalogue two")));
        assertEquals(List.of(), world.titles(world.kim, "kind=faculty&q=gentamicin"));
        assertEquals(422, world.kim.get("collaboratives/" + world.collaborative + "/stories?kind=best").status());
        JsonNode facets = world.kim.get("collaboratives/" + world.collaborative + "/stories/facets").json();
        assertTrue(facets.path("topics").toString().contains("AKI"), facets::toString);
    }

    @Test
    void facilitatorsMarkTheirOwnCreditedStoriesAsFacultyStories() {
        Api.Reply refused = world.pat.post("collaboratives/" + world.collaborative + "/stories",
                StoryWorld.story("person", "pair", "faculty", true));
        assertEquals(422, refused.status());
        assertEquals("faculty", refused.json().path("errors").get(0).path("field").asText());
        JsonNode faculty = world.post(world.fiona, StoryWorld.story("person", "collaborative", "title", "How I missed a septic child", "faculty", true));
        world.approve(faculty.path("item").path("id").asText());
        assertEquals(List.of("How I missed a septic child"), world.titles(world.mo, "kind=faculty"));
        assertFalse(world.titles(world.mo, "kind=peer").contains("How I missed a septic child"));
    }

    @Test
    void aSelectionExportsToMarkdown() {
        String id = world.post(world.pat, StoryWorld.story("person", "pair", "title", "Exported story")).path("item").path("id").asText();
        Api.Reply md = world.kim.get("collaboratives/" + world.collaborative + "/stories/export.md?id=" + id);
        assertEquals(200, md.status(), md::toString);
        assertTrue(md.header("Content-Type").startsWith("text/markdown"));
        assertTrue(md.text().contains("## Exported story"), md.text());
        assertTrue(md.text().contains("### What we learned"));
        assertTrue(md.text().contains("Pat Participant, Kent Community Health"));
        assertEquals(404, world.mo.get("collaboratives/" + world.collaborative + "/stories/export.md?id=" + id).status(),
                "a pair story of another site cannot be exported by guessing its id");
    }

    @Test
    void aDraftIsPrivateAndGoesAwayWhenTheStoryIsPosted() {
        Api.Reply draft = world.pat.post("collaboratives/" + world.collaborative + "/story-drafts",
                Map.of("content", Map.of("title", "Half-written")));
        assertEquals(201, draft.status(), draft::toString);
        String draftId = draft.json().path("id").asText();
        assertEquals(200, world.pat.put("collaboratives/" + world.collaborative + "/story-drafts/" + draftId,
                Map.of("content", Map.of("title", "Half-written, more"))).status());
        assertEquals("Half-written, more", world.pat.get("collaboratives/" + world.collaborative + "/story-drafts").json()
                .get(0).path("content").path("title").asText());
        assertEquals(404, world.kim.put("collaboratives/" + world.collaborative + "/story-drafts/" + draftId,
                Map.of("content", Map.of())).status());
        assertEquals(0, world.kim.get("collaboratives/" + world.collaborative + "/story-drafts").json().size());

        world.post(world.pat, StoryWorld.story("nobody", "pair", "draftId", draftId));
        assertEquals(0, world.pat.get("collaboratives/" + world.collaborative + "/story-drafts").json().size());
    }
}
