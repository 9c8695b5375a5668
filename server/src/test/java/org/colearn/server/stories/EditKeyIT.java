package org.colearn.server.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.colearn.server.testing.AnonymousItems;
import org.colearn.server.testing.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The edit key of an anonymous story: it alone edits, follows up and withdraws, and a wrong one learns nothing. */
@Timeout(120)
class EditKeyIT {

    static StoryWorld world;

    @BeforeAll
    static void setUp() {
        world = new StoryWorld();
    }

    @AfterAll
    static void tearDown() {
        world.close();
    }

    private static Map<String, Object> edit(String title) {
        Map<String, Object> edit = new HashMap<>(StoryWorld.story("nobody", "pair", "title", title));
        edit.remove("credit");
        return edit;
    }

    @Test
    void theKeyEditsFollowsUpAndWithdrawsTheStory() {
        JsonNode posted = world.post(world.pat, StoryWorld.story("nobody", "pair", "title", "Keyed story"));
        String id = posted.path("item").path("id").asText();
        Api author = world.pat.withHeader("X-Edit-Key", posted.path("editKey").asText());

        Api.Reply edited = author.put("stories/" + id, edit("Keyed story, clearer"));
        assertEquals(200, edited.status(), edited::toString);
        assertEquals("Keyed story, clearer", edited.json().path("title").asText(), "the author sees the change at once");
        assertEquals("Keyed story", world.kim.get("stories/" + id).json().path("title").asText(), "readers once it is written");
        Api.Reply followUp = author.post("stories/" + id + "/follow-ups", Map.of("body", "We changed the rota."));
        assertEquals(201, followUp.status(), followUp::toString);
        assertEquals("We changed the rota.", followUp.json().path("followUps").get(0).path("body").asText());
        AnonymousItems.written(world.server);
        assertEquals("Keyed story, clearer", world.kim.get("stories/" + id).json().path("title").asText());
        assertEquals("We changed the rota.", world.kim.get("stories/" + id).json().path("followUps").get(0).path("body").asText());

        assertEquals(204, author.delete("stories/" + id).status());
        assertEquals(404, world.kim.get("stories/" + id).status(), "a withdrawn story is gone");
    }

