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

    @Test
    void cliniciansFourThenNursesThreeIsRefusedSinceTheOneDoctorsAnswerWouldBeTheDifference() throws ActivityException {
        ActivityHarness<PollConfig, PollState> poll = ActivityHarness.start(new PollActivityType(),
                new PollConfig("Which change first?", List.of("Screening", "Sepsis six"), false, true));
        Participant fiona = poll.join("Fiona Facilitator", null, "manager", true);
        vote(poll, 0, "nurse", "nurse", "nurse");
        vote(poll, 1, "doctor");
        vote(poll, 1, "manager", "manager", "manager");
        vote(poll, 0, "patient_representative", "patient_representative", "patient_representative");
        poll.send(fiona, "close", "{}");

        split(poll, fiona, "clinicians_managers");
        List<String> byRole = groups(poll.view(fiona));
        assertEquals(List.of("Clinicians 4 Screening:3 Sepsis six:1", "Managers 3 Screening:0 Sepsis six:3", "Other 3 Screening:3 Sepsis six:0"),
                byRole);
        ActivityException refused = refusal(poll, fiona, "profession");

        assertEquals("split_would_reveal", refused.code(), "Nurses 3 Screening:3 beside Clinicians 4 Screening:3 Sepsis six:1 gives the doctor away");
        assertEquals("by", refused.field());
        assertEquals("Showing the results by profession after they were shown by clinicians and managers would let someone work out one "
                + "person's answer by comparing the groups. Keep the results as they are, or show them whole (All).", refused.getMessage());
        assertEquals(byRole, groups(poll.view(fiona)), "the split shown stays as it was");
        assertEquals("clinicians_managers", ((PollViews.Results) poll.published().get("Poll: Which change first?")).split(),
                "what is kept is split only as it was allowed to be");

        split(poll, fiona, "all");
        poll.restart();
        assertEquals("split_would_reveal", refusal(poll, fiona, "profession").code(),
                "showing the results whole in between, or a restart, does not make the earlier split forgotten");
        split(poll, fiona, "clinicians_managers");
        assertEquals(byRole, groups(poll.view(fiona)), "the same split again shows nothing new");
        poll.assertSharedViewsAgree();
    }

    @Test
    void theOtherWayRoundIsRefusedToo() throws ActivityException {
        ActivityHarness<PollConfig, PollState> poll = aOrB();
        Participant fiona = poll.join("Fiona Facilitator", null, "manager", true);
        vote(poll, 0, "nurse", "nurse", "nurse");
        vote(poll, 1, "doctor");
        vote(poll, 0, "manager", "manager", "manager");

        split(poll, fiona, "profession");
        assertEquals(List.of("Nurses 3 A:3 B:0", "Managers and others 4 A:3 B:1"), groups(poll.view(fiona)));
        ActivityException refused = refusal(poll, fiona, "clinicians_managers");

        assertEquals("split_would_reveal", refused.code());
        assertTrue(refused.getMessage().startsWith("Showing the results by clinicians and managers after they were shown by profession "),
                refused.getMessage());
    }

    @Test
    void splitsWhoseEveryCombinationOfGroupsHoldsThreePeopleFollowOneAnother() throws ActivityException {
        ActivityHarness<PollConfig, PollState> poll = aOrB();
        Participant fiona = poll.join("Fiona Facilitator", null, "manager", true);
        for (String site : List.of("Ashford", "Bromley")) {
            for (String profession : List.of("nurse", "doctor")) {
                for (int i = 0; i < 3; i++) {
                    poll.send(poll.join(profession + " " + i + " of " + site, site, profession, false), "vote", "{\"choices\":[0]}");
                }
            }
        }

        for (String by : List.of("profession", "site", "clinicians_managers", "profession", "all", "site")) {
            split(poll, fiona, by);
            assertEquals(by, poll.view(fiona).path("split").asText());
        }
        assertEquals(List.of("Ashford 6 A:6 B:0", "Bromley 6 A:6 B:0"), groups(poll.view(fiona)));
    }

    @Test
    void theSplitShownTakesInThoseWhoAnswerMeanwhileAndTheNextSplitIsJudgedWithThem() throws ActivityException {
        ActivityHarness<PollConfig, PollState> poll = aOrB();
        Participant fiona = poll.join("Fiona Facilitator", null, "manager", true);
        vote(poll, 0, "nurse", "nurse", "nurse");
        vote(poll, 1, "manager", "manager", "manager");
        split(poll, fiona, "clinicians_managers");

        vote(poll, 1, "doctor");
        assertEquals(List.of("Clinicians 4 A:3 B:1", "Managers 3 A:0 B:3"), groups(poll.view(fiona)), "the doctor's answer joins the split shown");
        split(poll, fiona, "clinicians_managers");

        assertEquals("split_would_reveal", refusal(poll, fiona, "profession").code(),
                "Nurses 3 A:3 would now tell that the doctor chose B");
    }

    @Test
    void someoneWhoAnswersAfterASplitWasLeftIsNotSingledOutByALaterOne() throws ActivityException {
        ActivityHarness<PollConfig, PollState> poll = aOrB();
        Participant fiona = poll.join("Fiona Facilitator", null, "manager", true);
        for (String site : List.of("Ashford", "Bromley")) {
            for (int i = 0; i < 3; i++) {
                poll.send(poll.join("Nurse " + i + " of " + site, site, "nurse", false), "vote", "{\"choices\":[0]}");
                poll.send(poll.join("Doctor " + i + " of " + site, site, "doctor", false), "vote", "{\"choices\":[0]}");
            }
        }
        split(poll, fiona, "profession");
        split(poll, fiona, "all");

        poll.send(poll.join("Dr Late", "Ashford", "doctor", false), "vote", "{\"choices\":[1]}");
        ActivityException refused = refusal(poll, fiona, "site");

        assertEquals("split_would_reveal", refused.code(), "Ashford 7 beside the professions of the 12 before would tell where the late B came from");
        assertTrue(refused.getMessage().contains("after they were shown by profession"), refused.getMessage());
        assertEquals("split_would_reveal", refusal(poll, fiona, "profession").code(),
                "Doctors 7 beside the Doctors 6 shown before would tell that the late doctor chose B");
        assertTrue(poll.view(fiona).path("groups").isNull(), "the results stay whole");
    }

    private static ActivityHarness<PollConfig, PollState> aOrB() throws ActivityException {
        return ActivityHarness.start(new PollActivityType(), new PollConfig("Q?", List.of("A", "B"), false, true));
    }

    private static void split(ActivityHarness<PollConfig, PollState> poll, Participant facilitator, String by) throws ActivityException {
        poll.send(facilitator, "split", "{\"by\":\"" + by + "\"}");
    }

    private static ActivityException refusal(ActivityHarness<PollConfig, PollState> poll, Participant facilitator, String by) {
        return assertThrows(ActivityException.class, () -> split(poll, facilitator, by));
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
