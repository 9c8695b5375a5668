package org.colearn.plugin.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.testkit.ActivityHarness;
import org.junit.jupiter.api.Test;

/** A ranking poll: everyone orders the answers; the results are each answer's mean rank and Borda points, sorted. */
class PollRankingTest {

    private static final List<String> THREATS = List.of("Staffing gaps", "Handover errors", "Sepsis missed", "Falls");

    @Test
    void aRankingShowsEachAnswersMeanRankAndBordaPointsMostFavouredFirst() throws ActivityException {
        ActivityHarness<PollConfig, PollState> poll = start();
        Participant fiona = poll.join("Fiona Facilitator", null, "manager", true);
        Participant amira = poll.join("Amira Khan", "Ashford", "nurse", false);
        Participant ben = poll.join("Ben Ode", "Bromley", "doctor", false);
        Participant chen = poll.join("Chen Li", "Croydon", "manager", false);
        poll.send(amira, "vote", "{\"order\":[2,0,1,3]}");
        poll.send(ben, "vote", "{\"order\":[0,2,1,3]}");
        poll.send(chen, "vote", "{\"order\":[3,2,1,0]}");
        poll.send(chen, "vote", "{\"order\":[2,1,0,3]}");

        assertEquals(List.of(2, 1, 0, 3), ints(poll.view(chen).path("ranking").path("mine")), "a second ranking replaces the first");
        assertTrue(poll.view(amira).path("ranking").path("ranks").isEmpty(), "no ranks for participants before the results are shown");
        // Sepsis missed: places 1, 2, 1 → mean 1.33, points 3+2+3; Staffing gaps: 2, 1, 3 → 2.0, 2+3+1; Handover: 3, 3, 2; Falls: 4, 4, 4.
        assertEquals(List.of("Sepsis missed:1.33:8", "Staffing gaps:2.00:6", "Handover errors:2.67:4", "Falls:4.00:0"), ranks(poll.view(fiona)));
        assertEquals(3, poll.view(fiona).path("voters").asInt());

        poll.send(fiona, "reveal", "{}");
        assertEquals(ranks(poll.view(fiona)), ranks(poll.view(amira)));
        PollViews.Results results = (PollViews.Results) poll.published().get("Poll: Which safety threat matters most?");
        assertEquals(List.of("question", "answer", "mean_rank", "borda_points"), results.table().get(0));
        assertEquals(List.of("Which safety threat matters most?", "Sepsis missed", "1.33", "8"), results.table().get(1));
        assertTrue(results.markdown().contains("| Answer | Mean rank | Borda points |") && results.markdown().contains("| Falls | 4.00 | 0 |"),
                results.markdown());
        poll.assertSharedViewsAgree();
    }

    @Test
    void aRankingTakesEveryAnswerOnceAndNeedsThreeToTenAnswers() throws ActivityException {
        ActivityHarness<PollConfig, PollState> poll = start();
        Participant amira = poll.join("Amira Khan", "Ashford", "nurse", false);
        for (String bad : List.of("{\"order\":[0,1,2]}", "{\"order\":[0,1,2,2]}", "{\"order\":[0,1,2,4]}", "{\"choices\":[0]}",
                "{\"order\":[0,1,2,3],\"rating\":1}", "{}")) {
            assertEquals("invalid_vote", assertThrows(ActivityException.class, () -> poll.send(amira, "vote", bad)).code(), bad);
        }
        for (List<String> options : List.of(List.of("A", "B"), List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"))) {
            ActivityException refused = assertThrows(ActivityException.class,
                    () -> ActivityHarness.start(new PollActivityType(), new PollConfig("Q?", "ranking", null, options, false, true)));
            assertEquals("A ranking needs 3 to 10 answers to put in order.", refused.getMessage());
        }
    }

    @Test
    void aPollStoredBeforeRankingsAndSplitsResumesWithItsResultsWhole() throws Exception {
        PollState old = ActivityHarness.JSON.readValue("{\"question\":\"Q?\",\"kind\":\"rating\",\"scale\":5,\"options\":[],"
                + "\"multipleChoice\":false,\"anonymous\":true,\"open\":true,\"revealed\":true,\"votes\":{},\"ratings\":{\"p1\":4},"
                + "\"words\":{},\"hiddenWords\":[],\"voterNames\":{}}", PollState.class);
        assertEquals("all", old.split());
        assertTrue(old.rankings().isEmpty() && old.backgrounds().isEmpty());
        assertEquals(1, old.voters());
        assertEquals(4.0, old.mean(), 0.001);
    }

    private static ActivityHarness<PollConfig, PollState> start() throws ActivityException {
        return ActivityHarness.start(new PollActivityType(), new PollConfig("Which safety threat matters most?", "ranking", null, THREATS, false, true));
    }

    static List<String> ranks(JsonNode view) {
        List<String> ranks = new ArrayList<>();
        view.path("ranking").path("ranks").forEach(rank -> ranks.add(rank.path("text").asText() + ":"
                + String.format(java.util.Locale.ROOT, "%.2f", rank.path("meanRank").asDouble()) + ":" + rank.path("points").asInt()));
        return ranks;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> ints = new ArrayList<>();
        array.forEach(value -> ints.add(value.asInt()));
        return ints;
    }
}
