package org.colearn.server.buddies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.colearn.server.testing.AnonymousItems;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A failure story written "for my pair" is read by the buddy site once the pair is active, and by nobody else. */
@Timeout(120)
class BuddyPairStoriesIT {

    TestServer server;
    SixSites kent;

    @BeforeEach
    void start() {
        server = TestServer.start();
        kent = SixSites.withProfiles(server.api(), "Stories");
        String round = kent.round("Autumn");
        kent.facilitator.post(kent.path("rounds/" + round + "/run"), Map.of());
        kent.facilitator.post(kent.path("rounds/" + round + "/publish"), Map.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aPairStoryReachesTheBuddySiteOnlyOnceBothLeadsHaveAcceptedAndNeverAThirdSiteOrTheFacilitator() {
        String anonymous = post(kent.ashfordParticipant, "nobody", "Night-time screening fell away");
        String credited = post(kent.ashfordParticipant, "person", "Our huddle went quiet");
        for (String story : List.of(anonymous, credited)) {
            assertEquals(404, kent.leads.get("Bromley").get("stories/" + story).status(), "not while the pair waits for its leads");
        }

        String pair = kent.leads.get("Ashford").get(kent.path("pairs")).json().get(0).path("id").asText();
        accept("Ashford", pair);
        accept("Bromley", pair);

        for (String story : List.of(anonymous, credited)) {
            Api.Reply buddy = kent.leads.get("Bromley").get("stories/" + story);
            assertEquals(200, buddy.status(), "Bromley, Ashford's buddy, reads it now: " + buddy);
            assertEquals(200, kent.leads.get("Ashford").get("stories/" + story).status(), "Ashford reads its own");
            assertEquals(404, kent.leads.get("Canterbury").get("stories/" + story).status(), "a third site does not");
            assertEquals(404, kent.facilitator.get("stories/" + story).status(), "nor does the facilitator");
        }
        Api.Reply anonymousAsSeen = kent.leads.get("Bromley").get("stories/" + anonymous);
        assertEquals(false, anonymousAsSeen.text().contains("Stories Ashford Nurse"), "the buddy site never learns who wrote it");
    }

    @Test
    void thePairsSpaceListsItsStoriesForBothSitesWithTheirCreditAndNeverTheAuthorOfAnAnonymousOne() {
        String pair = kent.activate("Ashford");
        String anonymous = post(kent.ashfordParticipant, "nobody", "Night-time screening fell away");
        String credited = post(kent.ashfordParticipant, "person", "Our huddle went quiet");
        String space = kent.path("spaces/" + pair);

        for (String site : List.of("Ashford", "Bromley")) {
            JsonNode stories = kent.leads.get(site).get(space).json().path("stories");
            assertEquals(2, stories.size(), site + " sees both: " + stories);
            assertEquals(credited, stories.get(0).path("id").asText(), "newest first");
            assertEquals("Our huddle went quiet", stories.get(0).path("title").asText());
            assertEquals("Stories Ashford Nurse, Ashford", stories.get(0).path("credit").asText());
            assertEquals(anonymous, stories.get(1).path("id").asText());
            assertEquals("Anonymous", stories.get(1).path("credit").asText());
            assertFalse(stories.get(1).toString().contains("Ashford"), "neither its author nor its site: " + stories.get(1));
        }
        assertEquals(404, kent.leads.get("Canterbury").get(space).status(), "a third site sees neither space nor stories");
        assertEquals(404, kent.facilitator.get(space).status(), "nor does a facilitator the pair has not invited");

        kent.leads.get("Bromley").put(space + "/faculty", Map.of("invited", true));
        Api.Reply invited = kent.facilitator.get(space);
        assertEquals(200, invited.status(), invited::toString);
        assertEquals(0, invited.json().path("stories").size(), "the faculty reads the space, but pair stories stay the pair's");
    }

    private String post(Api author, String credit, String title) {
        Api.Reply reply = author.post("collaboratives/" + kent.collaborative + "/stories", Map.of(
                "title", title,
                "topic", "Sepsis",
                "changeIdea", "Screening at triage",
                "whatWeTried", "A paper screening tool stapled to every triage card.",
                "whatHappened", "Night shifts skipped it when the department was full.",
                "whatWeLearned", "Handover huddles made the screening stick better than paper reminders.",
                "whatWeWouldDoDifferently", "Ask the night team to design the prompt.",
                "tags", List.of("Triage"),
                "credit", credit,
                "visibility", "pair"));
        assertEquals(201, reply.status(), reply::toString);
        AnonymousItems.written(server);
        return reply.json().path("item").path("id").asText();
    }

    private void accept(String site, String pairId) {
        Api.Reply reply = kent.leads.get(site).post(kent.path("pairs/" + pairId + "/answer"), Map.of("answer", "accept"));
        assertEquals(200, reply.status(), reply::toString);
    }
}
