package org.colearn.plugin.worldcafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.testkit.ActivityHarness;
import org.junit.jupiter.api.Test;

/** A table opened for people who came late gets a host, who is told so before the round and stays there. */
class CafeLateTableTest {

    @Test
    void aTableOpenedForLateJoinersIsHostedByTheLatestArrivalWhoIsToldBeforeTheRound() throws ActivityException {
        ActivityHarness<CafeConfig, CafeState> cafe = ActivityHarness.start(new WorldCafeActivityType(),
                CafeTest.config(3, 3, "automatic"));
        Participant fiona = cafe.join("Fiona Facilitator", null, "manager", true);
        CafeTest.joinNine(cafe);
        cafe.send(fiona, "begin", "{}");
        Participant late = cafe.join("Late Lucy", "Aldershot", "doctor", false);

        JsonNode next = cafe.view(fiona).path("console").path("next");
        assertEquals(4, next.path("tables").size(), "ten people at tables of three need a fourth table: " + next);
        for (JsonNode table : next.path("tables")) {
            assertTrue(!table.path("host").isNull(), "table " + table.path("number") + " has a host: " + next);
        }
        assertEquals("Late Lucy", next.path("tables").get(3).path("host").path("name").asText());
        JsonNode told = cafe.view(late).path("next");
        assertEquals(4, told.path("table").asInt(), told::toString);
        assertTrue(told.path("host").asBoolean(), "Lucy is told she will host table 4: " + told);

        cafe.send(fiona, "nextRound", "{}");
        JsonNode view = cafe.view(late);
        assertEquals(4, view.path("table").path("number").asInt());
        assertTrue(view.path("table").path("host").asBoolean(), "she hosts table 4: " + view.path("table"));
        assertTrue(view.path("next").path("stay").asBoolean(), "and stays there for round 3");
    }
}
