package org.colearn.server.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.colearn.server.testing.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the server says about a story it cannot take as it is: patient data, missing fields, unknown codes. */
@Timeout(120)
class StoryInputIT {

    static StoryWorld world;

    @BeforeAll
    static void setUp() {
        world = new StoryWorld();
    }

    @AfterAll
    static void tearDown() {
        world.close();
    }

    private Api.Reply post(Map<String, Object> story) {
        return world.pat.post("collaboratives/" + world.collaborative + "/stories", story);
    }

    @Test
    void whatLooksLikePatientDataIsPointedOutWithoutQuotingItAndConfirmationPostsTheStory() {
        Map<String, Object> story = StoryWorld.story("nobody", "pair", "title", "Wrong patient",
                "whatHappened", "The label said 943 476 5919 and DOB 12/03/1954, home ME14 1XX.");
        Api.Reply warned = post(story);
        assertEquals(422, warned.status(), warned::toString);
        assertEquals("possible_patient_data", warned.code());
        JsonNode findings = warned.json().path("findings");
        assertEquals(3, findings.size(), findings::toString);
        assertEquals("whatHappened", findings.get(0).path("field").asText());
        assertEquals("nhs_number", findings.get(0).path("kind").asText());
        assertEquals(15, findings.get(0).path("start").asInt());
        assertEquals("date_of_birth", findings.get(1).path("kind").asText());
        assertEquals("postcode", findings.get(2).path("kind").asText());
        assertFalse(warned.text().contains("5919") || warned.text().contains("1954") || warned.text().contains("ME14"),
                "the warning never echoes the text");
        assertTrue(warned.json().path("detail").asText().contains("confirmNotIdentifying"));
        assertFalse(world.kim.get("collaboratives/" + world.collaborative + "/stories").text().contains("Wrong patient"),
                "nothing was saved");

        story.put("confirmNotIdentifying", true);
        assertEquals(201, post(story).status());
    }

    @Test
    void commentsAndFollowUpsAreCheckedToo() {
        String id = world.post(world.pat, StoryWorld.story("person", "pair")).path("item").path("id").asText();
        Api.Reply comment = world.kim.post("stories/" + id + "/comments", Map.of("body", "Mrs Patel (RX123456) too", "credit", "person"));
        assertEquals(422, comment.status());
        assertEquals("hospital_number", comment.json().path("findings").get(0).path("kind").asText());
        assertEquals(201, world.kim.post("stories/" + id + "/comments",
                Map.of("body", "Mrs Patel (RX123456) too", "credit", "person", "confirmNotIdentifying", true)).status());
        Api.Reply followUp = world.pat.post("stories/" + id + "/follow-ups", Map.of("body", "Born 1 May 1950, seen again"));
        assertEquals(422, followUp.status());
        assertEquals("date_of_birth", followUp.json().path("findings").get(0).path("kind").asText());
    }

    @Test
    void missingFieldsAreListedOneByOne() {
        Map<String, Object> story = StoryWorld.story("person", "pair", "title", "", "whatWeLearned", " ");
        Api.Reply reply = post(story);
        assertEquals(422, reply.status());
        assertEquals("validation_failed", reply.code());
        assertEquals(2, reply.json().path("errors").size(), reply::toString);
    }

    @Test
    void unknownCodesAndFieldsAreRefusedWithTheAllowedOnes() {
        Api.Reply visibility = post(StoryWorld.story("person", "everyone"));
        assertEquals(400, visibility.status());
        assertEquals("invalid_value", visibility.code());
        Api.Reply unknown = post(StoryWorld.story("person", "pair", "authorId", "me"));
        assertEquals(400, unknown.status());
        assertEquals("unknown_field", unknown.code());
        Api.Reply session = post(StoryWorld.story("person", "session"));
        assertEquals(422, session.status());
        assertEquals("sessionId", session.json().path("errors").get(0).path("field").asText());
        Api.Reply tag = post(StoryWorld.story("person", "pair", "tags", java.util.List.of("<script>")));
        assertEquals(422, tag.status());
    }

    @Test
    void aStoryNeedsALoginAndAnUnknownStoryIsNotFound() {
        assertEquals(401, world.server.api().get("collaboratives/" + world.collaborative + "/stories").status());
        Api.Reply missing = world.pat.get("stories/" + java.util.UUID.randomUUID());
        assertEquals(404, missing.status());
        assertEquals("story_not_found", missing.code());
        assertEquals(404, world.pat.get("stories/not-a-uuid").status());
    }
}
