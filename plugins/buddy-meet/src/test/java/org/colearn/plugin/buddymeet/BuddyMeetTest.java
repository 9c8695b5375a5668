package org.colearn.plugin.buddymeet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.BuddyPairs;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.testkit.ActivityHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BuddyMeetTest {

    static final String AB_VISIT = "Visit on 20 January 2027: Ashford visits Bromley (support)";
    static final String CDE_NOTE = "Note (1 December 2026): our falls audit is overdue";

    InMemoryBuddyPairs buddies;
    ActivityHarness<BuddyMeetConfig, BuddyMeetState> meet;
    Participant fiona;
    Participant amira;
    Participant ben;
    Participant chen;
    Participant dee;
    Participant eve;
    Participant gus;

    @BeforeEach
    void start() throws ActivityException {
        buddies = new InMemoryBuddyPairs()
                .add("ab", false, List.of(AB_VISIT), List.of("Ashford", "Bromley"), "amira", "ben", "bea")
                .add("cde", false, List.of(CDE_NOTE), List.of("Croydon", "Dartford", "Epsom"), "chen", "dee", "eve");
        meet = ActivityHarness.start(new BuddyMeetActivityType(), new BuddyMeetConfig(20, "What did each of us try?"), buddies);
        fiona = arrive("fiona", "Fiona Facilitator", null, true);
        amira = arrive("amira", "Amira Khan", "Ashford", false);
        ben = arrive("ben", "Ben Ode", "Bromley", false);
        chen = arrive("chen", "Chen Li", "Croydon", false);
        dee = arrive("dee", "Dee Rao", "Dartford", false);
        eve = arrive("eve", "Eve Moss", "Epsom", false);
        gus = arrive("gus", "Gus Hale", "Guildford", false);
    }

    @Test
    void eachPairMeetsInItsOwnRoomNamedAfterItsSitesTriadsToo() {
        assertEquals(2, meet.rooms().size(), meet.rooms().toString());
        assertEquals(List.of(amira.personId(), ben.personId()), meet.rooms().get(roomOf(amira)));
        assertEquals(List.of(chen.personId(), dee.personId(), eve.personId()), meet.rooms().get(roomOf(eve)));
        assertEquals("Ashford & Bromley", meet.view(amira).path("pair").path("name").asText());
        assertEquals("Croydon, Dartford & Epsom", meet.view(dee).path("pair").path("name").asText());
        assertEquals("What did each of us try?", meet.view(ben).path("prompt").asText());
    }

    @Test
    void facilitatorsAndPeopleOfUnpairedSitesStayInThePlenaryAndAreToldWhy() {
        assertTrue(meet.rooms().values().stream().noneMatch(people -> people.contains(gus.personId()) || people.contains(fiona.personId())));
        JsonNode gusSees = meet.view(gus);
        assertEquals("plenary", gusSees.path("role").asText());
        assertTrue(gusSees.path("notice").asText().startsWith("Your site has no buddy pair yet"), gusSees.toString());
        assertTrue(gusSees.path("pair").isNull() && gusSees.path("pairs").isNull(), gusSees.toString());
        assertEquals(List.of("Gus Hale"), names(meet.view(fiona).path("plenary")));
    }

    @Test
    void aLateArrivalOfAPairedSiteIsSeatedInTheirPairsRoomAndNobodyElseMoves() {
        String abRoom = roomOf(amira);
        Participant bea = arrive("bea", "Bea Stone", "Bromley", false);
        assertEquals(abRoom, roomOf(bea));
        assertEquals(List.of(amira.personId(), ben.personId(), bea.personId()), meet.rooms().get(abRoom));
        assertEquals(3, meet.rooms().get(roomOf(chen)).size(), "the triad stays together");
    }

    @Test
    void theFirstMemberOfAPairToArriveOpensItsRoomWithoutStrandingTheOthers() throws ActivityException {
        buddies.add("fh", false, List.of(), List.of("Farnham", "Hove"), "fred");
        meet.send(fiona, "refresh", "{}");
        assertEquals(2, meet.rooms().size(), "no room for a pair with nobody here");
        Participant fred = arrive("fred", "Fred Nash", "Farnham", false);
        assertEquals(3, meet.rooms().size());
        assertEquals(List.of(fred.personId()), meet.rooms().get(roomOf(fred)));
        assertEquals(2, meet.rooms().get(roomOf(amira)).size(), "Ashford & Bromley still together");
        assertEquals(3, meet.rooms().get(roomOf(eve)).size(), "the triad still together");
        assertEquals("Farnham & Hove", meet.view(fred).path("pair").path("name").asText());
    }

    @Test
    void someoneWhoComesBackAfterTheRoomsWereReopenedReturnsToTheirPair() throws ActivityException {
        meet.leave(ben);
        buddies.add("fh", false, List.of(), List.of("Farnham", "Hove"), "fred");
        meet.send(fiona, "refresh", "{}");
        Participant fred = arrive("fred", "Fred Nash", "Farnham", false);
        assertEquals(List.of(fred.personId()), meet.rooms().get(roomOf(fred)));
        meet.comeBack(ben);
        assertEquals(roomOf(amira), roomOf(ben));
    }

    @Test
    void aPairsOpenItemsAndStepsReachOnlyItsMembers() throws ActivityException {
        meet.send(amira, "addStep", "{\"text\":\"Send Bromley our screening audit sheet\"}");
        JsonNode benSees = meet.view(ben);
        assertEquals(AB_VISIT, benSees.path("pair").path("openItems").get(0).asText());
        assertEquals("Send Bromley our screening audit sheet", benSees.path("pair").path("steps").get(0).path("text").asText());
        assertEquals("Amira Khan", benSees.path("pair").path("steps").get(0).path("by").asText());

        for (Participant outsider : List.of(chen, gus, fiona)) {
            String seen = meet.view(outsider).toString();
            assertFalse(seen.contains("Ashford visits Bromley") || seen.contains("screening audit sheet"), outsider.name() + " saw " + seen);
        }
        assertFalse(meet.view(amira).toString().contains("falls audit"), "members see nothing of another pair");
    }

    @Test
    void aPairsMembersShareOneViewAndNobodyOutsideItSharesTheirs() throws ActivityException {
        meet.send(amira, "addStep", "{\"text\":\"Send Bromley our screening audit sheet\"}");
        assertEquals(meet.viewKey(amira), meet.viewKey(ben));
        for (Participant outsider : List.of(chen, gus, fiona)) {
            assertNotEquals(meet.viewKey(amira), meet.viewKey(outsider), outsider.name());
        }
        meet.assertSharedViewsAgree();
    }

    @Test
    void facilitatorsSeeOnlyNamesRoomsAndCountsOfAPairThatDidNotInviteThem() throws ActivityException {
        meet.send(amira, "addStep", "{\"text\":\"Share the audit sheet\"}");
        JsonNode ab = pair(meet.view(fiona), "Ashford & Bromley");
        assertEquals(List.of("Amira Khan", "Ben Ode"), names(ab.path("people")));
        assertEquals(1, ab.path("steps").asInt());
        assertTrue(ab.path("openItems").isNull() && ab.path("agreed").isNull(), ab.toString());
    }

    @Test
    void facilitatorsSeeTheItemsAndStepsOfAPairThatInvitedTheFaculty() throws ActivityException {
        meet.send(chen, "addStep", "{\"text\":\"Dartford shares its falls huddle\"}");
        buddies.inviteFaculty("cde");
        meet.send(fiona, "refresh", "{}");
        JsonNode cde = pair(meet.view(fiona), "Croydon, Dartford & Epsom");
        assertEquals(CDE_NOTE, cde.path("openItems").get(0).asText());
        assertEquals("Dartford shares its falls huddle", cde.path("agreed").get(0).path("text").asText());
        assertTrue(pair(meet.view(fiona), "Ashford & Bromley").path("openItems").isNull(), "the other pair still keeps its own");
    }

    @Test
    void membersAgreeStepsAndMarkThemDone() throws ActivityException {
        meet.send(amira, "addStep", "{\"text\":\"  Share the audit sheet  \"}");
        String id = meet.view(ben).path("pair").path("steps").get(0).path("id").asText();
        meet.send(ben, "doneStep", "{\"id\":\"" + id + "\"}");
        JsonNode step = meet.view(amira).path("pair").path("steps").get(0);
        assertEquals("Share the audit sheet", step.path("text").asText());
        assertTrue(step.path("done").asBoolean());
        assertEquals(1, pair(meet.view(fiona), "Ashford & Bromley").path("stepsDone").asInt());
    }

    @Test
    void theWarningComesTwoMinutesBeforeTheEndAndTheEndClosesEveryRoom() {
        meet.advance(Duration.ofMinutes(17));
        assertFalse(meet.view(amira).path("warning").asBoolean());
        meet.advance(Duration.ofMinutes(1));
        assertTrue(meet.view(amira).path("warning").asBoolean());
        assertFalse(meet.rooms().isEmpty());
        meet.advance(Duration.ofMinutes(2));
        assertTrue(meet.rooms().isEmpty(), "everyone is back in the plenary");
        assertEquals("done", meet.view(amira).path("phase").asText());
        assertTrue(meet.view(amira).path("endsAt").isNull());
    }

    @Test
    void extendingMovesTheEndAndTheWarning() throws ActivityException {
        meet.advance(Duration.ofMinutes(19));
        assertTrue(meet.view(amira).path("warning").asBoolean());
        meet.send(fiona, "extend", "{\"minutes\":5}");
        assertEquals(meet.now().plus(Duration.ofMinutes(6)).toString(), meet.view(amira).path("endsAt").asText());
        assertFalse(meet.view(amira).path("warning").asBoolean(), "the warning comes again before the new end");
        meet.advance(Duration.ofMinutes(5));
        assertFalse(meet.rooms().isEmpty(), "still meeting at the old end");
        meet.advance(Duration.ofMinutes(1));
        assertTrue(meet.rooms().isEmpty());
    }

    @Test
    void finishingEndsTheMeetNowAndKeepsAResultThatHidesTheStepsOfPairsThatKeepThemToThemselves() throws ActivityException {
        meet.send(amira, "addStep", "{\"text\":\"Share the audit sheet\"}");
        meet.send(chen, "addStep", "{\"text\":\"Dartford shares its falls huddle\"}");
        buddies.inviteFaculty("cde");
        meet.send(fiona, "refresh", "{}");
        meet.send(fiona, "finish", "{}");
        assertTrue(meet.rooms().isEmpty());
        BuddyMeetResult result = (BuddyMeetResult) meet.published().get("Buddy meet");
        String markdown = result.markdown();
        assertTrue(markdown.contains("## Ashford & Bromley\n\n2 people met, 1 next step agreed.\n\nThe pair keeps its steps to itself."), markdown);
        assertTrue(markdown.contains("## Croydon, Dartford & Epsom\n\n3 people met, 1 next step agreed.\n\n- Dartford shares its falls huddle"), markdown);
        assertFalse(markdown.contains("audit sheet"), markdown);
        assertEquals(List.of(List.of("pair", "people", "steps", "step"), List.of("Ashford & Bromley", "2", "1", ""),
                List.of("Croydon, Dartford & Epsom", "3", "1", "Dartford shares its falls huddle")), result.table());
        assertFalse(result.toString().contains("Amira") || result.toString().contains(AB_VISIT), "no names and no items in the result");
        assertEquals("meet_over", assertThrows(ActivityException.class, () -> meet.send(amira, "addStep", "{\"text\":\"x\"}")).code());
    }

    @Test
    void theStepsEachPairAgreedAreKeptWithThatPairWhenTheMeetEnds() throws ActivityException {
        meet.send(amira, "addStep", "{\"text\":\"Share the audit sheet\"}");
        meet.send(ben, "addStep", "{\"text\":\"Bromley sends its AKI alert rules\"}");
        String done = meet.view(ben).path("pair").path("steps").get(1).path("id").asText();
        meet.send(ben, "doneStep", "{\"id\":\"" + done + "\"}");
        assertTrue(buddies.kept.isEmpty(), "nothing is kept while the pair still meets");
        meet.advance(Duration.ofMinutes(20));

        List<BuddyPairs.Step> kept = buddies.kept.get("ab");
        assertEquals(List.of("Share the audit sheet", "Bromley sends its AKI alert rules"), kept.stream().map(BuddyPairs.Step::text).toList());
        assertEquals(List.of("Amira Khan", "Ben Ode"), kept.stream().map(BuddyPairs.Step::by).toList());
        assertEquals(List.of(false, true), kept.stream().map(BuddyPairs.Step::done).toList());
        assertNotEquals(kept.get(0).key(), kept.get(1).key(), "each step has its own key");
        assertFalse(buddies.kept.containsKey("cde"), "a pair that agreed nothing has nothing kept");
    }

    @Test
    void twoMeetsKeepTheirStepsUnderDifferentKeys() throws ActivityException {
        meet.send(amira, "addStep", "{\"text\":\"Share the audit sheet\"}");
        meet.send(fiona, "finish", "{}");
        ActivityHarness<BuddyMeetConfig, BuddyMeetState> second =
                ActivityHarness.start(new BuddyMeetActivityType(), new BuddyMeetConfig(20, "And now?"), buddies);
        second.comeBack(amira);
        second.send(amira, "addStep", "{\"text\":\"Share the audit sheet\"}");
        second.advance(Duration.ofMinutes(20));
        List<BuddyPairs.Step> kept = buddies.kept.get("ab");
        assertEquals(2, kept.size(), kept::toString);
        assertNotEquals(kept.get(0).key(), kept.get(1).key(), "the same words in a later meet are a step of their own");
    }

    @Test
    void badInputAndMessagesFromTheWrongPeopleAreRefusedWithCodes() {
        assertEquals("invalid_step", refused(amira, "addStep", "{\"text\":\"   \"}"));
        assertEquals("invalid_step", refused(amira, "addStep", "{\"text\":\"" + "x".repeat(501) + "\"}"));
        assertEquals("pair_members_only", refused(gus, "addStep", "{\"text\":\"Join a pair\"}"));
        assertEquals("pair_members_only", refused(fiona, "addStep", "{\"text\":\"From the faculty\"}"));
        assertEquals("no_such_step", refused(amira, "doneStep", "{\"id\":\"s99\"}"));
        assertEquals("facilitator_only", refused(amira, "extend", "{\"minutes\":5}"));
        assertEquals("facilitator_only", refused(amira, "finish", "{}"));
        assertEquals("facilitator_only", refused(amira, "refresh", "{}"));
        assertEquals("invalid_minutes", refused(fiona, "extend", "{\"minutes\":0}"));
        assertEquals("invalid_minutes", refused(fiona, "extend", "{\"minutes\":61}"));
        assertEquals("invalid_body", refused(fiona, "extend", "{\"minutes\":\"soon\"}"));
    }

    @Test
    void aStepOfAnotherPairCannotBeMarkedDone() throws ActivityException {
        meet.send(chen, "addStep", "{\"text\":\"Dartford shares its falls huddle\"}");
        String id = meet.view(dee).path("pair").path("steps").get(0).path("id").asText();
        assertEquals("no_such_step", refused(amira, "doneStep", "{\"id\":\"" + id + "\"}"));
        assertFalse(meet.view(dee).path("pair").path("steps").get(0).path("done").asBoolean());
    }

    @Test
    void stepsRoomsAndTimeSurviveARestart() throws ActivityException {
        meet.send(amira, "addStep", "{\"text\":\"Share the audit sheet\"}");
        meet.restart();
        assertEquals("Share the audit sheet", meet.view(ben).path("pair").path("steps").get(0).path("text").asText());
        Participant bea = arrive("bea", "Bea Stone", "Bromley", false);
        assertEquals(roomOf(amira), roomOf(bea));
        meet.advance(Duration.ofMinutes(20));
        assertTrue(meet.rooms().isEmpty());
    }

    @Test
    void unusableConfigurationIsRefusedAtStart() {
        assertEquals("invalid_config", assertThrows(ActivityException.class,
                () -> ActivityHarness.start(new BuddyMeetActivityType(), new BuddyMeetConfig(0, "Talk"), buddies)).code());
        assertEquals("invalid_config", assertThrows(ActivityException.class,
                () -> ActivityHarness.start(new BuddyMeetActivityType(), new BuddyMeetConfig(20, " "), buddies)).code());
    }

    @Test
    void someoneWhoOnlySaysTheyAreFromAPairedSiteStaysInThePlenaryAndSeesNothingOfThePair() throws ActivityException {
        meet.send(amira, "addStep", "{\"text\":\"Send Bromley our screening audit sheet\"}");
        Participant guest = arrive("guest-1", "Gina Guest", "Ashford", false);
        assertTrue(meet.rooms().values().stream().noneMatch(people -> people.contains(guest.personId())), meet.rooms().toString());
        JsonNode seen = meet.view(guest);
        assertEquals("plenary", seen.path("role").asText());
        assertTrue(seen.path("notice").asText().startsWith("Only the members of a pair's sites meet in its room"), seen.toString());
        assertFalse(seen.toString().contains("Ashford visits Bromley") || seen.toString().contains("audit sheet"), seen.toString());
        assertEquals("pair_members_only", refused(guest, "addStep", "{\"text\":\"Let me in\"}"));
    }

    /** Someone arrives with the id the server knows them by: the pairs name their members by these ids. */
    private Participant arrive(String id, String name, String site, boolean facilitator) {
        Participant person = new Participant(id, name, site, facilitator ? "manager" : "nurse", facilitator);
        meet.comeBack(person);
        return person;
    }

    private String refused(Participant from, String message, String json) {
        return assertThrows(ActivityException.class, () -> meet.send(from, message, json)).code();
    }

    private String roomOf(Participant person) {
        return meet.rooms().entrySet().stream().filter(room -> room.getValue().contains(person.personId()))
                .map(java.util.Map.Entry::getKey).findFirst().orElse(null);
    }

    private static JsonNode pair(JsonNode facilitatorView, String name) {
        for (JsonNode pair : facilitatorView.path("pairs")) {
            if (pair.path("name").asText().equals(name)) {
                return pair;
            }
        }
        throw new AssertionError("no pair " + name + " in " + facilitatorView);
    }

    private static List<String> names(JsonNode people) {
        List<String> names = new ArrayList<>();
        people.forEach(person -> names.add(person.path("name").asText()));
        return names;
    }
}
