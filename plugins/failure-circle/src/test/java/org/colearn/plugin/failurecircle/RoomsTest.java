package org.colearn.plugin.failurecircle;

import static org.colearn.plugin.failurecircle.Circles.KEY;
import static org.colearn.plugin.failurecircle.Circles.story;
import static org.colearn.plugin.failurecircle.Circles.titles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.colearn.plugin.api.ActivityException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With circles in rooms, each breakout room has its own queue, stories and notes; whoever is in no room, the plenary's. */
class RoomsTest {

    Circles circle;

    @BeforeEach
    void start() throws ActivityException {
        circle = new Circles(new CircleConfig("What did we try that did not work?", true, 5));
        circle.harness.rooms().put("r1", new ArrayList<>(List.of(circle.amira.personId())));
        circle.harness.rooms().put("r2", new ArrayList<>(List.of(circle.ben.personId())));
        circle.submit(circle.amira, story("amira-0001", "person", null, "title", "Room one story"));
        circle.submit(circle.ben, story("ben-anon-01", "anonymous", KEY, "title", "Room two story"));
        circle.submit(circle.tara, story("tara-000001", "person", null, "title", "Plenary story"));
    }

    @Test
    void eachRoomHasItsOwnQueueAndFacilitatorsSeeEveryCircle() {
        JsonNode desks = circle.view(circle.fiona).path("circles");
        assertEquals(List.of("plenary", "r1", "r2"), List.of(desks.get(0).path("circle").asText(),
                desks.get(1).path("circle").asText(), desks.get(2).path("circle").asText()));
        assertEquals(List.of("Plenary story"), titles(desks.get(0).path("queue")));
        assertEquals(List.of("Room one story"), titles(desks.get(1).path("queue")));
        assertEquals("Room circle 2", desks.get(2).path("name").asText());
        assertEquals(1, circle.view(circle.amira).path("queueSize").asInt());
        assertEquals("r1", circle.view(circle.amira).path("circle").asText());
        assertEquals("plenary", circle.view(circle.tara).path("circle").asText());
    }

    @Test
    void facilitatorsSeeWhoIsInEachCircleAndChooseItsStorytellerThere() throws ActivityException {
        JsonNode desks = circle.view(circle.fiona).path("circles");
        assertEquals(List.of("Fiona Facilitator", "Tara Quist"), names(desks.get(0).path("present")));
        assertEquals(List.of("Amira Khan"), names(desks.get(1).path("present")));
        assertEquals(circle.amira.personId(), desks.get(1).path("present").get(0).path("personId").asText());
        assertEquals(List.of("Ben Ode"), names(desks.get(2).path("present")));
        circle.send(circle.fiona, "storyteller", "circle", "r1", "personId", circle.amira.personId());
        assertTrue(circle.view(circle.fiona).path("circles").get(1).path("present").get(0).path("storyteller").asBoolean());
        JsonNode amiras = circle.view(circle.amira);
        assertTrue(amiras.path("storyteller").asBoolean(), "Amira is told she is the storyteller");
        assertEquals(List.of("Room one story"), titles(amiras.path("circles").get(0).path("queue")));
        assertTrue(amiras.path("circles").get(0).path("present").isNull(), "a storyteller gets no list of people");
        assertTrue(circle.view(circle.ben).path("circles").isNull(), "nor does anyone else");
        circle.send(circle.amira, "share", "storyId", "amira-0001");
        assertEquals("Room one story", circle.view(circle.amira).path("current").path("title").asText());
    }

    private static List<String> names(JsonNode people) {
        List<String> names = new ArrayList<>();
        people.forEach(person -> names.add(person.path("name").asText()));
        return names;
    }

    @Test
    void storiesAndNotesOfOneRoomStayInThatRoom() throws ActivityException {
        circle.send(circle.fiona, "share", "storyId", "amira-0001");
        circle.send(circle.fiona, "share", "storyId", "ben-anon-01");
        circle.send(circle.amira, "takeBack", "storyId", "amira-0001", "text", "Room one takes this back");
        assertEquals("Room one story", circle.view(circle.amira).path("current").path("title").asText());
        JsonNode bens = circle.view(circle.ben);
        assertEquals("Room two story", bens.path("current").path("title").asText());
        assertTrue(!bens.toString().contains("Room one"), bens.toString());
        assertTrue(circle.view(circle.tara).path("current").isNull());
        assertEquals("not_in_your_circle", assertThrows(ActivityException.class,
                () -> circle.send(circle.ben, "takeBack", "storyId", "amira-0001", "text", "From elsewhere")).code());
        assertEquals("not_in_your_circle", assertThrows(ActivityException.class,
                () -> circle.send(circle.ben, "react", "storyId", "amira-0001", "kind", "thanks")).code());
    }

    @Test
    void aRoomsStorytellerSharesOnlyInTheirRoomAndFacilitatorsOfferIntoARoom() throws ActivityException {
        circle.send(circle.fiona, "storyteller", "circle", "r1", "personId", circle.amira.personId());
        circle.send(circle.amira, "share", "storyId", "amira-0001");
        assertEquals("not_storyteller", assertThrows(ActivityException.class,
                () -> circle.send(circle.amira, "share", "storyId", "ben-anon-01")).code());
        String approved = circle.stories.approved("Sepsis screening at triage", "Bromley team");
        circle.send(circle.fiona, "offer", "storyId", approved, "circle", "r2");
        assertEquals(2, circle.view(circle.ben).path("queueSize").asInt());
    }

    @Test
    void aTellerBackInThePlenaryStillDecidesOnTheStoryTheyToldInTheirRoom() throws ActivityException {
        circle.send(circle.fiona, "share", "storyId", "amira-0001");
        circle.harness.rooms().clear();
        JsonNode decision = circle.view(circle.amira).path("decisions").get(0);
        assertEquals("Room one story", decision.path("title").asText());
        assertEquals("open", decision.path("consent").asText());
        circle.send(circle.amira, "publish", "storyId", "amira-0001", "key", null, "visibility", "session",
                "confirmNotIdentifying", false);
        assertEquals(1, circle.stories.published.size());
    }
}
