package org.colearn.server.live;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.colearn.server.buddies.SixSites;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.SiteData;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The built-in data review in a live session on a real server, over real WebSockets: the facilitator brings each
 * site's chart of a common measure to the screen; Ashford, which does not share its data, is seen by its members, its
 * buddy pair and the facilitator, while a site outside the pair and a guest who says they are from Ashford get only
 * "This site's data are not shared" and never a frame with its chart or its questions; Canterbury, which shares, is
 * seen by all. The result keeps each site's questions and notes.
 */
@Timeout(120)
class LiveDataReviewIT {

    static final String MEASURE = "Sepsis screening within an hour";
    static final String ASHFORD_QUESTION = "How do you count arrivals at night?";

    /** The activity's part of a frame: an activity view sent on its own, or the one in the view that answers hello. */
    static final Function<JsonNode, JsonNode> ACTIVITY = frame -> "activity.view".equals(frame.path("type").asText())
            ? frame.path("body") : frame.path("body").path("view").path("activity");

    TestServer server;
    SixSites kent;
    String partner;
    String measure;
    String sessionId;

    @BeforeEach
    void setUp() {
        server = TestServer.start();
        kent = SixSites.withProfiles(server.api(), "Review");
        kent.publishedRound("Autumn");
        JsonNode pair = kent.pairOf("Ashford");
        kent.activate("Ashford");
        partner = java.util.stream.StreamSupport.stream(pair.path("sites").spliterator(), false)
                .map(site -> site.path("name").asText()).filter(name -> !name.equals("Ashford")).findFirst().orElseThrow();
        measure = SiteData.commonMeasure(kent.facilitator, kent.collaborative, MEASURE);
        SiteData.months(kent.leads.get("Ashford"), kent.collaborative, kent.siteIds.get("Ashford"), measure, 20, 24, 22, 30, 33, 35);
        SiteData.months(kent.leads.get("Canterbury"), kent.collaborative, kent.siteIds.get("Canterbury"), measure, 30, 31, 29, 30, 32, 31);
        SiteData.share(kent.leads.get("Canterbury"), kent.collaborative, kent.siteIds.get("Canterbury"));
        sessionId = People.session(kent.facilitator, kent.collaborative, "Learning session 4", 60, List.of(Map.of(
                "title", "Our sepsis data", "activityType", "data-review", "plannedMinutes", 30,
                "config", Map.of("measure", MEASURE))));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void anUnsharedSitesChartReachesOnlyItsMembersItsBuddyPairAndTheFacilitatorsWhileASharedOneReachesEveryone() {
        String outsiderSite = outsiderSite();
        List<LiveClient> clients = new ArrayList<>();
        try {
            LiveClient fiona = join(clients, kent.facilitator, "fiona");
            LiveClient amira = join(clients, kent.ashfordParticipant, "amira");
            LiveClient buddy = join(clients, kent.leads.get(partner), "buddy");
            LiveClient outsider = join(clients, kent.leads.get(outsiderSite), "outsider");
            LiveClient guest = join(clients, server.api().as(guestSayingAshford()), "gina");
            assertTrue(fiona.request("session.start", bodyOf()).path("ok").asBoolean());
            JsonNode started = fiona.request("agenda.goto", bodyOf("index", 0));
            assertTrue(started.path("ok").asBoolean(), started::toString);

            for (LiveClient reader : List.of(fiona, amira, buddy)) {
                JsonNode turn = review(reader, view -> view.path("turn").path("site").asText().equals("Ashford")).path("turn");
                assertTrue(turn.path("visible").asBoolean(), turn::toString);
                JsonNode chart = read(turn.path("chart").asText());
                assertEquals(6, chart.path("analysis").path("points").size(), "six months of Ashford's values");
                assertEquals("%", chart.path("unit").asText());
                assertEquals(chart.path("analysis").path("summary").asText(), turn.path("summary").asText());
            }
            for (LiveClient stranger : List.of(outsider, guest)) {
                JsonNode turn = review(stranger, view -> view.path("turn").path("site").asText().equals("Ashford")).path("turn");
                assertFalse(turn.path("visible").asBoolean(), turn::toString);
                assertEquals("This site's data are not shared", turn.path("notice").asText());
                assertEquals("site_data_private", stranger.request("data-review.ask", bodyOf("text", "Can we see it?")).path("error").path("code").asText());
            }

            assertEquals("not_your_site", buddy.request("data-review.present", bodyOf()).path("error").path("code").asText());
            assertTrue(amira.request("data-review.present", bodyOf()).path("ok").asBoolean());
            JsonNode asked = buddy.request("data-review.ask", bodyOf("text", ASHFORD_QUESTION));
            assertTrue(asked.path("ok").asBoolean(), asked::toString);
            String questionId = review(amira, view -> view.path("turn").path("questions").size() == 1)
                    .path("turn").path("questions").get(0).path("id").asText();
            assertTrue(amira.request("data-review.answer", bodyOf("id", questionId)).path("ok").asBoolean());
            JsonNode answered = review(fiona, view -> view.path("turn").path("questions").path(0).path("answered").asBoolean());
            assertEquals("Review Ashford Nurse", answered.path("turn").path("presenter").asText());
            assertTrue(buddy.request("data-review.note", bodyOf("text", "Borrow Ashford's night count", "forSite", true)).path("ok").asBoolean());
            review(outsider, view -> view.path("turn").path("presenter").asText().equals("Review Ashford Nurse"));

            assertEquals("facilitator_only", amira.request("data-review.next", bodyOf()).path("error").path("code").asText());
            assertTrue(fiona.request("data-review.next", bodyOf()).path("ok").asBoolean());
            for (LiveClient person : List.of(amira, buddy, outsider, guest)) {
                JsonNode turn = review(person, view -> view.path("turn").path("site").asText().equals("Canterbury")).path("turn");
                assertTrue(turn.path("visible").asBoolean() && turn.path("shared").asBoolean(), "Canterbury shares its data: " + turn);
            }
            assertTrue(outsider.request("data-review.ask", bodyOf("text", "What did you change in March?")).path("ok").asBoolean());
            assertTrue(outsider.request("data-review.note", bodyOf("text", "Ask Canterbury for their huddle sheet", "forSite", false)).path("ok").asBoolean());
            review(guest, view -> view.path("turn").path("questions").size() == 1);

            JsonNode ended = fiona.request("agenda.end", bodyOf());
            assertTrue(ended.path("ok").asBoolean(), ended::toString);
            fiona.awaitEvent("activity.result");
            for (LiveClient stranger : List.of(outsider, guest)) {
                for (JsonNode frame : stranger.frames()) {
                    String text = frame.toString();
                    assertFalse(text.contains(ASHFORD_QUESTION) || text.contains("Borrow Ashford"), "someone who may not see Ashford's data received " + text);
                    JsonNode turn = ACTIVITY.apply(frame).path("view").path("turn");
                    if (turn.path("site").asText().equals("Ashford")) {
                        assertTrue(turn.path("chart").isNull() && turn.path("summary").isNull() && turn.path("questions").isEmpty(),
                                "someone who may not see Ashford's data received its chart: " + turn);
                    }
                }
            }
        } finally {
            clients.forEach(LiveClient::close);
        }

        Api.Reply results = kent.facilitator.get("sessions/" + sessionId + "/results");
        JsonNode kept = java.util.stream.StreamSupport.stream(results.json().spliterator(), false)
                .filter(result -> result.path("title").asText().equals("Data review: " + MEASURE)).findFirst()
                .orElseThrow(() -> new AssertionError("no data review result in " + results));
        String markdown = kent.facilitator.get("sessions/" + sessionId + "/results/" + kept.path("seq").asLong() + ".md").text();
        assertTrue(markdown.contains("## Ashford\n"), markdown);
        assertTrue(markdown.contains("Presented by Review Ashford Nurse."), markdown);
        assertTrue(markdown.contains("- " + ASHFORD_QUESTION + " (Review " + partner + " Lead, answered)"), markdown);
        assertTrue(markdown.contains("- Borrow Ashford's night count (" + partner + ")"), markdown);
        assertTrue(markdown.contains("## Canterbury\n"), markdown);
        assertTrue(markdown.contains("- Ask Canterbury for their huddle sheet (personal)"), markdown);
        String csv = kent.facilitator.get("sessions/" + sessionId + "/results/" + kept.path("seq").asLong() + ".csv").text();
        assertTrue(csv.contains("Canterbury,question,What did you change in March?"), csv);
    }

    /** A site outside Ashford's buddy pair that does not share its data either. */
    private String outsiderSite() {
        return List.of("Canterbury", "Dartford", "Eastbourne", "Folkestone").stream()
                .filter(name -> !name.equals(partner) && !name.equals("Canterbury")).findFirst().orElseThrow();
    }

    @Test
    void anUnsharedSitesChartPageAndViewAcrossSitesReachItsBuddyPairButNoOtherSite() {
        String chart = "collaboratives/" + kent.collaborative + "/sites/" + kent.siteIds.get("Ashford") + "/measures/" + measure + "/chart";
        String overview = "collaboratives/" + kent.collaborative + "/measures/" + measure + "/overview";
        Api buddy = kent.leads.get(partner);
        Api.Reply read = buddy.get(chart);
        assertEquals(200, read.status(), read::toString);
        assertEquals(6, read.json().path("analysis").path("points").size(), "six months of Ashford's values");
        assertEquals(200, buddy.get(chart.replace("/chart", "/chart.csv")).status());
        List<String> seen = new ArrayList<>();
        buddy.get(overview).json().path("sites").forEach(site -> seen.add(site.path("siteName").asText()));
        assertTrue(seen.contains("Ashford"), "the buddy pair's small multiples hold Ashford: " + seen);

        Api outsider = kent.leads.get(outsiderSite());
        Api.Reply refused = outsider.get(chart);
        assertEquals(403, refused.status(), refused::toString);
        assertEquals("site_data_private", refused.code());
        JsonNode across = outsider.get(overview).json();
        List<String> outside = new ArrayList<>();
        across.path("sites").forEach(site -> outside.add(site.path("siteName").asText()));
        assertTrue(outside.contains("Canterbury") && !outside.contains("Ashford"), "the site that shares, not Ashford: " + outside);
        assertEquals(1, across.path("hiddenSites").asInt(), "Ashford is counted as a site that has not shared its data");
    }

    @Test
    void theSiteOnTheScreenItsPresenterAndItsQuestionsAreStillThereAfterARestart() {
        try (LiveClient fiona = LiveClient.join(server, sessionId, kent.facilitator.bearerToken(), "fiona-laptop", null);
                LiveClient amira = LiveClient.join(server, sessionId, kent.ashfordParticipant.bearerToken(), "amira-laptop", null)) {
            assertTrue(fiona.request("session.start", bodyOf()).path("ok").asBoolean());
            assertTrue(fiona.request("agenda.goto", bodyOf("index", 0)).path("ok").asBoolean());
            review(amira, view -> view.path("turn").path("site").asText().equals("Ashford"));
            assertTrue(amira.request("data-review.present", bodyOf()).path("ok").asBoolean());
            assertTrue(fiona.request("data-review.ask", bodyOf("text", ASHFORD_QUESTION)).path("ok").asBoolean());
            review(amira, view -> view.path("turn").path("questions").size() == 1);
        }
        server.restart();
        try (LiveClient amira = LiveClient.join(server, sessionId, kent.ashfordParticipant.bearerToken(), "amira-laptop", null)) {
            JsonNode turn = amira.view().path("activity").path("view").path("turn");
            assertEquals("Ashford", turn.path("site").asText());
            assertEquals("Review Ashford Nurse", turn.path("presenter").asText());
            assertEquals(ASHFORD_QUESTION, turn.path("questions").get(0).path("text").asText());
            assertEquals(6, read(turn.path("chart").asText()).path("analysis").path("points").size(), "the chart is read again");
        }
    }

    @Test
    void theFacilitatorIsToldWhenTheCollaborativeHasNoMeasureOfTheNameGivenWithTheNamesItHas() {
        String other = People.session(kent.facilitator, kent.collaborative, "Learning session 5", 60, List.of(Map.of(
                "title", "Falls", "activityType", "data-review", "plannedMinutes", 30, "config", Map.of("measure", "Falls per 1000 bed days"))));
        try (LiveClient fiona = LiveClient.join(server, other, kent.facilitator.bearerToken(), "fiona-falls", null)) {
            assertTrue(fiona.request("session.start", bodyOf()).path("ok").asBoolean());
            assertTrue(fiona.request("agenda.goto", bodyOf("index", 0)).path("ok").asBoolean());
            String told = fiona.awaitEvent("activity.failed").path("body").path("message").asText();
            assertTrue(told.contains("no common measure called “Falls per 1000 bed days”") && told.contains(MEASURE), told);
        }
    }

    /** A guest who joins with the session's code and types Ashford as their site: a claim, not a membership. */
    private String guestSayingAshford() {
        String code = People.guestCode(kent.facilitator, sessionId);
        Api.Reply joined = server.api().post("sessions/join", Map.of("code", code, "displayName", "Gina Guest", "site", "Ashford"));
        assertEquals(201, joined.status(), joined::toString);
        return joined.json().path("guestToken").asText();
    }

    private LiveClient join(List<LiveClient> clients, Api person, String clientId) {
        LiveClient client = LiveClient.join(server, sessionId, person.bearerToken(), clientId + "-laptop", null);
        clients.add(client);
        return client;
    }

    private static JsonNode read(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("the chart is not JSON: " + json, e);
        }
    }

    /** The latest data-review view, once it matches. */
    private static JsonNode review(LiveClient client, Predicate<JsonNode> matches) {
        return client.awaitActivityView(matches, "a data-review view");
    }
}
