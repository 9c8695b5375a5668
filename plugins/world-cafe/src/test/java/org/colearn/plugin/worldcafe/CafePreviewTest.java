package org.colearn.plugin.worldcafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.testkit.ActivityHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The facilitator's preview of the next round, which no participant receives, and the sites' lasting colours. */
class CafePreviewTest {

    ActivityHarness<CafeConfig, CafeState> cafe;
    Participant fiona;
    final List<Participant> people = new ArrayList<>();

    @BeforeEach
    void start() throws ActivityException {
        cafe = ActivityHarness.start(new WorldCafeActivityType(), CafeTest.config(3, 2, "automatic"));
        fiona = cafe.join("Fiona Facilitator", "Head office", "manager", true);
        for (int i = 0; i < 9; i++) {
            people.add(cafe.join("Person " + (i + 1), CafeTest.SITES.get(i % 4), CafeTest.PROFESSIONS.get(i % 2), false));
        }
    }

    @Test
    void facilitatorSeesTheNextRoundsTablesHostsAndMovesAsEachParticipantIsToldThem() throws ActivityException {
        cafe.send(fiona, "begin", "{}");
        JsonNode next = cafe.view(fiona).path("console").path("next");
        assertEquals(2, next.path("round").asInt(), next::toString);
        assertEquals("What got in the way?", next.path("question").asText());
        Map<String, Integer> planned = seats(next.path("tables"));
        assertEquals(9, planned.size(), "everyone has a seat in the next round: " + next);
        Map<String, Integer> now = seats(cafe.view(fiona).path("console").path("tables"));
        for (JsonNode table : next.path("tables")) {
            String host = table.path("host").path("personId").asText();
            assertEquals(now.get(host), table.path("number").asInt(), "the host of table " + table.path("number") + " stays");
        }
        int moves = 0;
        for (Participant person : people) {
            int to = planned.get(person.personId());
            assertEquals(to, cafe.view(person).path("next").path("table").asInt(),
                    person.name() + " is told the table the facilitator sees for them");
            JsonNode move = move(next, person);
            if (to == now.get(person.personId())) {
                assertTrue(move.isMissingNode(), "someone who stays is not listed as moving: " + move);
            } else {
                moves++;
                assertEquals(now.get(person.personId()), move.path("from").asInt(), person.name() + " moves from their table now");
                assertEquals(to, move.path("to").asInt());
            }
        }
        assertEquals(6, moves, "everyone but the three hosts moves");
        assertTrue(next.path("report").path("perfect").asBoolean(), "the next round meets every rule: " + next.path("report"));
    }

    @Test
    void aParticipantsViewHoldsNoTraceOfTheNextRoundsTables() throws ActivityException {
        cafe.send(fiona, "begin", "{}");
        Map<String, Integer> now = seats(cafe.view(fiona).path("console").path("tables"));
        Map<String, Integer> planned = seats(cafe.view(fiona).path("console").path("next").path("tables"));
        int hidden = 0;
        for (Participant person : people) {
            JsonNode view = cafe.view(person);
            String json = view.toString();
            assertTrue(view.path("console").isNull(), "no console for a participant");
            assertFalse(json.contains("\"moves\"") || json.contains("\"tables\""), () -> "no plan of tables: " + json);
            for (Participant other : people) {
                boolean futureTablemate = other != person && planned.get(other.personId()).equals(planned.get(person.personId()))
                        && !now.get(other.personId()).equals(now.get(person.personId()));
                if (futureTablemate) {
                    hidden++;
                    assertFalse(json.contains("\"" + other.personId() + "\"") || json.contains("\"" + other.name() + "\""),
                            () -> person.name() + " does not learn that " + other.name() + " joins their next table: " + json);
                }
            }
        }
        assertTrue(hidden >= 9, "every participant has someone new at their next table: " + hidden);
    }

    @Test
    void previewFollowsAPinAHostWhoLeavesAndAMoveAndTheTableGoesToSomeoneNotPinnedElsewhere() throws ActivityException {
        cafe.send(fiona, "begin", "{}");
        JsonNode tableOne = cafe.view(fiona).path("console").path("tables").get(0);
        Participant host = person(tableOne.path("host").path("personId").asText());
        Participant pinned = person(tableOne.path("members").get(1).path("personId").asText());
        Participant heir = person(tableOne.path("members").get(2).path("personId").asText());
        cafe.send(fiona, "pin", "{\"personId\":\"" + pinned.personId() + "\",\"table\":2}");
        assertEquals(2, seats(next().path("tables")).get(pinned.personId()), "the preview shows the pin: " + next());

        cafe.leave(host);
        assertEquals(heir.personId(), hosts(next()).get(1),
                "table 1 goes to the one who sits there and is not pinned to another table: " + next());
        assertEquals(List.of(host.name()), names(next().path("away")),
                "someone away is listed as such: they keep their place in the plan until the next round starts");

        Participant moved = people.stream().filter(p -> p != pinned && p != host && !hosts(next()).containsValue(p.personId()))
                .findFirst().orElseThrow();
        int to = seats(cafe.view(fiona).path("console").path("tables")).get(moved.personId()) % 3 + 1;
        cafe.send(fiona, "move", "{\"personId\":\"" + moved.personId() + "\",\"table\":" + to + "}");
        int then = seats(next().path("tables")).get(moved.personId());
        JsonNode move = move(next(), moved);
        assertEquals(to == then ? null : String.valueOf(to), move.isMissingNode() ? null : move.path("from").asText(),
                "the preview moves " + moved.name() + " on from the table they were moved to: " + next());
    }

