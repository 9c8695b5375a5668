package org.colearn.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A stage's place: who publishes, and whom each person calls when there is no media server. */
class StagePlaceTest {

    static final Place.Person FAY = new Place.Person(UUID.randomUUID(), "Fay Facilitator", null);
    static final Place.Person AMIR = new Place.Person(UUID.randomUUID(), "Amir Ashford", "Ashford");
    static final Place.Person BEN = new Place.Person(UUID.randomUUID(), "Ben Bromley", "Bromley");
    static final List<Place.Person> EVERYONE = List.of(FAY, AMIR, BEN);

    @Test
    void theAudienceOfAStageCallsOnlyWhoeverIsOnItAndPublishesNothing() {
        Place stage = new Place(Place.PLENARY, "the plenary", EVERYONE, false, Set.of(FAY.id()));
        ObjectNode amir = Assignments.peer(stage, AMIR.id());
        assertEquals(List.of("Fay Facilitator"), names(amir));
        assertFalse(amir.path("publish").asBoolean());
        assertTrue(amir.path("stage").asBoolean());
        ObjectNode fay = Assignments.peer(stage, FAY.id());
        assertEquals(List.of("Amir Ashford", "Ben Bromley"), names(fay));
        assertTrue(fay.path("publish").asBoolean());
    }

    @Test
    void withoutAStageEveryoneCallsEveryoneAndPublishes() {
        Place plenary = new Place(Place.PLENARY, "the plenary", EVERYONE, false);
        ObjectNode amir = Assignments.peer(plenary, AMIR.id());
        assertEquals(List.of("Fay Facilitator", "Ben Bromley"), names(amir));
        assertTrue(amir.path("publish").asBoolean());
        assertFalse(amir.has("stage"));
    }

    private static List<String> names(JsonNode assignment) {
        List<String> names = new ArrayList<>();
        assignment.path("peers").forEach(peer -> names.add(peer.path("name").asText()));
        return names;
    }
}
