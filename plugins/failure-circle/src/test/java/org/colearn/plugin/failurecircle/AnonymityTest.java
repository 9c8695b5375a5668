package org.colearn.plugin.failurecircle;

import static org.colearn.plugin.failurecircle.Circles.KEY;
import static org.colearn.plugin.failurecircle.Circles.story;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.testkit.ActivityHarness;
import org.junit.jupiter.api.Test;

/**
 * An anonymous story keeps no link to its teller anywhere the server stores or sends: not in the state it logs, not in
 * anyone's view, not in the published result. Only the hash of the teller's key is kept.
 */
class AnonymityTest {

    @Test
    void anAnonymousStoryToldSharedAnsweredAndPublishedLeavesNoTraceOfItsTeller() throws Exception {
        Circles circle = new Circles();
        Participant teller = circle.tara;
        circle.submit(teller, story("tara-anon-1", "anonymous", KEY, "title", "Falls bundle"));
        circle.send(circle.fiona, "share", "storyId", "tara-anon-1");
        circle.send(circle.amira, "react", "storyId", "tara-anon-1", "kind", "thanks");
        circle.send(circle.ben, "react", "storyId", "tara-anon-1", "kind", "seen_too");
        circle.send(circle.amira, "takeBack", "storyId", "tara-anon-1", "text", "Check the bundle at night");
        circle.send(circle.fiona, "takeBack", "storyId", "tara-anon-1", "text", "Share with the ward managers");
        circle.send(teller, "publish", "storyId", "tara-anon-1", "key", KEY, "visibility", "collaborative",
                "confirmNotIdentifying", false);

        String state = json(circle.harness.state());
        assertTrue(state.contains(Tellers.hash(KEY)), "the state recognises the teller by the hash of their key");
        List<String> everything = new ArrayList<>(List.of(state));
        for (Participant viewer : List.of(circle.fiona, circle.amira, circle.ben, teller)) {
            everything.add(withoutRoster(circle.view(viewer)).toString());
        }
        CircleResult result = (CircleResult) circle.harness.published().get("Failure-story circle");
        everything.addAll(List.of(json(result), result.markdown(), result.table().toString()));
        for (String text : everything) {
            for (String trace : List.of("\"" + teller.personId() + "\"", teller.name(), teller.site(), KEY)) {
                assertFalse(text.contains(trace), "found " + trace + " in " + text);
            }
        }
        assertEquals("Falls bundle", circle.view(teller).path("current").path("title").asText());
        assertFalse(circle.view(teller).path("current").path("yours").asBoolean(), "not even its teller is told it is theirs");
        assertEquals("published", circle.view(circle.amira).path("current").path("consent").asText());
    }

    @Test
    void anAnonymousTellerReactingToTheirOwnStoryIsCountedAndNamedToNobody() throws ActivityException {
        Circles circle = new Circles();
        Participant teller = circle.tara;
        circle.submit(teller, story("tara-anon-1", "anonymous", KEY, "title", "Falls bundle"));
        circle.send(circle.fiona, "share", "storyId", "tara-anon-1");
        circle.send(teller, "react", "storyId", "tara-anon-1", "kind", "thanks");
        circle.send(circle.amira, "react", "storyId", "tara-anon-1", "kind", "thanks");
        for (Participant viewer : List.of(circle.fiona, circle.amira, circle.ben)) {
            JsonNode view = withoutRoster(circle.view(viewer));
            assertEquals(2, view.path("current").path("reactions").path("thanks").asInt());
            for (String trace : List.of(teller.personId(), teller.name(), teller.site())) {
                assertFalse(view.toString().contains(trace), "the view of " + viewer.name() + " names " + trace);
            }
        }
        assertEquals("[\"thanks\"]", circle.view(teller).path("current").path("myReactions").toString(),
                "the teller sees only that they gave it");
    }

    /**
     * A view without the facilitators' list of who is in each circle: it shows everyone present, whatever they tell,
     * as the session's roster does.
     */
    private static JsonNode withoutRoster(JsonNode view) {
        JsonNode copy = view.deepCopy();
        copy.path("circles").forEach(desk -> ((ObjectNode) desk).remove("present"));
        return copy;
    }

    @Test
    void aFacilitatorsAnonymousStoryIsNotMarkedAsFacultys() throws ActivityException {
        Circles circle = new Circles();
        circle.submit(circle.fiona, story("fiona-anon1", "anonymous", KEY));
        circle.send(circle.fiona, "share", "storyId", "fiona-anon1");
        assertFalse(circle.view(circle.amira).path("current").path("faculty").asBoolean());
        circle.submit(circle.fiona, story("fiona-named", "person", null));
        circle.send(circle.fiona, "share", "storyId", "fiona-named");
        assertTrue(circle.view(circle.amira).path("current").path("faculty").asBoolean());
    }

    @Test
    void everyMessageATellerSendsAboutTheirOwnStoryIsUnattributedInTheSessionLog() {
        assertEquals(Set.of("submit", "bring", "publish", "keep", "withdraw"), new FailureCircleActivityType().unattributedMessages());
    }

    private static String json(Object value) throws JsonProcessingException {
        return ActivityHarness.JSON.writeValueAsString(value);
    }
}
