package org.colearn.plugin.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.testkit.ActivityHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PollTest {

    ActivityHarness<PollConfig, PollState> poll;
    Participant fiona;
    Participant amira;
    Participant ben;

    @BeforeEach
    void start() throws ActivityException {
        poll = ActivityHarness.start(new PollActivityType(),
                new PollConfig("Which change first?", List.of("Screening", "Alerts", "Huddles"), false, true));
        fiona = poll.join("Fiona Facilitator", null, "manager", true);
        amira = poll.join("Amira Khan", "Ashford", "nurse", false);
        ben = poll.join("Ben Ode", "Bromley", "doctor", false);
    }

    @Test
    void participantsSeeTheirOwnVoteButNoCountsUntilRevealed() throws ActivityException {
        poll.send(amira, "vote", "{\"choices\":[1]}");
        JsonNode amirasView = poll.view(amira);
        assertEquals("[1]", amirasView.path("myChoices").toString());
        assertTrue(amirasView.path("answers").get(1).path("votes").isNull());
        assertEquals(1, poll.view(fiona).path("answers").get(1).path("votes").asInt());
        poll.send(fiona, "reveal", "{}");
        assertEquals(1, poll.view(ben).path("answers").get(1).path("votes").asInt());
        assertEquals(1, poll.published().size(), "revealing keeps the results with the session");
    }

    @Test
    void revealedResultsExportAsAMarkdownTableAndAsRowsForASpreadsheet() throws ActivityException {
        poll.send(amira, "vote", "{\"choices\":[1]}");
        poll.send(ben, "vote", "{\"choices\":[1]}");
        poll.send(fiona, "reveal", "{}");
        PollViews.Results results = (PollViews.Results) poll.published().get("Poll: Which change first?");
        assertTrue(results.markdown().startsWith("# Poll: Which change first?\n\n2 people voted, anonymously."), results.markdown());
        assertTrue(results.markdown().contains("| Alerts | 2 | 100% |"), results.markdown());
        assertEquals(List.of(List.of("question", "answer", "votes", "share_of_voters_percent"), List.of("Which change first?", "Screening", "0", "0"),
                List.of("Which change first?", "Alerts", "2", "100"), List.of("Which change first?", "Huddles", "0", "0")), results.table());
    }

    @Test
    void participantsWhoChoseTheSameAnswersShareOneViewAndEveryoneElseAnother() throws ActivityException {
        Participant chen = poll.join("Chen Li", "Croydon", "manager", false);
        assertEquals(poll.viewKey(ben), poll.viewKey(chen), "nobody has voted: one view for all participants");
        poll.send(amira, "vote", "{\"choices\":[1]}");
        poll.send(chen, "vote", "{\"choices\":[1]}");
        assertEquals(poll.viewKey(amira), poll.viewKey(chen));
        assertNotEquals(poll.viewKey(amira), poll.viewKey(ben), "Ben has not voted: his choices differ");
        assertNotEquals(poll.viewKey(fiona), poll.viewKey(ben), "facilitators see the counts");
        poll.assertSharedViewsAgree();
        poll.send(fiona, "reveal", "{}");
        poll.assertSharedViewsAgree();
    }

    @Test
    void anonymousPollNeverShowsWhoVotedWhatEvenToFacilitators() throws ActivityException {
        poll.send(amira, "vote", "{\"choices\":[0]}");
        assertTrue(poll.view(fiona).path("ballots").isNull());
        assertTrue(!poll.view(fiona).toString().contains("Amira"));
    }

    @Test
    void namedPollShowsBallotsToFacilitatorsOnly() throws ActivityException {
        poll = ActivityHarness.start(new PollActivityType(), new PollConfig("Q?", List.of("A", "B"), true, false));
        Participant facilitator = poll.join("Fiona Facilitator", null, "manager", true);
        Participant nurse = poll.join("Amira Khan", "Ashford", "nurse", false);
        poll.send(nurse, "vote", "{\"choices\":[0,1]}");
        assertEquals("Amira Khan", poll.view(facilitator).path("ballots").get(0).path("name").asText());
        assertTrue(poll.view(nurse).path("ballots").isNull());
    }

    @Test
    void votingAgainReplacesTheVoteAndClosedPollsRefuseVotes() throws ActivityException {
        poll.send(amira, "vote", "{\"choices\":[0]}");
        poll.send(amira, "vote", "{\"choices\":[2]}");
        assertEquals(1, poll.view(fiona).path("voters").asInt());
        assertEquals(1, poll.view(fiona).path("answers").get(2).path("votes").asInt());
        poll.send(fiona, "close", "{}");
        assertEquals("poll_closed", assertThrows(ActivityException.class, () -> poll.send(ben, "vote", "{\"choices\":[0]}")).code());
    }

    @Test
    void badVotesAndParticipantsRevealingAreRefused() {
        assertEquals("invalid_vote", assertThrows(ActivityException.class, () -> poll.send(amira, "vote", "{\"choices\":[0,1]}")).code());
        assertEquals("invalid_vote", assertThrows(ActivityException.class, () -> poll.send(amira, "vote", "{\"choices\":[5]}")).code());
        assertEquals("invalid_body", assertThrows(ActivityException.class, () -> poll.send(amira, "vote", "{\"choices\":[0],\"x\":1}")).code());
        assertEquals("facilitator_only", assertThrows(ActivityException.class, () -> poll.send(amira, "reveal", "{}")).code());
    }

    @Test
    void votesSurviveARestartFromStoredState() throws ActivityException {
        poll.send(amira, "vote", "{\"choices\":[1]}");
        poll.restart();
        assertEquals("[1]", poll.view(amira).path("myChoices").toString());
        poll.send(ben, "vote", "{\"choices\":[1]}");
        assertEquals(2, poll.view(fiona).path("answers").get(1).path("votes").asInt());
    }

    @Test
    void unusableConfigurationIsRefusedAtStart() {
        ActivityException refused = assertThrows(ActivityException.class,
                () -> ActivityHarness.start(new PollActivityType(), new PollConfig("Q?", List.of("Only one"), false, true)));
        assertEquals("invalid_config", refused.code());
    }
}
