package org.colearn.plugin.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.testkit.ActivityHarness;
import org.junit.jupiter.api.Test;

/** Results split into groups side by side, and no group so small that it gives away someone's answer. */
class PollSplitTest {

    @Test
    void cliniciansAndManagersAreShownSideBySideAndTheFewOthersMergeIntoOther() throws ActivityException {
        ActivityHarness<PollConfig, PollState> poll = ActivityHarness.start(new PollActivityType(),
                new PollConfig("Which change first?", List.of("Screening", "Sepsis six"), false, true));
        Participant fiona = poll.join("Fiona Facilitator", null, "manager", true);
        vote(poll, 0, "nurse", "doctor", "allied_health_professional");
        vote(poll, 1, "manager", "manager", "project_manager");
        vote(poll, 0, "patient_representative");

        poll.send(fiona, "split", "{\"by\":\"clinicians_managers\"}");
        JsonNode view = poll.view(fiona);
        assertEquals("clinicians_managers", view.path("split").asText());
        assertEquals(List.of("Clinicians 3 Screening:3 Sepsis six:0", "Managers and others 4 Screening:1 Sepsis six:3"), groups(view),
                "the one patient representative is not shown on their own, nor as Other on their own");
        assertTrue(view.path("groups").get(1).path("merged").asBoolean(), "the group that took them in says so");

        Participant amira = poll.join("Amira Khan", "Ashford", "nurse", false);
        assertTrue(poll.view(amira).path("groups").isNull(), "participants see groups only once the results are shown");
        poll.send(fiona, "reveal", "{}");
        assertEquals(groups(view), groups(poll.view(amira)));
        PollViews.Results results = (PollViews.Results) poll.published().get("Poll: Which change first?");
        assertEquals(List.of("question", "group", "answer", "votes", "share_of_voters_percent"), results.table().get(0));
        assertEquals(List.of("Which change first?", "All", "Screening", "4", "57"), results.table().get(1));
        assertEquals(List.of("Which change first?", "Managers and others", "Sepsis six", "3", "75"), results.table().get(6));
        assertTrue(results.markdown().contains("## Clinicians and managers") && results.markdown().contains("### Managers and others (4 people)")
                && results.markdown().contains("Groups of fewer than 3 people are merged into Other"), results.markdown());

        poll.send(fiona, "split", "{\"by\":\"all\"}");
        assertTrue(poll.view(amira).path("groups").isNull());
        assertEquals(List.of("question", "answer", "votes", "share_of_voters_percent"),
                ((PollViews.Results) poll.published().get("Poll: Which change first?")).table().get(0), "what is kept is whole again");
        poll.assertSharedViewsAgree();
    }

    @Test
    void onlyFacilitatorsSplitAndOnlyByWhatThePollKnows() throws ActivityException {
        ActivityHarness<PollConfig, PollState> poll = ActivityHarness.start(new PollActivityType(), new PollConfig("Q?", List.of("A", "B"), false, true));
        Participant fiona = poll.join("Fiona Facilitator", null, "manager", true);
        Participant amira = poll.join("Amira Khan", "Ashford", "nurse", false);
        assertEquals("facilitator_only", assertThrows(ActivityException.class, () -> poll.send(amira, "split", "{\"by\":\"site\"}")).code());
        for (String bad : List.of("{\"by\":\"ward\"}", "{}")) {
            ActivityException refused = assertThrows(ActivityException.class, () -> poll.send(fiona, "split", bad));
            assertEquals("invalid_split", refused.code(), bad);
        }
    }

    @Test
    void groupsUnderThreePeopleMergeIntoOtherAndOtherNeverStandsAloneWithFewerThanThree() {
        Map<String, PollState.Background> people = new LinkedHashMap<>();
        add(people, "Ashford", 4);
        add(people, "Bromley", 3);
        add(people, "Croydon", 2);
        add(people, "Dover", 1);
        assertEquals(List.of("Ashford:4:false", "Bromley:3:false", "Other:3:true"), labels(PollGroups.of("site", people, people.keySet())));

        people.remove("Dover0");
        assertEquals(List.of("Ashford:4:false", "Bromley and others:5:true"), labels(PollGroups.of("site", people, people.keySet())),
                "the two from Croydon alone would be Other, so they join the smallest group shown");

        Map<String, PollState.Background> few = new LinkedHashMap<>();
        add(few, "Ashford", 2);
        add(few, "Bromley", 2);
        assertEquals(List.of("All:4:true"), labels(PollGroups.of("site", few, few.keySet())), "no group large enough: everyone together");
        assertFalse(PollGroups.of("site", few, few.keySet()).stream().anyMatch(group -> group.people().size() < PollGroups.SMALLEST));
    }

    @Test
    void professionsKeepTheirUsualOrderAndThoseWithoutOneCountAsOther() {
        Map<String, PollState.Background> people = new LinkedHashMap<>();
        for (String profession : List.of("manager", "nurse", "manager", "nurse", "manager", "nurse", "other", "other")) {
            people.put("p" + people.size(), new PollState.Background("Ashford", profession));
        }
        people.put("p" + people.size(), new PollState.Background(null, null));
        assertEquals(List.of("Nurses:3:false", "Managers:3:false", "Other:3:false"), labels(PollGroups.of("profession", people, people.keySet())));
    }

    private static void vote(ActivityHarness<PollConfig, PollState> poll, int choice, String... professions) throws ActivityException {
        for (String profession : professions) {
            Participant voter = poll.join("Voter " + profession, "Ashford", profession, false);
            poll.send(voter, "vote", "{\"choices\":[" + choice + "]}");
        }
    }

    private static void add(Map<String, PollState.Background> people, String site, int count) {
        for (int i = 0; i < count; i++) {
            people.put(site + i, new PollState.Background(site, "nurse"));
        }
    }

    private static List<String> labels(List<PollGroups.Group> groups) {
        return groups.stream().map(group -> group.label() + ":" + group.people().size() + ":" + group.merged()).toList();
    }

    private static List<String> groups(JsonNode view) {
        List<String> groups = new ArrayList<>();
        view.path("groups").forEach(group -> {
            StringBuilder text = new StringBuilder(group.path("label").asText() + " " + group.path("voters").asInt());
            group.path("answers").forEach(answer -> text.append(" ").append(answer.path("text").asText()).append(":").append(answer.path("votes").asInt()));
            groups.add(text.toString());
        });
        return groups;
    }
}
