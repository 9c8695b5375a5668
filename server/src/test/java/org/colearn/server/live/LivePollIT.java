package org.colearn.server.live;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The built-in poll, loaded from its plugin jar like any third-party activity, run in a live session. */
@Timeout(60)
class LivePollIT {

    static final Map<String, Object> POLL = Map.of(
            "question", "Which change will you test first?",
            "options", List.of("Sepsis screening in triage", "AKI alerts", "Huddles"),
            "multipleChoice", false,
            "anonymous", true);

    TestServer server;
    Api facilitator;
    String facilitatorToken;
    String nadiaToken;
    String benToken;
    String collaborative;
    String site;
    String code;
    String sessionId;

    @BeforeEach
    void setUp() {
        server = TestServer.start();
        Api api = server.api();
        facilitatorToken = People.signUp(api, "Fiona Facilitator");
        facilitator = api.as(facilitatorToken);
        collaborative = People.collaborative(facilitator, "Sepsis");
        site = People.site(facilitator, collaborative, "Ashford", "trust");
        code = People.invitation(facilitator, collaborative, "participant");
        nadiaToken = People.signUp(api, "Nadia Nurse");
        benToken = People.signUp(api, "Ben Doctor");
        People.join(api.as(nadiaToken), code, site, "nurse");
        People.join(api.as(benToken), code, site, "doctor");
        Api.Reply created = facilitator.post("collaboratives/" + collaborative + "/sessions", Map.of(
                "title", "Session", "startsAt", "2026-12-01T09:30:00Z", "durationMinutes", 60,
                "agenda", List.of(Map.of("title", "Pulse check", "activityType", "poll", "plannedMinutes", 5, "config", POLL))));
        assertEquals(201, created.status(), created::toString);
        sessionId = created.json().path("id").asText();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void anonymousPollHidesResultsUntilRevealedAndNeverSendsWhoVotedWhat() {
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null);
                LiveClient nadia = LiveClient.join(server, sessionId, nadiaToken, "nadia-phone", null);
                LiveClient ben = LiveClient.join(server, sessionId, benToken, "ben-phone", null)) {
            fiona.request("session.start", bodyOf());
            fiona.request("agenda.goto", bodyOf("index", 0));
            JsonNode nadiasView = activityView(nadia, view -> view.path("question").asText().startsWith("Which change"));
            assertTrue(nadiasView.path("answers").get(0).path("votes").isNull(), "results are hidden: " + nadiasView);

            JsonNode vote = nadia.request("poll.vote", bodyOf("choices", List.of(1)));
            assertTrue(vote.path("ok").asBoolean(), vote::toString);
            JsonNode counted = activityView(fiona, view -> view.path("voters").asInt() == 1);
            assertEquals(1, counted.path("answers").get(1).path("votes").asInt(), "facilitators see live counts");
            assertTrue(counted.path("ballots").isNull(), "nobody sees who voted what in an anonymous poll");
            assertEquals(List.of(1), ints(activityView(nadia, view -> view.path("voters").asInt() == 1).path("myChoices")));
            JsonNode bensView = activityView(ben, view -> view.path("voters").asInt() == 1);
            assertEquals(List.of(), ints(bensView.path("myChoices")));
            assertTrue(bensView.path("answers").get(1).path("votes").isNull());

            assertEquals("facilitator_only", ben.request("poll.reveal", bodyOf()).path("error").path("code").asText());
            fiona.request("poll.reveal", bodyOf());
            JsonNode revealed = activityView(ben, view -> view.path("revealed").asBoolean());
            assertEquals(1, revealed.path("answers").get(1).path("votes").asInt());

            for (LiveClient client : List.of(nadia, ben)) {
                for (JsonNode frame : client.frames()) {
                    String text = frame.toString();
                    assertFalse(frame.path("type").asText().equals("activity.view") && text.contains("ballots\":[{"), text);
                    assertFalse(frame.path("type").asText().startsWith("activity.") && frame.has("seq"),
                            "the activity's stored state never reaches a participant: " + text);
                }
            }
        }
    }

    @Test
    void pollQuestionStaysWithFacilitatorsUntilThePollRuns() {
        JsonNode asParticipant = server.api().as(nadiaToken).get("sessions/" + sessionId).json();
        assertTrue(asParticipant.path("agenda").get(0).path("config").isNull(), asParticipant::toString);
        assertEquals("Which change will you test first?",
                facilitator.get("sessions/" + sessionId).json().path("agenda").get(0).path("config").path("question").asText());
    }

    @Test
    void revealedResultsDownloadAsMarkdownAndCsvForFacilitatorsOnly() {
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null);
                LiveClient nadia = LiveClient.join(server, sessionId, nadiaToken, "nadia-phone", null)) {
            fiona.request("session.start", bodyOf());
            fiona.request("agenda.goto", bodyOf("index", 0));
            activityView(nadia, view -> view.has("question"));
            nadia.request("poll.vote", bodyOf("choices", List.of(1)));
            fiona.request("poll.reveal", bodyOf());
            fiona.awaitEvent("activity.result");
        }
        Api.Reply list = facilitator.get("sessions/" + sessionId + "/results");
        assertEquals(200, list.status(), list::toString);
        JsonNode result = list.json().get(0);
        assertEquals("Poll: Which change will you test first?", result.path("title").asText(), list::toString);
        assertEquals("poll", result.path("type").asText());
        assertEquals("[\"json\",\"md\",\"csv\"]", result.path("formats").toString());

        String file = "sessions/" + sessionId + "/results/" + result.path("seq").asLong();
        Api.Reply markdown = facilitator.get(file + ".md");
        assertEquals(200, markdown.status(), markdown::toString);
        assertTrue(markdown.text().contains("| AKI alerts | 1 | 100% |"), markdown.text());
        assertEquals(List.of("attachment; filename=\"poll-which-change-will-you-test-first.md\""),
                markdown.headers().get("content-disposition"));
        Api.Reply csv = facilitator.get(file + ".csv");
        assertEquals("question,answer,votes,share_of_voters_percent\r\nWhich change will you test first?,Sepsis screening in triage,0,0\r\n"
                + "Which change will you test first?,AKI alerts,1,100\r\nWhich change will you test first?,Huddles,0,0\r\n", csv.text());
        assertEquals("format_not_available", facilitator.get(file + ".pdf").code());
        assertEquals("result_not_found", facilitator.get("sessions/" + sessionId + "/results/999.md").code());
        assertEquals(403, server.api().as(nadiaToken).get(file + ".csv").status(), "participants cannot download results");
    }

    @Test
    void endingTheItemEarlyClosesThePollForEveryoneAndStopsItsTimer() {
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null);
                LiveClient nadia = LiveClient.join(server, sessionId, nadiaToken, "nadia-phone", null)) {
            fiona.request("session.start", bodyOf());
            fiona.request("agenda.goto", bodyOf("index", 0));
            activityView(nadia, view -> view.has("question"));
            assertEquals("facilitator_only", nadia.request("agenda.end", bodyOf()).path("error").path("code").asText());

            JsonNode ended = fiona.request("agenda.end", bodyOf());
            assertTrue(ended.path("ok").asBoolean(), ended::toString);
            assertEquals(0, nadia.awaitEvent("agenda.item.ended").path("body").path("index").asInt());
            nadia.await(frame -> "activity.view".equals(frame.path("type").asText()) && frame.path("body").isNull(),
                    "the poll gone from the participant's screen");
            assertEquals("no_current_item", fiona.request("agenda.end", bodyOf()).path("error").path("code").asText());
            assertEquals("activity_not_running", nadia.request("poll.vote", bodyOf("choices", List.of(1))).path("error").path("code").asText(),
                    "no activity runs, so its messages have nowhere to go");
        }
        server.restart();
        try (LiveClient nadia = LiveClient.join(server, sessionId, nadiaToken, "nadia-phone", null)) {
            JsonNode session = nadia.view().path("session");
            assertEquals(-1, session.path("currentItem").asInt(), session::toString);
            assertTrue(session.path("itemEndsAt").isNull(), "no timer runs after the item ended: " + session);
            assertTrue(nadia.view().path("activity").isNull(), nadia.view()::toString);
        }
    }

    @Test
    void badVotesAreRefusedWithTheActivitysOwnCodes() {
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null);
                LiveClient nadia = LiveClient.join(server, sessionId, nadiaToken, "nadia-phone", null)) {
            fiona.request("session.start", bodyOf());
            fiona.request("agenda.goto", bodyOf("index", 0));
            activityView(nadia, view -> view.has("question"));
            assertEquals("invalid_vote", nadia.request("poll.vote", bodyOf("choices", List.of(0, 1))).path("error").path("code").asText());
            assertEquals("invalid_vote", nadia.request("poll.vote", bodyOf("choices", List.of(7))).path("error").path("code").asText());
            assertEquals("invalid_body", nadia.request("poll.vote", bodyOf("choices", "all of them")).path("error").path("code").asText());
            assertEquals("invalid_body", nadia.request("poll.vote", bodyOf("choices", List.of(0), "weight", 10)).path("error").path("code").asText());
            assertEquals("unknown_type", nadia.request("poll.rig", bodyOf()).path("error").path("code").asText());
            fiona.request("poll.close", bodyOf());
            assertEquals("poll_closed", nadia.request("poll.vote", bodyOf("choices", List.of(0))).path("error").path("code").asText());
        }
    }

    @Test
    void runningPollComesBackAfterARestartWithItsVotes() {
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null);
                LiveClient nadia = LiveClient.join(server, sessionId, nadiaToken, "nadia-phone", null)) {
            fiona.request("session.start", bodyOf());
            fiona.request("agenda.goto", bodyOf("index", 0));
            activityView(nadia, view -> view.has("question"));
            nadia.request("poll.vote", bodyOf("choices", List.of(2)));
        }
        server.restart();
        try (LiveClient fiona = LiveClient.connect(server, sessionId)) {
            JsonNode view = fiona.request("hello", bodyOf("token", facilitatorToken)).path("body").path("view");
            JsonNode activity = view.path("activity");
            assertEquals("poll", activity.path("type").asText(), view::toString);
            assertEquals("/plugins/poll/colearn-activity-poll.js", activity.path("module").asText());
            assertEquals(1, activity.path("view").path("answers").get(2).path("votes").asInt());
        }
        try (LiveClient ben = LiveClient.join(server, sessionId, benToken, "ben-phone", null)) {
            assertTrue(ben.request("poll.vote", bodyOf("choices", List.of(0))).path("ok").asBoolean());
        }
    }

    @Test
    void aSplitThatWouldGiveAwayOnePersonsAnswerIsRefusedAndTheDownloadKeepsTheSplitThatWasAllowed() {
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null)) {
            fiona.request("session.start", bodyOf());
            fiona.request("agenda.goto", bodyOf("index", 0));
            vote(nadiaToken, 0);
            vote(benToken, 1);
            for (String nurse : List.of("Nell Nurse", "Nora Nurse")) {
                vote(member(nurse, "nurse"), 0);
            }
            for (String manager : List.of("Mo Manager", "May Manager", "Max Manager")) {
                vote(member(manager, "manager"), 1);
            }

            assertTrue(fiona.request("poll.split", bodyOf("by", "clinicians_managers")).path("ok").asBoolean());
            JsonNode byRole = activityView(fiona, view -> view.path("split").asText().equals("clinicians_managers"));
            assertEquals(List.of("Clinicians 4", "Managers 3"), groups(byRole));
            JsonNode refused = fiona.request("poll.split", bodyOf("by", "profession")).path("error");

            assertEquals("split_would_reveal", refused.path("code").asText(), "Nurses 3 beside Clinicians 4 would give Ben's answer away: " + refused);
            assertEquals("by", refused.path("field").asText());
            assertTrue(refused.path("message").asText().startsWith("Showing the results by profession after they were shown by clinicians and managers"),
                    refused::toString);
            fiona.request("poll.close", bodyOf());
            fiona.awaitEvent("activity.result");
        }
        server.restart();
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-tablet", null)) {
            JsonNode again = fiona.request("poll.split", bodyOf("by", "profession"));
            assertEquals("split_would_reveal", again.path("error").path("code").asText(),
                    () -> "a restart does not forget the split shown before: " + again);
        }
        Api restarted = server.api().as(facilitatorToken);
        long seq = restarted.get("sessions/" + sessionId + "/results").json().get(0).path("seq").asLong();
        String csv = restarted.get("sessions/" + sessionId + "/results/" + seq + ".csv").text();
        assertTrue(csv.contains("\r\nWhich change will you test first?,Clinicians,AKI alerts,1,25\r\n") && !csv.contains("Nurses"), csv);
    }

    /** Signs someone up into the collaborative, at Ashford, with this profession; returns their login token. */
    private String member(String name, String profession) {
        String token = People.signUp(server.api(), name);
        People.join(server.api().as(token), code, site, profession);
        return token;
    }

    /** The person joins the running poll and chooses an answer. */
    private void vote(String token, int choice) {
        try (LiveClient voter = LiveClient.join(server, sessionId, token, "phone-" + token.substring(0, 8), null)) {
            assertEquals("poll", voter.view().path("activity").path("type").asText(), voter.view()::toString);
            JsonNode vote = voter.request("poll.vote", bodyOf("choices", List.of(choice)));
            assertTrue(vote.path("ok").asBoolean(), vote::toString);
        }
    }

    private static List<String> groups(JsonNode view) {
        List<String> groups = new java.util.ArrayList<>();
        view.path("groups").forEach(group -> groups.add(group.path("label").asText() + " " + group.path("voters").asInt()));
        return groups;
    }

    @Test
    void pollTypeIsListedItsComponentServedAndABadConfigurationRefused() throws Exception {
        JsonNode types = facilitator.get("activity-types").json();
        JsonNode poll = java.util.stream.StreamSupport.stream(types.spliterator(), false)
                .filter(type -> type.path("id").asText().equals("poll"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the poll is not listed: " + types));
        assertEquals("/plugins/poll/colearn-activity-poll.js", poll.path("browserModule").asText());
        var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        var module = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "plugins/poll/colearn-activity-poll.js")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, module.statusCode());
        assertTrue(module.body().contains("customElements.define('colearn-activity-poll'"));
        Api.Reply bad = facilitator.post("collaboratives/" + collaborative + "/sessions", Map.of(
                "title", "Session", "startsAt", "2026-12-01T09:30:00Z", "durationMinutes", 60,
                "agenda", List.of(Map.of("title", "Poll", "activityType", "poll", "plannedMinutes", 5,
                        "config", Map.of("question", "Q", "options", "not a list")))));
        assertEquals(400, bad.status(), "a setting of the wrong kind is unreadable input, named: " + bad);
        assertTrue(bad.json().path("errors").get(0).path("field").asText().startsWith("agenda[0].config"), bad::toString);

        Api.Reply oneAnswer = facilitator.post("collaboratives/" + collaborative + "/sessions", Map.of(
                "title", "Session", "startsAt", "2026-12-01T09:30:00Z", "durationMinutes", 60,
                "agenda", List.of(Map.of("title", "Poll", "activityType", "poll", "plannedMinutes", 5,
                        "config", Map.of("question", "Ready?", "options", List.of("Yes"), "multipleChoice", false, "anonymous", false)))));
        assertEquals(422, oneAnswer.status(), oneAnswer::toString);
        JsonNode error = oneAnswer.json().path("errors").get(0);
        assertEquals("agenda[0].config.options", error.path("field").asText(), oneAnswer::toString);
        assertEquals("A poll needs 2 to 12 answers.", error.path("message").asText(), "the poll's own rule, refused while planning");
    }

    private static JsonNode activityView(LiveClient client, Predicate<JsonNode> matches) {
        return client.await(frame -> "activity.view".equals(frame.path("type").asText())
                        && matches.test(frame.path("body").path("view")), "an activity view")
                .path("body").path("view");
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asInt()));
        return values;
    }
}
