package org.colearn.plugin.failurecircle;

import static org.colearn.plugin.failurecircle.Circles.story;
import static org.colearn.plugin.failurecircle.Circles.titles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.colearn.plugin.api.ActivityException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stories brought to the room one at a time, by facilitators or a chosen storyteller, each with its time. */
class FloorTest {

    Circles circle;

    @BeforeEach
    void start() throws ActivityException {
        circle = Circles.withTwoStories();
    }

    @Test
    void sharingBringsAStoryToTheRoomAndTheOneBeforeJoinsTheStoriesShared() throws ActivityException {
        circle.send(circle.fiona, "share", "storyId", "amira-0001");
        JsonNode view = circle.view(circle.tara);
        assertEquals("Huddles nobody came to", view.path("current").path("title").asText());
        assertEquals("Amira Khan", view.path("current").path("credit").asText());
        assertEquals(circle.harness.now().plus(Duration.ofMinutes(8)).toString(), view.path("current").path("endsAt").asText());
        assertEquals(1, view.path("queueSize").asInt());
        circle.send(circle.fiona, "share", "storyId", "ben-anon-01");
        view = circle.view(circle.tara);
        assertEquals("Falls bundle", view.path("current").path("title").asText());
        assertTrue(view.path("current").path("credit").isNull(), "an anonymous story is read without any author");
        assertEquals(List.of("Huddles nobody came to"), titles(view.path("shared")));
        assertEquals("not_queued", assertThrows(ActivityException.class,
                () -> circle.send(circle.fiona, "share", "storyId", "amira-0001")).code());
        assertEquals("no_such_story", assertThrows(ActivityException.class,
                () -> circle.send(circle.fiona, "share", "storyId", "nothing-here")).code());
    }

    @Test
    void onlyAFacilitatorOrTheStorytellerTheyChoseSharesStories() throws ActivityException {
        assertEquals("not_storyteller", assertThrows(ActivityException.class,
                () -> circle.send(circle.tara, "share", "storyId", "amira-0001")).code());
        assertEquals("facilitators_only", assertThrows(ActivityException.class,
                () -> circle.send(circle.tara, "storyteller", "circle", "plenary", "personId", circle.tara.personId())).code());
        circle.send(circle.fiona, "storyteller", "circle", null, "personId", circle.tara.personId());
        JsonNode taras = circle.view(circle.tara);
        assertTrue(taras.path("storyteller").asBoolean());
        assertEquals(List.of("Huddles nobody came to", "Falls bundle"), titles(taras.path("circles").get(0).path("queue")),
                "the storyteller sees their circle's queue");
        circle.send(circle.tara, "share", "storyId", "amira-0001");
        assertEquals("amira-0001", circle.view(circle.fiona).path("circles").get(0).path("current").asText());
        circle.send(circle.fiona, "storyteller", "circle", "plenary", "personId", null);
        assertEquals("not_storyteller", assertThrows(ActivityException.class,
                () -> circle.send(circle.tara, "share", "storyId", "ben-anon-01")).code());
        assertFalse(circle.view(circle.tara).path("storyteller").asBoolean());
    }

    @Test
    void aStorytellerMustBeHere() {
        circle.harness.leave(circle.tara);
        assertEquals("not_present", assertThrows(ActivityException.class,
                () -> circle.send(circle.fiona, "storyteller", "circle", "plenary", "personId", circle.tara.personId())).code());
    }

    @Test
    void theTimerMarksTheStorysTimeAsUpAndLeavesMovingOnToPeople() throws ActivityException {
        circle.send(circle.fiona, "share", "storyId", "amira-0001");
        circle.harness.advance(Duration.ofMinutes(7));
        assertFalse(circle.view(circle.ben).path("current").path("timeUp").asBoolean());
        circle.harness.advance(Duration.ofMinutes(1));
        JsonNode current = circle.view(circle.ben).path("current");
        assertTrue(current.path("timeUp").asBoolean());
        assertEquals("amira-0001", current.path("id").asText(), "the story stays until someone shares the next");
        circle.send(circle.fiona, "share", "storyId", "ben-anon-01");
        assertFalse(circle.view(circle.ben).path("current").path("timeUp").asBoolean());
    }

    @Test
    void aStoryBeingToldSurvivesARestartAndItsTimerStillFires() throws ActivityException {
        circle.send(circle.fiona, "share", "storyId", "amira-0001");
        circle.harness.restart();
        circle.harness.advance(Duration.ofMinutes(8));
        assertTrue(circle.view(circle.ben).path("current").path("timeUp").asBoolean());
    }

    @Test
    void aCircleWhoseStoriesWouldHaveNoTimeOrNoPromptIsRefusedWhilePlanned() {
        FailureCircleActivityType type = new FailureCircleActivityType();
        ActivityException noTime = assertThrows(ActivityException.class, () -> type.check(new CircleConfig("Why?", false, 0)));
        assertEquals("minutesPerStory", noTime.field());
        assertEquals("invalid_config", assertThrows(ActivityException.class,
                () -> type.check(new CircleConfig("Why?", false, 61))).code());
        assertEquals("prompt", assertThrows(ActivityException.class, () -> type.check(new CircleConfig(" ", true, 8))).field());
    }
}
