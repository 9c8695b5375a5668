package org.colearn.server.stories;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The story form has one set of rules: Pat sends the same stories to the catalogue's page and to a live failure-story
 * circle, and each is accepted by both or refused by both, for the same part.
 */
@Timeout(120)
class StoryFormRulesIT {

    static StoryWorld world;
    static LiveClient pat;

    @BeforeAll
    static void setUp() {
        world = new StoryWorld();
        String sessionId = People.session(world.fiona, world.collaborative, "Learning session 4", 60, List.of(Map.of(
                "title", "Failure-story circle", "activityType", "failure-circle", "plannedMinutes", 40)));
        LiveClient fiona = LiveClient.join(world.server, sessionId, world.fiona.bearerToken(), "fiona-laptop", null);
        pat = LiveClient.join(world.server, sessionId, world.pat.bearerToken(), "pat-phone", null);
        assertEquals(true, fiona.request("session.start", bodyOf()).path("ok").asBoolean());
        assertEquals(true, fiona.request("agenda.goto", bodyOf("index", 0)).path("ok").asBoolean());
        fiona.close();
    }

    @AfterAll
    static void tearDown() {
        pat.close();
        world.close();
    }

    @Test
    void theCircleAcceptsAndRefusesExactlyTheStoriesTheCatalogueDoes() {
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("a complete story", Map.of());
        cases.put("twelve tags", Map.of("tags", tags(12)));
        cases.put("thirteen tags", Map.of("tags", tags(13)));
        cases.put("a tag of two words in capitals", Map.of("tags", List.of("Night shifts")));
        cases.put("a tag of 41 letters", Map.of("tags", List.of("t".repeat(41))));
        cases.put("a title of 201 characters", Map.of("title", "x".repeat(201)));
        cases.put("a blank topic", Map.of("topic", "  "));
        cases.put("no change idea", Map.of("changeIdea", ""));
        cases.put("what we learned in 4,001 characters", Map.of("whatWeLearned", "y".repeat(4001)));
        cases.put("what we would do differently left out", Map.of("whatWeWouldDoDifferently", ""));
        cases.put("a title on two lines", Map.of("title", "Screening lost\nat night"));
        cases.put("what happened on two lines", Map.of("whatHappened", "Night shifts skipped it.\nDay shifts did not."));

        List<String> catalogue = new ArrayList<>();
        List<String> circle = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Map<String, Object>> story : cases.entrySet()) {
            Map<String, Object> fields = new LinkedHashMap<>(StoryWorld.story("person", "pair"));
            fields.putAll(story.getValue());
            catalogue.add(story.getKey() + ": " + catalogueAnswer(fields));
            circle.add(story.getKey() + ": " + circleAnswer("form-rule-" + (++n) + "-ref", fields));
        }
        assertEquals(catalogue, circle);
        assertEquals("twelve tags: accepted", catalogue.get(1), "the catalogue takes twelve tags");
        assertEquals("thirteen tags: refused (tags)", catalogue.get(2));
    }

    /** "accepted", or "refused (part)" with the part by the names of the circle's form. */
    private static String catalogueAnswer(Map<String, Object> story) {
        Api.Reply reply = world.pat.post("collaboratives/" + world.collaborative + "/stories", story);
        if (reply.status() == 201) {
            return "accepted";
        }
        assertEquals(List.of("validation_failed", "invalid_value").contains(reply.code()), true, reply::toString);
        return "refused (" + part(reply.json().path("errors").get(0).path("field").asText()) + ")";
    }

    private static String circleAnswer(String ref, Map<String, Object> story) {
        ObjectNode submit = bodyOf("ref", ref, "title", story.get("title"), "topic", story.get("topic"),
                "changeIdea", story.get("changeIdea"), "tried", story.get("whatWeTried"), "happened", story.get("whatHappened"),
                "learned", story.get("whatWeLearned"), "differently", story.get("whatWeWouldDoDifferently"),
                "tags", story.get("tags"), "credit", "person");
        submit.put("confirmNotIdentifying", false);
        JsonNode reply = pat.requestHeld(world.server.clock(), "failure-circle.submit", submit);
        if (reply.path("ok").asBoolean()) {
            return "accepted";
        }
        String code = reply.path("error").path("code").asText();
        assertEquals(List.of("invalid_story", "invalid_tags").contains(code), true, reply::toString);
        return "refused (" + reply.path("error").path("field").asText() + ")";
    }

    private static String part(String field) {
        return switch (field) {
            case "whatWeTried" -> "tried";
            case "whatHappened" -> "happened";
            case "whatWeLearned" -> "learned";
            case "whatWeWouldDoDifferently" -> "differently";
            default -> field.startsWith("tags") ? "tags" : field;
        };
    }

    private static List<String> tags(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "tag" + i).toList();
    }
}
