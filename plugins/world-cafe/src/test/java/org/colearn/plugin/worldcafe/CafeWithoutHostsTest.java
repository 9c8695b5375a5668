package org.colearn.plugin.worldcafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.testkit.ActivityHarness;
import org.junit.jupiter.api.Test;

/** A café without hosts: everyone moves every round, nobody stays to brief a table. */
class CafeWithoutHostsTest {

    @Test
    void withoutHostsNineMeetAllEightOthersInFourRoundsAndNoTableHasAHost() throws ActivityException {
        ActivityHarness<CafeConfig, CafeState> cafe = ActivityHarness.start(new WorldCafeActivityType(),
                CafeTest.config(3, 4, "none"));
        Participant fiona = cafe.join("Fiona Facilitator", null, "manager", true);
        List<Participant> people = CafeTest.joinNine(cafe);
        assertEquals("With 9 people here at 3 tables, at most 4 rounds can be free of repeats: each round seats 9 pairs "
                + "of tablemates, and 9 people make only 36 pairs. All 4 rounds asked for can be.",
                cafe.view(fiona).path("console").path("repeatFree").asText());
        ActivityException refused = assertThrows(ActivityException.class,
                () -> cafe.send(people.get(0), "volunteer", "{\"host\":true}"));
        assertEquals("hosts_not_volunteered", refused.code());

        cafe.send(fiona, "begin", "{}");
        Map<String, Set<String>> met = new HashMap<>();
        for (int round = 1; round <= 4; round++) {
            for (JsonNode table : cafe.view(fiona).path("console").path("tables")) {
                assertTrue(table.path("host").isNull(), "no host at table " + table.path("number") + " in round " + round);
            }
            for (Participant person : people) {
                JsonNode view = cafe.view(person);
                assertEquals(round, view.path("round").asInt());
                assertFalse(view.path("table").path("host").asBoolean(), person.name() + " hosts nothing");
                assertTrue(view.path("table").path("hostPerson").isNull());
                assertFalse(view.path("next").path("stay").asBoolean(), person.name() + " is never told to stay");
                view.path("table").path("members").forEach(member -> {
                    String other = member.path("personId").asText();
                    if (!other.equals(person.personId())) {
                        met.computeIfAbsent(person.personId(), k -> new HashSet<>()).add(other);
                    }
                });
            }
            cafe.send(fiona, "nextRound", "{}");
        }
        for (Participant person : people) {
            assertEquals(8, met.get(person.personId()).size(), person.name() + " met all eight others, each once");
        }
    }
}
