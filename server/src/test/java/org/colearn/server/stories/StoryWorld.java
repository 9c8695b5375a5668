package org.colearn.server.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.colearn.server.testing.AnonymousItems;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;

/**
 * A collaborative with two sites and the people the story tests need: Pat writes, Kim shares Pat's site, Mo is at
 * the other site with the facilitator Fiona, and Stan runs a collaborative of his own.
 */
public final class StoryWorld implements AutoCloseable {

    final TestServer server;
    final Api fiona;
    final Api pat;
    final Api kim;
    final Api mo;
    final Api stan;
    final String collaborative;
    final String otherCollaborative;
    final String kent;
    final String medway;

    StoryWorld() {
        this(TestServer.start());
    }

    /** The same people on a server started as the test needs it (with plugin jars, say). */
    StoryWorld(TestServer server) {
        this.server = server;
        Api api = server.api();
        fiona = api.as(People.signUp(api, "Fiona Facilitator"));
        pat = api.as(People.signUp(api, "Pat Participant"));
        kim = api.as(People.signUp(api, "Kim Colleague"));
        mo = api.as(People.signUp(api, "Mo Medway"));
        stan = api.as(People.signUp(api, "Stan Stranger"));
        collaborative = People.collaborative(fiona, "Sepsis Collaborative");
        kent = People.site(fiona, collaborative, "Kent Community Health", "trust");
        medway = People.site(fiona, collaborative, "Medway Foundation", "trust");
        People.placeMyself(fiona, collaborative, medway);
        String invitation = People.invitation(fiona, collaborative, "participant");
        People.join(pat, invitation, kent, "nurse");
        People.join(kim, invitation, kent, "doctor");
        People.join(mo, invitation, medway, "manager");
        otherCollaborative = People.collaborative(stan, "AKI Collaborative");
    }

    /** A story's fields, with a few changed. */
    public static Map<String, Object> story(String credit, String visibility, Object... overrides) {
        Map<String, Object> story = new HashMap<>(Map.of(
                "title", "Sepsis screening tool ignored at night",
                "topic", "Sepsis",
                "changeIdea", "Screening at triage",
                "whatWeTried", "A paper screening tool stapled to every triage card.",
                "whatHappened", "Night shifts skipped it when the department was full.",
                "whatWeLearned", "Handover huddles made the screening stick better than paper reminders.",
                "whatWeWouldDoDifferently", "Ask the night team to design the prompt.",
                "tags", List.of("Triage", "night shifts"),
                "credit", credit,
                "visibility", visibility));
        for (int i = 0; i < overrides.length; i += 2) {
            story.put((String) overrides[i], overrides[i + 1]);
        }
        return story;
    }

    /**
     * Posts a story and returns the whole answer ({@code item} and, for anonymous ones, {@code editKey}); an anonymous
     * one is written to the catalogue before this returns.
     */
    JsonNode post(Api author, Map<String, Object> story) {
        Api.Reply reply = author.post("collaboratives/" + collaborative + "/stories", story);
        assertEquals(201, reply.status(), reply::toString);
        if ("nobody".equals(story.get("credit"))) {
            assertEquals("posting", reply.json().path("item").path("status").asText(), reply::toString);
            AnonymousItems.written(server);
        }
        return reply.json();
    }

    void approve(String storyId) {
        Api.Reply reply = fiona.post("stories/" + storyId + "/moderation", Map.of("action", "approve"));
        assertEquals(200, reply.status(), reply::toString);
    }

    String accountId(Api person) {
        return person.get("me").json().path("id").asText();
    }

    String memberId(Api person) {
        for (JsonNode c : person.get("collaboratives").json()) {
            if (c.path("id").asText().equals(collaborative)) {
                return c.path("myMemberId").asText();
            }
        }
        throw new AssertionError("not a member");
    }

    /** The titles of the catalogue as a person sees it, with optional query parameters. */
    List<String> titles(Api person, String query) {
        Api.Reply reply = person.get("collaboratives/" + collaborative + "/stories" + (query.isEmpty() ? "" : "?" + query));
        assertEquals(200, reply.status(), reply::toString);
        return java.util.stream.StreamSupport.stream(reply.json().spliterator(), false)
                .map(story -> story.path("title").asText())
                .toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
