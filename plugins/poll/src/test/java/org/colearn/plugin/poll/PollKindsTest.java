package org.colearn.plugin.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.testkit.ActivityHarness;
import org.junit.jupiter.api.Test;

/** The poll's other kinds: a rating on a scale, with its mean and distribution, and a word cloud with words hidden. */
class PollKindsTest {

    @Test
    void aRatingFromOneToFiveShowsItsMeanAndHowManyGaveEachPoint() throws ActivityException {
        ActivityHarness<PollConfig, PollState> poll = start(new PollConfig("How ready are you?", "rating", null, null, false, true));
        Participant fiona = poll.join("Fiona Facilitator", null, "manager", true);
        Participant amira = poll.join("Amira Khan", "Ashford", "nurse", false);
        Participant ben = poll.join("Ben Ode", "Bromley", "doctor", false);
        poll.send(amira, "vote", "{\"rating\":4}");
        poll.send(ben, "vote", "{\"rating\":5}");
        poll.send(ben, "vote", "{\"rating\":2}");

        JsonNode hidden = poll.view(amira);
        assertEquals(4, hidden.path("rating").path("mine").asInt());
        assertEquals(1, hidden.path("rating").path("lowest").asInt());
        assertEquals(5, hidden.path("rating").path("scale").asInt());
        assertTrue(hidden.path("rating").path("mean").isNull(), "no mean for participants before the results are shown: " + hidden);
        JsonNode facilitators = poll.view(fiona);
        assertEquals(3.0, facilitators.path("rating").path("mean").asDouble(), 0.001);
        assertEquals(List.of("1:0", "2:1", "3:0", "4:1", "5:0"), points(facilitators));
        assertEquals(2, facilitators.path("voters").asInt(), "Ben's second rating replaced his first");

        poll.send(fiona, "reveal", "{}");
        assertEquals(3.0, poll.view(amira).path("rating").path("mean").asDouble(), 0.001);
        PollViews.Results results = (PollViews.Results) poll.published().get("Poll: How ready are you?");
        assertTrue(results.markdown().contains("Mean rating: 3.0."), results.markdown());
        assertTrue(results.markdown().contains("| 4 | 1 | 50% |"), results.markdown());
        assertEquals(List.of("How ready are you?", "2", "1", "50"), results.table().get(2));
        assertEquals("rating", results.table().get(0).get(1));
        poll.assertSharedViewsAgree();
    }

    @Test
    void aRatingFromZeroToTenTakesOnlyWholeNumbersOnItsScale() throws ActivityException {
        ActivityHarness<PollConfig, PollState> poll = start(new PollConfig("How likely?", "rating", 10, null, false, true));
        Participant amira = poll.join("Amira Khan", "Ashford", "nurse", false);
        poll.send(amira, "vote", "{\"rating\":0}");
        assertEquals(0, poll.view(amira).path("rating").path("mine").asInt());
        assertEquals(11, poll.view(amira).path("answers").size(), "0 to 10");
        for (String bad : List.of("{\"rating\":11}", "{\"rating\":-1}", "{\"choices\":[0]}", "{}")) {
            assertEquals("invalid_vote", assertThrows(ActivityException.class, () -> poll.send(amira, "vote", bad)).code(), bad);
        }
        assertEquals("invalid_config", assertThrows(ActivityException.class,
                () -> start(new PollConfig("How likely?", "rating", 7, null, false, true))).code());
        assertEquals("invalid_config", assertThrows(ActivityException.class,
                () -> start(new PollConfig("How likely?", "scale", null, null, false, true))).code());
    }