    @Test
    void nextRoundsReportSaysWhatThatRoundCannotMeetInNames() throws ActivityException {
        cafe = ActivityHarness.start(new WorldCafeActivityType(), CafeTest.config(2, 2, "facilitator"));
        fiona = cafe.join("Fiona Facilitator", null, "manager", true);
        List<Participant> four = new ArrayList<>();
        for (String name : List.of("Hana Ito", "Ivan Petrov", "Jade Okoro", "Kai Brown")) {
            four.add(cafe.join(name, name.split(" ")[1] + " Hospital", "nurse", false));
        }
        cafe.send(fiona, "pickHost", "{\"personId\":\"" + four.get(0).personId() + "\",\"host\":true}");
        cafe.send(fiona, "pickHost", "{\"personId\":\"" + four.get(1).personId() + "\",\"host\":true}");
        cafe.send(fiona, "pin", "{\"personId\":\"" + four.get(2).personId() + "\",\"table\":1}");
        cafe.send(fiona, "begin", "{}");
        JsonNode report = next().path("report");
        assertFalse(report.path("perfect").asBoolean(), report::toString);
        assertEquals(2, report.path("repeats").asInt(), "two hosts, four people: both tables repeat in round 2: " + report);
        String host = cafe.view(four.get(2)).path("table").path("hostPerson").path("name").asText();
        assertTrue(names(report.path("lines")).stream().anyMatch(line -> line.contains(host) && line.contains("Jade Okoro")
                && line.endsWith("sit together again in rounds 1, 2.")), report::toString);

        cafe.send(fiona, "nextRound", "{}");
        assertTrue(cafe.view(fiona).path("console").path("next").isNull(), "after the last round's start, nothing comes next");
    }

    @Test
    void aLateSiteTakesTheNextColourAndEarlierSitesKeepTheirs() throws ActivityException {
        Map<String, Integer> before = colours();
        assertEquals(Map.of("Ashford", 0, "Bromley", 1, "Croydon", 2, "Dartford", 3), before,
                "sites are coloured in the order they came; a facilitator's site is not on the plan");
        cafe.send(fiona, "begin", "{}");
        cafe.join("Late Lucy", "Aldershot", "doctor", false);
        cafe.join("Late Len", "Bromley", "nurse", false);
        cafe.restart();
        Map<String, Integer> after = colours();
        assertEquals(Map.of("Ashford", 0, "Bromley", 1, "Croydon", 2, "Dartford", 3, "Aldershot", 4), after,
                "Aldershot, first by name, comes last by colour; the others keep theirs, after a restart too");
    }

    @Test
    void aCafeKeptBeforeSitesHadAnOrderOfTheirOwnTakesItFromTheOrderPeopleCameIn() throws Exception {
        cafe.join("Late Lucy", "Aldershot", "doctor", false);
        ObjectNode kept = ActivityHarness.JSON.valueToTree(cafe.state());
        kept.remove("sites");
        assertEquals(List.of("Ashford", "Bromley", "Croydon", "Dartford", "Aldershot"),
                Model.from(ActivityHarness.JSON.treeToValue(kept, CafeState.class)).sites);
    }

    private JsonNode next() {
        return cafe.view(fiona).path("console").path("next");
    }

    private Map<String, Integer> colours() {
        Map<String, Integer> colours = new HashMap<>();
        cafe.view(fiona).path("console").path("sites").forEach(site -> colours.put(site.path("site").asText(), site.path("colour").asInt()));
        return colours;
    }

    private Participant person(String personId) {
        return people.stream().filter(p -> p.personId().equals(personId)).findFirst().orElseThrow();
    }

    private static JsonNode move(JsonNode next, Participant person) {
        for (JsonNode move : next.path("moves")) {
            if (move.path("person").path("personId").asText().equals(person.personId())) {
                return move;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** Table number (from 1) of everyone at these tables. */
    private static Map<String, Integer> seats(JsonNode tables) {
        Map<String, Integer> seated = new HashMap<>();
        for (JsonNode table : tables) {
            table.path("members").forEach(member -> seated.put(member.path("personId").asText(), table.path("number").asInt()));
        }
        return seated;
    }

    private static Map<Integer, String> hosts(JsonNode next) {
        Map<Integer, String> hosts = new HashMap<>();
        next.path("tables").forEach(table -> hosts.put(table.path("number").asInt(), table.path("host").path("personId").asText()));
        return hosts;
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(item -> names.add(item.isTextual() ? item.asText() : item.path("name").asText()));
        return names;
    }
}
