package org.colearn.plugin.worldcafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.testkit.ActivityHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A café run through the plugin test kit: rounds on a manual clock, people coming and going, notes and the harvest. */
class CafeTest {

    static final List<String> SITES = List.of("Ashford", "Bromley", "Croydon", "Dartford");
    static final List<String> PROFESSIONS = List.of("nurse", "doctor");

    ActivityHarness<CafeConfig, CafeState> cafe;
    Participant fiona;
    final List<Participant> people = new ArrayList<>();

    static CafeConfig config(int tableSize, int rounds, String hosts) {
        List<String> questions = rounds == 2 ? List.of("What helped?", "What got in the way?") : List.of("What helped?");
        return new CafeConfig(tableSize, 0, rounds, 15, questions, hosts,
                List.of("insight", "change idea", "question"), true, true, true);
    }

    /** Nine participants from four sites, nurses and doctors in turn, as every café test seats them. */
    static List<Participant> joinNine(ActivityHarness<CafeConfig, CafeState> cafe) {
        List<Participant> nine = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add(cafe.join("Person " + (i + 1), SITES.get(i % 4), PROFESSIONS.get(i % 2), false));
        }
        return nine;
    }

    @BeforeEach
    void start() throws ActivityException {
        cafe = ActivityHarness.start(new WorldCafeActivityType(), config(3, 2, "automatic"));
        fiona = cafe.join("Fiona Facilitator", null, "manager", true);
        people.addAll(joinNine(cafe));
    }

    @Test
    void ninePeopleSitAtThreeTablesWhereHostsStayAndNobodyMeetsATablemateAgain() throws ActivityException {
        cafe.send(fiona, "begin", "{}");
        Map<String, Integer> firstTables = tables();
        Map<Integer, String> firstHosts = hosts();
        assertEquals(3, firstHosts.size(), "every table has a host: " + firstHosts);
        assertEquals(3, cafe.rooms().size(), "one breakout room per table");
        assertEquals(9, firstTables.size(), "everyone is seated");
        for (Participant person : people) {
            JsonNode view = cafe.view(person);
            assertEquals("What helped?", view.path("question").asText());
            assertEquals(firstTables.get(person.personId()), view.path("table").path("number").asInt());
            assertTrue(cafe.rooms().values().stream().anyMatch(room -> room.contains(person.personId())), "in a room");
        }
        Set<Set<String>> metInRoundOne = pairs();

        cafe.send(fiona, "nextRound", "{}");
        assertEquals(2, cafe.view(people.get(0)).path("round").asInt());
        assertEquals("What got in the way?", cafe.view(people.get(0)).path("question").asText());
        assertEquals(firstHosts, hosts(), "hosts stay at their tables");
        Set<Set<String>> again = new HashSet<>(pairs());
        again.retainAll(metInRoundOne);
        assertEquals(Set.of(), again, "nobody sits with a tablemate of round 1 again");
        assertTrue(cafe.view(fiona).path("console").path("report").path("perfect").asBoolean());
    }

    @Test
    void roundTimerWarnsAMinuteBeforeTheEndThenTheNextRoundStartsAndAfterTheLastEveryoneIsBackInThePlenary()
            throws ActivityException {
        cafe.send(fiona, "begin", "{}");
        Participant someone = people.get(0);
        assertEquals(cafe.now().plus(Duration.ofMinutes(15)).toString(), cafe.view(someone).path("roundEndsAt").asText());
        JsonNode next = cafe.view(someone).path("next");
        assertEquals(2, next.path("round").asInt(), "people see where they go next: " + next);

        cafe.advance(Duration.ofMinutes(14));
        assertTrue(cafe.view(someone).path("warning").asBoolean(), "one minute left");
        cafe.advance(Duration.ofMinutes(1));
        assertEquals(2, cafe.view(someone).path("round").asInt());
        assertFalse(cafe.view(someone).path("warning").asBoolean());
        assertEquals(next.path("table").asInt(), cafe.view(someone).path("table").path("number").asInt(),
                "they sit where they were told they would");

        cafe.advance(Duration.ofMinutes(15));
        assertEquals("done", cafe.view(someone).path("phase").asText());
        assertTrue(cafe.rooms().isEmpty(), "everyone is back in the plenary");
        assertTrue(cafe.view(someone).path("table").isNull());
    }

    @Test
    void extendingGivesTheRoundMoreTimeAndEndingItEarlyStartsTheNext() throws ActivityException {
        cafe.send(fiona, "begin", "{}");
        Instant endsAt = Instant.parse(cafe.view(fiona).path("roundEndsAt").asText());
        cafe.send(fiona, "extend", "{\"minutes\":5}");
        assertEquals(endsAt.plus(Duration.ofMinutes(5)).toString(), cafe.view(fiona).path("roundEndsAt").asText());
        cafe.advance(Duration.ofMinutes(15));
        assertEquals(1, cafe.view(fiona).path("round").asInt(), "the round runs on into its extra time");
        assertEquals("facilitator_only", assertThrows(ActivityException.class,
                () -> cafe.send(people.get(0), "nextRound", "{}")).code());
        cafe.send(fiona, "nextRound", "{}");
        assertEquals(2, cafe.view(fiona).path("round").asInt());
        cafe.advance(Duration.ofMinutes(5));
        assertEquals(2, cafe.view(fiona).path("round").asInt(), "the old round's timer is gone with it");
    }

    @Test
    void lateJoinerIsSeatedInTheRunningRoundWithoutMovingAnyoneElse() throws ActivityException {
        cafe.send(fiona, "begin", "{}");
        Map<String, List<String>> before = copy(cafe.rooms());
        Participant late = cafe.join("Late Lucy", "Ashford", "doctor", false);
        JsonNode view = cafe.view(late);
        assertTrue(view.path("table").path("number").asInt() > 0, view::toString);
        for (Map.Entry<String, List<String>> room : before.entrySet()) {
            assertTrue(cafe.rooms().get(room.getKey()).containsAll(room.getValue()), "nobody else moved");
        }
        String lucysRoom = cafe.rooms().entrySet().stream().filter(room -> room.getValue().contains(late.personId()))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        assertEquals(before.get(lucysRoom).size() + 1, cafe.rooms().get(lucysRoom).size());
        cafe.send(fiona, "nextRound", "{}");
        assertTrue(cafe.view(late).path("table").path("number").asInt() > 0, "and she is seated in the next round too");
    }

    @Test
    void aHostWhoLeavesIsReplacedAtOnceBySomeoneFromTheirTableAndWhoeverLeftHasNoSeatNextRound() throws ActivityException {
        cafe.send(fiona, "begin", "{}");
        Participant host = person(hosts().get(1));
        List<String> hostsTable = tablemates(host);
        cafe.leave(host);
        String newHost = hosts().get(1);
        assertTrue(newHost != null && hostsTable.contains(newHost) && !newHost.equals(host.personId()),
                "table 1 is hosted at once by someone who sits there: " + newHost + " of " + hostsTable);
        Participant guest = people.stream().filter(p -> !hosts().containsValue(p.personId()) && !p.equals(host))
                .findFirst().orElseThrow();
        cafe.leave(guest);

        cafe.send(fiona, "nextRound", "{}");
        Map<String, Integer> seated = tables();
        assertFalse(seated.containsKey(host.personId()), "the host who left has no seat");
        assertFalse(seated.containsKey(guest.personId()), "nor has the participant who left");
        assertEquals(7, seated.size(), "everyone else is seated");
        assertEquals(newHost, hosts().get(1), "the new host stays at table 1");

        cafe.comeBack(guest);
        assertTrue(cafe.view(guest).path("table").path("number").asInt() > 0, "someone who comes back is seated again");
    }

    @Test
    void notesReachTheTableAndTheHarvestWallAndAreExportedWithTheirAgreements() throws ActivityException {
        cafe.send(fiona, "begin", "{}");
        Participant writer = people.get(0);
        cafe.send(writer, "note", "{\"kind\":\"insight\",\"text\":\"Huddles at 8 and 8 catch the drift\"}");
        String noteId = cafe.view(writer).path("table").path("notes").get(0).path("id").asText();
        Participant tablemate = person(tablemates(writer).stream().filter(id -> !id.equals(writer.personId())).findFirst().orElseThrow());
        cafe.send(tablemate, "agree", "{\"noteId\":\"" + noteId + "\",\"agree\":true}");
        JsonNode note = cafe.view(tablemate).path("table").path("notes").get(0);
        int noteTable = note.path("table").asInt();
        assertEquals(1, note.path("agreements").asInt());
        assertEquals(noteId, cafe.view(tablemate).path("agreed").get(0).asText(), "the tablemate's view says they agreed");
        assertEquals(0, cafe.view(writer).path("agreed").size(), "the writer's does not");
        Participant elsewhere = people.stream().filter(p -> !tablemates(writer).contains(p.personId())).findFirst().orElseThrow();
        assertEquals(0, cafe.view(elsewhere).path("table").path("notes").size(), "other tables do not see it at their table");
        assertEquals(0, cafe.view(elsewhere).path("wall").size(), "nor on a wall while the rounds run");
        assertEquals("Huddles at 8 and 8 catch the drift", cafe.view(fiona).path("wall").get(0).path("kinds").get(0)
                .path("notes").get(0).path("text").asText(), "the facilitator sees it on the harvest wall at once");

        assertEquals("unknown_kind", assertThrows(ActivityException.class,
                () -> cafe.send(writer, "note", "{\"kind\":\"rant\",\"text\":\"x\"}")).code());
        cafe.send(fiona, "cluster", "{\"noteIds\":[\"" + noteId + "\"],\"label\":\"Escalation\"}");
        cafe.send(fiona, "finish", "{}");
        assertEquals("Huddles at 8 and 8 catch the drift", cafe.view(elsewhere).path("wall").get(0).path("kinds").get(0)
                .path("notes").get(0).path("text").asText(), "once the café is over, everyone sees it on the harvest wall");
        Harvest harvest = (Harvest) cafe.published().get(Harvest.TITLE);
        assertTrue(harvest.markdown().contains("## Round 1: What helped?"), harvest.markdown());
        assertTrue(harvest.markdown().contains("- Huddles at 8 and 8 catch the drift (table "), harvest.markdown());
        assertTrue(harvest.markdown().contains("1 person agrees; Escalation)"), harvest.markdown());
        assertEquals(List.of("1", "What helped?", String.valueOf(noteTable), "insight",
                "Huddles at 8 and 8 catch the drift", "Person 1", "1", "Escalation"), harvest.table().get(1));
    }

    @Test
    void runningRoundComesBackAfterARestartAndItsTimerStillFires() throws ActivityException {
        cafe.send(fiona, "begin", "{}");
        cafe.send(people.get(0), "note", "{\"kind\":\"question\",\"text\":\"Who calls the outreach team?\"}");
        JsonNode before = cafe.view(people.get(0));
        cafe.restart();
        assertEquals(before, cafe.view(people.get(0)), "the same view after a restart");
        cafe.advance(Duration.ofMinutes(15));
        assertEquals(2, cafe.view(people.get(0)).path("round").asInt());
    }

    @Test
    void theCollaborativesNextCafeSeatsPeopleWithSomeoneTheyHaveNotMet() throws ActivityException {
        cafe = ActivityHarness.start(new WorldCafeActivityType(), config(3, 1, "automatic"));
        fiona = cafe.join("Fiona Facilitator", null, "manager", true);
        people.clear();
        for (int i = 0; i < 9; i++) {
            people.add(cafe.join("Person " + (i + 1), null, null, false));
        }
        cafe.send(fiona, "begin", "{}");
        cafe.send(fiona, "finish", "{}");
        Set<Set<String>> metBefore = pairsOf(cafe.published().get(Meetings.TITLE));
        assertEquals(9, metBefore.size(), "three tables of three: nine pairs met");

        cafe = ActivityHarness.start(new WorldCafeActivityType(), config(3, 1, "automatic"),
                List.of(cafe.published().get(Meetings.TITLE)));
        fiona = cafe.join("Fiona Facilitator", null, "manager", true);
        for (int i = 0; i < 9; i++) {
            cafe.join("Person " + (i + 1), null, null, false);
        }
        cafe.send(fiona, "begin", "{}");
        Set<Set<String>> again = new HashSet<>(pairs());
        again.retainAll(metBefore);
        assertEquals(Set.of(), again, "nobody sits with someone they met at the last café");
    }

    @Test
    void volunteersHostAndParticipantsCannotRunTheCafe() throws ActivityException {
        cafe = ActivityHarness.start(new WorldCafeActivityType(), config(3, 2, "volunteers"));
        fiona = cafe.join("Fiona Facilitator", null, "manager", true);
        people.clear();
        for (int i = 0; i < 6; i++) {
            people.add(cafe.join("Person " + (i + 1), SITES.get(i % 4), "nurse", false));
        }
        cafe.send(people.get(4), "volunteer", "{\"host\":true}");
        assertTrue(cafe.view(people.get(4)).path("volunteered").asBoolean());
        assertEquals("facilitator_only", assertThrows(ActivityException.class, () -> cafe.send(people.get(0), "begin", "{}")).code());
        cafe.send(fiona, "begin", "{}");
        assertTrue(hosts().containsValue(people.get(4).personId()), "the volunteer hosts a table: " + hosts());
        assertTrue(cafe.view(people.get(4)).path("table").path("host").asBoolean());
        assertEquals("cafe_started", assertThrows(ActivityException.class,
                () -> cafe.send(people.get(1), "volunteer", "{\"host\":true}")).code());
    }

    @Test
    void facilitatorMovesSomeoneToAnotherTableForThisRound() throws ActivityException {
        cafe.send(fiona, "begin", "{}");
        Participant mover = people.stream().filter(p -> !hosts().containsValue(p.personId())).findFirst().orElseThrow();
        int from = tables().get(mover.personId());
        int to = from == 1 ? 2 : 1;
        cafe.send(fiona, "move", "{\"personId\":\"" + mover.personId() + "\",\"table\":" + to + "}");
        assertEquals(to, cafe.view(mover).path("table").path("number").asInt());
        assertNotEquals(from, cafe.view(mover).path("table").path("number").asInt());
        String host = hosts().get(from);
        assertEquals("host_stays", assertThrows(ActivityException.class,
                () -> cafe.send(fiona, "move", "{\"personId\":\"" + host + "\",\"table\":" + to + "}")).code());
    }

    @Test
    void pairsKeptApartNeverShareATableAndPairsKeptTogetherDoWhenTheRulesAllow() throws ActivityException {
        // One round: in two rounds of three tables of three with three hosts, the pair could not stay together in
        // both without someone meeting a host twice, so the seating rightly parts them in one round or the other.
        cafe = ActivityHarness.start(new WorldCafeActivityType(), config(3, 1, "automatic"));
        fiona = cafe.join("Fiona Facilitator", null, "manager", true);
        people.clear();
        for (int i = 0; i < 9; i++) {
            people.add(cafe.join("Person " + (i + 1), SITES.get(i % 4), PROFESSIONS.get(i % 2), false));
        }
        Participant one = people.get(0);
        Participant two = people.get(1);
        Participant three = people.get(2);
        cafe.send(fiona, "keepApart", "{\"personId\":\"" + one.personId() + "\",\"otherPersonId\":\"" + two.personId() + "\",\"apart\":true}");
        cafe.send(fiona, "keepTogether", "{\"personId\":\"" + one.personId() + "\",\"otherPersonId\":\"" + three.personId() + "\",\"together\":true}");
        cafe.send(fiona, "begin", "{}");
        assertNotEquals(tables().get(one.personId()), tables().get(two.personId()), "kept apart");
        assertEquals(tables().get(one.personId()), tables().get(three.personId()), "kept together");
        assertEquals("same_person", assertThrows(ActivityException.class, () -> cafe.send(fiona, "keepApart",
                "{\"personId\":\"" + one.personId() + "\",\"otherPersonId\":\"" + one.personId() + "\",\"apart\":true}")).code());
    }

    @Test
    void aNumberOfTablesDecidesHowManyTablesThereAreWhateverTheTableSizeSays() throws ActivityException {
        CafeConfig twoTables = new CafeConfig(4, 2, 2, 15, List.of("Q?"), "automatic", List.of("insight"), true, true, true);
        twoTables.check();
        assertEquals(2, twoTables.tablesFor(9));
        assertEquals(3, new CafeConfig(4, 0, 2, 15, List.of("Q?"), "automatic", List.of("insight"), true, true, true).tablesFor(9));
    }

    @Test
    void aConfigurationThatCannotRunIsRefusedWithTheFieldItConcerns() {
        ActivityException size = assertThrows(ActivityException.class, () -> new WorldCafeActivityType().check(
                new CafeConfig(1, 0, 2, 15, List.of("Q?"), "automatic", List.of("insight"), true, true, true)));
        assertEquals("tableSize", size.field());
        ActivityException tables = assertThrows(ActivityException.class, () -> new WorldCafeActivityType().check(
                new CafeConfig(4, 301, 2, 15, List.of("Q?"), "automatic", List.of("insight"), true, true, true)));
        assertEquals("tables", tables.field());
        ActivityException questions = assertThrows(ActivityException.class, () -> new WorldCafeActivityType().check(
                new CafeConfig(4, 0, 3, 15, List.of("Q1?", "Q2?"), "automatic", List.of("insight"), true, true, true)));
        assertEquals("questions", questions.field());
        assertEquals("hosts", assertThrows(ActivityException.class, () -> new CafeConfig(4, 0, 2, 15, List.of("Q?"), "sometimes",
                List.of("insight"), true, true, true).check()).field());
    }

    /** Table number (from 1) of everyone seated in the running round, from the facilitator's console. */
    private Map<String, Integer> tables() {
        Map<String, Integer> seated = new java.util.HashMap<>();
        for (JsonNode table : cafe.view(fiona).path("console").path("tables")) {
            table.path("members").forEach(member -> seated.put(member.path("personId").asText(), table.path("number").asInt()));
        }
        return seated;
    }

    private Map<Integer, String> hosts() {
        Map<Integer, String> hosts = new java.util.TreeMap<>();
        for (JsonNode table : cafe.view(fiona).path("console").path("tables")) {
            if (!table.path("host").isNull()) {
                hosts.put(table.path("number").asInt(), table.path("host").path("personId").asText());
            }
        }
        return hosts;
    }

    private List<String> tablemates(Participant person) {
        List<String> ids = new ArrayList<>();
        cafe.view(person).path("table").path("members").forEach(member -> ids.add(member.path("personId").asText()));
        return ids;
    }

    private Set<Set<String>> pairs() {
        Set<Set<String>> pairs = new HashSet<>();
        for (JsonNode table : cafe.view(fiona).path("console").path("tables")) {
            List<String> ids = new ArrayList<>();
            table.path("members").forEach(member -> ids.add(member.path("personId").asText()));
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    pairs.add(Set.of(ids.get(i), ids.get(j)));
                }
            }
        }
        return pairs;
    }

    private static Set<Set<String>> pairsOf(Record meetings) {
        Set<Set<String>> pairs = new HashSet<>();
        ((Meetings.Result) meetings).meetings().forEach(m -> pairs.add(Set.of(m.personId(), m.otherPersonId())));
        return pairs;
    }

    private Participant person(String id) {
        return people.stream().filter(p -> p.personId().equals(id)).findFirst().orElseThrow();
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> rooms) {
        Map<String, List<String>> copy = new java.util.LinkedHashMap<>();
        rooms.forEach((id, members) -> copy.put(id, List.copyOf(members)));
        return copy;
    }
}