    @Test
    void aWordCloudCountsWordsWhateverTheirCaseOncePerPersonAndHidesTheWordsAFacilitatorHides() throws ActivityException {
        ActivityHarness<PollConfig, PollState> poll = start(new PollConfig("One word for night shifts?", "words", null, null, false, false));
        Participant fiona = poll.join("Fiona Facilitator", null, "manager", true);
        Participant amira = poll.join("Amira Khan", "Ashford", "nurse", false);
        Participant ben = poll.join("Ben Ode", "Bromley", "doctor", false);
        Participant chen = poll.join("Chen Li", "Croydon", "manager", false);
        poll.send(amira, "vote", "{\"words\":[\"Huddles\",\" tired \"]}");
        poll.send(ben, "vote", "{\"words\":[\"huddles\",\"HUDDLES\",\"rubbish\"]}");
        poll.send(chen, "vote", "{\"words\":[\"Huddles\"]}");

        assertEquals(List.of("Huddles:3", "rubbish:1", "tired:1"), words(poll.view(fiona)), "counted case-insensitively, once per person");
        assertEquals(List.of("huddles", "rubbish"), texts(poll.view(ben).path("cloud").path("mine")));
        assertTrue(poll.view(amira).path("cloud").path("words").isEmpty(), "participants see the words once they are shown");

        poll.send(fiona, "hide", "{\"word\":\"RUBBISH\"}");
        JsonNode facilitators = poll.view(fiona);
        assertTrue(facilitators.path("cloud").path("words").get(1).path("hidden").asBoolean(), "facilitators still see the hidden word, marked: " + facilitators);
        poll.send(fiona, "reveal", "{}");
        assertEquals(List.of("Huddles:3", "tired:1"), words(poll.view(amira)), "everyone else never sees the hidden word");
        assertFalse(poll.view(chen).toString().toLowerCase().contains("rubbish"));
        PollViews.Results results = (PollViews.Results) poll.published().get("Poll: One word for night shifts?");
        assertEquals(List.of(List.of("question", "word", "people"), List.of("One word for night shifts?", "Huddles", "3"),
                List.of("One word for night shifts?", "tired", "1")), results.table());
        assertTrue(results.markdown().contains("| Huddles | 3 |") && !results.markdown().contains("rubbish"), results.markdown());
        assertEquals("Ben Ode", poll.view(fiona).path("ballots").get(1).path("name").asText());

        poll.send(fiona, "hide", "{\"word\":\"rubbish\",\"hidden\":false}");
        assertEquals(List.of("Huddles:3", "rubbish:1", "tired:1"), words(poll.view(amira)), "shown again");
        poll.assertSharedViewsAgree();
    }

    @Test
    void aWordCloudRefusesEmptyOrLongAnswersAndParticipantsHidingWords() throws ActivityException {
        ActivityHarness<PollConfig, PollState> poll = start(new PollConfig("One word?", "words", null, null, false, true));
        Participant amira = poll.join("Amira Khan", "Ashford", "nurse", false);
        for (String bad : List.of("{\"words\":[]}", "{\"words\":[\"a\",\"b\",\"c\",\"d\"]}", "{\"words\":[\"  \"]}",
                "{\"words\":[\"" + "x".repeat(41) + "\"]}", "{\"rating\":3}")) {
            assertEquals("invalid_vote", assertThrows(ActivityException.class, () -> poll.send(amira, "vote", bad)).code(), bad);
        }
        assertEquals("facilitator_only", assertThrows(ActivityException.class, () -> poll.send(amira, "hide", "{\"word\":\"x\"}")).code());
        ActivityHarness<PollConfig, PollState> choice = start(new PollConfig("Which?", List.of("A", "B"), false, true));
        Participant fiona = choice.join("Fiona Facilitator", null, "manager", true);
        assertEquals("not_a_word_cloud", assertThrows(ActivityException.class, () -> choice.send(fiona, "hide", "{\"word\":\"A\"}")).code());
    }

    @Test
    void aChoicePollStoredBeforeTheOtherKindsResumesAsAChoice() throws Exception {
        PollState old = ActivityHarness.JSON.readValue("{\"question\":\"Q?\",\"options\":[\"A\",\"B\"],\"multipleChoice\":false,"
                + "\"anonymous\":true,\"open\":true,\"revealed\":false,\"votes\":{\"p1\":[1]},\"voterNames\":{}}", PollState.class);
        assertEquals("choice", old.kind());
        assertEquals(1, old.voters());
        assertEquals(1, old.counts()[1]);
    }

    private static ActivityHarness<PollConfig, PollState> start(PollConfig config) throws ActivityException {
        return ActivityHarness.start(new PollActivityType(), config);
    }

    private static List<String> points(JsonNode view) {
        List<String> points = new ArrayList<>();
        view.path("answers").forEach(answer -> points.add(answer.path("text").asText() + ":" + answer.path("votes").asInt()));
        return points;
    }

    private static List<String> words(JsonNode view) {
        List<String> words = new ArrayList<>();
        view.path("cloud").path("words").forEach(word -> words.add(word.path("text").asText() + ":" + word.path("count").asInt()));
        return words;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(text -> texts.add(text.asText()));
        return texts;
    }
}
