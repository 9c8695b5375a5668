package org.colearn.plugin.failurecircle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.testkit.ActivityHarness;

/** A running circle for tests: a facilitator, three participants from three sites, and an in-memory catalogue. */
final class Circles {

    /** A key as a teller's browser makes one: 32 random bytes in base64url, 43 characters. */
    static final String KEY = "q3W9xZ1-tY7uI0oP_aS4dF6gH8jK2lZ5xC7vB9nM1qE";
    static final String OTHER_KEY = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycA";

    final ActivityHarness<CircleConfig, CircleState> harness;
    final InMemoryStories stories = new InMemoryStories();
    final Participant fiona;
    final Participant amira;
    final Participant ben;
    final Participant tara;

    Circles(CircleConfig config) throws ActivityException {
        harness = ActivityHarness.start(new FailureCircleActivityType(), config);
        harness.useStories(stories);
        fiona = harness.join("Fiona Facilitator", null, "manager", true);
        amira = harness.join("Amira Khan", "Ashford", "nurse", false);
        ben = harness.join("Ben Ode", "Bromley", "doctor", false);
        tara = harness.join("Tara Quist", "Thornbury", "allied_health_professional", false);
    }

    Circles() throws ActivityException {
        this(new CircleConfig("What did we try that did not work?", false, 8));
    }

    /** A circle with two stories waiting: Amira's under her name ("amira-0001"), Ben's anonymous one ("ben-anon-01"). */
    static Circles withTwoStories() throws ActivityException {
        Circles circle = new Circles();
        circle.submit(circle.amira, story("amira-0001", "person", null));
        circle.submit(circle.ben, story("ben-anon-01", "anonymous", KEY, "title", "Falls bundle"));
        return circle;
    }

    /** A story's fields as the guided form sends them, with these changes. */
    static Map<String, Object> story(String ref, String credit, String key, Object... changes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ref", ref);
        body.put("title", "Huddles nobody came to");
        body.put("topic", "Handover");
        body.put("changeIdea", "Safety huddle");
        body.put("tried", "A huddle at 8 every morning");
        body.put("happened", "Night staff had gone home");
        body.put("learned", "Ask who can come before choosing the time");
        body.put("differently", "Hold it at shift change");
        body.put("tags", List.of("handover"));
        body.put("credit", credit);
        body.put("key", key);
        body.put("confirmNotIdentifying", false);
        for (int i = 0; i < changes.length; i += 2) {
            body.put((String) changes[i], changes[i + 1]);
        }
        return body;
    }

    void submit(Participant from, Map<String, Object> story) throws ActivityException {
        send(from, "submit", story);
    }

    /** Sends a message whose body is given as name, value pairs. */
    void send(Participant from, String message, Object... fields) throws ActivityException {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        send(from, message, body);
    }

    void send(Participant from, String message, Map<String, Object> body) throws ActivityException {
        try {
            harness.send(from, message, ActivityHarness.JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    JsonNode view(Participant viewer) {
        return harness.view(viewer);
    }

    /** The titles of a list of stories in a view. */
    static List<String> titles(JsonNode stories) {
        return java.util.stream.StreamSupport.stream(stories.spliterator(), false).map(story -> story.path("title").asText()).toList();
    }
}