    @Test
    void aWrongKeyIsRefusedWithTheSameAnswerAsAKeyForNoStory() {
        String id = world.post(world.pat, StoryWorld.story("nobody", "pair", "title", "Guarded story")).path("item").path("id").asText();
        Api guesser = world.kim.withHeader("X-Edit-Key", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        Api.Reply wrong = guesser.put("stories/" + id, edit("Hijacked"));
        Api.Reply noStory = guesser.put("stories/" + UUID.randomUUID(), edit("Hijacked"));
        assertEquals(403, wrong.status());
        assertEquals("edit_key_refused", wrong.code());
        assertEquals(wrong.text(), noStory.text(), "nothing tells a guesser whether the story exists");
        assertEquals(403, guesser.delete("stories/" + id).status());
        assertEquals(403, guesser.get("stories/" + id).status());
        assertEquals("Guarded story", world.kim.get("stories/" + id).json().path("title").asText());
    }

    @Test
    void withoutItsKeyNobodyChangesAnAnonymousStoryNotEvenItsAuthorsAccount() {
        String id = world.post(world.pat, StoryWorld.story("nobody", "pair", "title", "Keyless story")).path("item").path("id").asText();
        Api.Reply byAccount = world.pat.put("stories/" + id, edit("Changed"));
        assertEquals(403, byAccount.status());
        assertEquals("edit_key_required", byAccount.code());
        assertEquals(403, world.pat.delete("stories/" + id).status());
    }

    @Test
    void aCreditedStoryIsChangedByItsAuthorOnly() {
        String id = world.post(world.pat, StoryWorld.story("person", "pair", "title", "Credited story")).path("item").path("id").asText();
        Map<String, Object> change = edit("Credited story, edited");
        assertEquals(200, world.pat.put("stories/" + id, change).status());
        Api.Reply colleague = world.kim.put("stories/" + id, change);
        assertEquals(403, colleague.status());
        assertEquals("not_the_author", colleague.code());
        assertEquals(403, world.pat.withHeader("X-Edit-Key", "anything").put("stories/" + id, change).status(),
                "a key opens anonymous stories only");
    }

    @Test
    void theAuthorReadsAModerationNoteThroughTheKey() {
        JsonNode posted = world.post(world.pat, StoryWorld.story("nobody", "collaborative", "title", "Story to hide"));
        String id = posted.path("item").path("id").asText();
        assertEquals(200, world.fiona.post("stories/" + id + "/moderation",
                Map.of("action", "hide", "reason", "Please remove the bed number")).status());
        JsonNode own = world.pat.withHeader("X-Edit-Key", posted.path("editKey").asText()).get("stories/" + id).json();
        assertEquals("hidden", own.path("status").asText());
        assertEquals("Please remove the bed number", own.path("moderationNote").asText());
        assertEquals(404, world.pat.get("stories/" + id).status(), "without the key, the author's account is nobody special");

        Map<String, Object> fixed = edit("Story to hide, without the bed number");
        fixed.put("visibility", "pair");
        Api.Reply edited = world.pat.withHeader("X-Edit-Key", posted.path("editKey").asText()).put("stories/" + id, fixed);
        assertEquals("pending", edited.json().path("status").asText(), "a hidden story goes back to a facilitator when changed");
        assertEquals(404, world.kim.get("stories/" + id).status(), "and does not reappear on its own");
    }

    @Test
    void theKeyAloneFindsTheStory() {
        JsonNode posted = world.post(world.pat, StoryWorld.story("nobody", "collaborative", "title", "Found by its key"));
        Api.Reply found = world.mo.withHeader("X-Edit-Key", posted.path("editKey").asText()).get("stories/by-key");
        assertEquals(200, found.status(), found::toString);
        assertEquals("Found by its key", found.json().path("title").asText());
        assertEquals("pending", found.json().path("status").asText());
        assertTrue(found.json().path("mine").asBoolean());
        Api.Reply wrong = world.mo.withHeader("X-Edit-Key", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").get("stories/by-key");
        assertEquals(403, wrong.status());
        assertEquals("edit_key_refused", wrong.code());
        assertEquals(403, world.mo.get("stories/by-key").status());
    }

    @Test
    void whileTheStoryIsBeingPostedItsKeyShowsSoAndWithdrawsItAndChangesWaitUntilItIsIn() {
        Api.Reply posted = world.pat.post("collaboratives/" + world.collaborative + "/stories",
                StoryWorld.story("nobody", "collaborative", "title", "Still on its way"));
        assertEquals(201, posted.status(), posted::toString);
        assertEquals("posting", posted.json().path("item").path("status").asText());
        String id = posted.json().path("item").path("id").asText();
        Api author = world.pat.withHeader("X-Edit-Key", posted.json().path("editKey").asText());
        assertEquals("posting", author.get("stories/by-key").json().path("status").asText());
        assertEquals("Still on its way", author.get("stories/" + id).json().path("title").asText());
        assertEquals(404, world.fiona.get("stories/" + id).status(), "nobody else sees it yet");
        Api.Reply edit = author.put("stories/" + id, edit("Changed on its way"));
        assertEquals(409, edit.status(), edit::toString);
        assertEquals("story_being_posted", edit.code());
        assertEquals(204, author.delete("stories/" + id).status());
        assertEquals(403, author.get("stories/by-key").status(), "withdrawn before it was written");
        AnonymousItems.written(world.server);
        assertEquals(404, world.fiona.get("stories/" + id).status(), "and never written");
    }

    @Test
    void anAnonymousStoryAcknowledgedBeforeARestartIsWrittenAfterIt() {
        try (StoryWorld restarted = new StoryWorld()) {
            Api.Reply posted = restarted.pat.post("collaboratives/" + restarted.collaborative + "/stories",
                    StoryWorld.story("nobody", "collaborative", "title", "Posted before a restart"));
            assertEquals(201, posted.status(), posted::toString);
            restarted.server.restart();
            AnonymousItems.written(restarted.server);
            Api author = restarted.server.api().as(restarted.pat.bearerToken())
                    .withHeader("X-Edit-Key", posted.json().path("editKey").asText());
            Api.Reply found = author.get("stories/by-key");
            assertEquals("pending", found.json().path("status").asText(), found::toString);
            assertEquals(posted.json().path("item").path("id").asText(), found.json().path("id").asText());
        }
    }

    @Test
    void everyAnonymousStoryGetsItsOwnKey() {
        String first = world.post(world.pat, StoryWorld.story("nobody", "pair")).path("editKey").asText();
        String second = world.post(world.pat, StoryWorld.story("nobody", "pair")).path("editKey").asText();
        assertNotEquals(first, second);
        assertTrue(first.matches("[A-Za-z0-9_-]{43}"), first);
    }
}
