package org.colearn.plugin.worldcafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.testkit.ActivityHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A café shares its views: everyone at one table in one role sees one view, so that the server projects a few hundred
 * views for 1,500 people, and what is a person's alone (where they go next, what they agreed with, whether they
 * offered to host) reaches them only.
 */
class CafeViewKeysTest {

    ActivityHarness<CafeConfig, CafeState> cafe;
    Participant fiona;
    List<Participant> people;

    @BeforeEach
    void start() throws ActivityException {
        cafe = ActivityHarness.start(new WorldCafeActivityType(), CafeTest.config(3, 2, "automatic"));
        fiona = cafe.join("Fiona Facilitator", null, "manager", true);
        people = CafeTest.joinNine(cafe);
    }

    @Test
    void everyoneAtATableInOneRoleSharesAViewAndHostsAndGuestsDoNot() throws ActivityException {
        cafe.send(fiona, "begin", "{}");
        cafe.assertSharedViewsAgree();
        Set<String> keys = new HashSet<>();
        people.forEach(person -> keys.add(cafe.viewKey(person)));
        assertEquals(6, keys.size(), "three tables, each with a host's view and its guests' view: " + keys);
        for (Participant person : people) {
            JsonNode table = cafe.view(person).path("table");
            String role = table.path("host").asBoolean() ? ":host" : ":guest";
            assertEquals("participants:table:" + (table.path("number").asInt() - 1) + role, cafe.viewKey(person));
        }
        assertNotEquals(cafe.viewKey(fiona), cafe.viewKey(people.get(1)), "only facilitators share the console");
    }

    @Test
    void whereEachGuestGoesNextIsTheirsAloneThoughTheyShareTheirTablesView() throws ActivityException {
        cafe.send(fiona, "begin", "{}");
        for (Participant person : people) {
            JsonNode shared = cafe.sharedView(person);
            assertFalse(shared.has("next"), "the shared view says nothing of anyone's next table: " + shared);
            assertFalse(shared.has("agreed"), "nor of anyone's agreements");
            assertTrue(cafe.view(person).path("next").path("table").asInt() > 0, person.name() + " is told where they go next");
        }
        Participant guest = people.stream().filter(person -> !cafe.view(person).path("table").path("host").asBoolean())
                .findFirst().orElseThrow();
        List<Participant> sameView = people.stream().filter(person -> cafe.viewKey(person).equals(cafe.viewKey(guest))).toList();
        assertTrue(sameView.size() > 1, "the guest shares their view with the other guests of the table");
        Set<Integer> nextTables = new HashSet<>();
        sameView.forEach(person -> nextTables.add(cafe.view(person).path("next").path("table").asInt()));
        assertEquals(sameView.size(), nextTables.size(), "guests of one table go to different tables next, each told their own");
        cafe.assertSharedViewsAgree();
    }

    @Test
    void whatSomeoneAgreedWithIsInTheirOwnViewAndNobodyElses() throws ActivityException {
        cafe.send(fiona, "begin", "{}");
        Participant writer = people.get(0);
        cafe.send(writer, "note", "{\"kind\":\"insight\",\"text\":\"Huddles at 8 and 8 catch the drift\"}");
        String noteId = cafe.view(writer).path("table").path("notes").get(0).path("id").asText();
        Participant agreeing = people.stream().filter(person -> person != writer
                && cafe.view(person).path("table").path("number").equals(cafe.view(writer).path("table").path("number")))
                .findFirst().orElseThrow();
        cafe.send(agreeing, "agree", "{\"noteId\":\"" + noteId + "\",\"agree\":true}");
        cafe.assertSharedViewsAgree();
        assertEquals(List.of(noteId), texts(cafe.view(agreeing).path("agreed")));
        cafe.send(fiona, "finish", "{}");
        assertEquals(List.of(noteId), texts(cafe.view(agreeing).path("agreed")), "at the harvest too");
        for (Participant person : people) {
            if (person != agreeing) {
                assertEquals(List.of(), texts(cafe.view(person).path("agreed")), person.name() + " did not agree with it");
                assertEquals(1, cafe.view(person).path("wall").get(0).path("kinds").get(0).path("notes").get(0)
                        .path("agreements").asInt(), "but sees that one person agrees");
            }
        }
    }

    @Test
    void aVolunteerSeesTheirOfferAndSharesTheRestWithEveryoneWaiting() throws ActivityException {
        cafe = ActivityHarness.start(new WorldCafeActivityType(), CafeTest.config(3, 2, "volunteers"));
        cafe.join("Fiona Facilitator", null, "manager", true);
        people = CafeTest.joinNine(cafe);
        cafe.send(people.get(0), "volunteer", "{\"host\":true}");
        assertTrue(cafe.view(people.get(0)).path("volunteered").asBoolean());
        assertFalse(cafe.view(people.get(1)).path("volunteered").asBoolean());
        assertEquals(cafe.viewKey(people.get(0)), cafe.viewKey(people.get(1)));
        assertEquals(cafe.sharedView(people.get(0)), cafe.sharedView(people.get(1)));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
