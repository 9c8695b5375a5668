package org.colearn.server.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every kind of bad input gets its own documented answer, never a 500, and none of them changes anything: among them
 * text with control characters, dates outside the window, fractions for whole numbers, unreadable query parameters and
 * streamed oversize bodies.
 */
@Timeout(60)
class BadInputIT {

    static TestServer server;
    static Api facilitator;
    static String collaborative;
    static String sites;
    static String sessions;
    static String stories;

    /** A NUL character as JSON writes it: PostgreSQL cannot store it, and no person types it. */
    static final String NUL = "\\u0000";

    @BeforeAll
    static void setUp() {
        server = TestServer.start();
        facilitator = server.api().as(People.signUp(server.api(), "Fiona Facilitator"));
        collaborative = People.collaborative(facilitator, "Sepsis");
        sites = "collaboratives/" + collaborative + "/sites";
        sessions = "collaboratives/" + collaborative + "/sessions";
        stories = "collaboratives/" + collaborative + "/stories";
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    @Test
    void malformedJsonIsA400WithWhereItBroke() {
        Api.Reply reply = facilitator.send("POST", sites, "application/json", "{\"name\": \"Ashford\", ");
        assertEquals(400, reply.status());
        assertEquals("malformed_json", reply.code());
        assertTrue(reply.json().path("detail").asText().contains("line 1"), reply::toString);
        assertNoSites();
    }

    @Test
    void missingRequiredFieldIsA422NamingTheField() {
        Api.Reply reply = facilitator.post(sites, Map.of("name", "Ashford", "region", "Surrey"));
        assertEquals(422, reply.status());
        assertEquals("validation_failed", reply.code());
        assertEquals("kind", reply.json().path("errors").get(0).path("field").asText());
        assertEquals("must not be null", reply.json().path("errors").get(0).path("message").asText());
        assertNoSites();
    }

    @Test
    void unknownEnumValueIsA400ListingTheAllowedValues() {
        Api.Reply reply = facilitator.post(sites, Map.of("name", "Ashford", "kind", "hospital", "region", "Surrey"));
        assertEquals(400, reply.status());
        assertEquals("invalid_value", reply.code());
        assertEquals("kind", reply.json().path("errors").get(0).path("field").asText());
        assertEquals(
                "must be one of trust, health_board, gp_practice, care_home, other",
                reply.json().path("errors").get(0).path("message").asText());
        assertNoSites();
    }

    @Test
    void unknownFieldIsA400NamingIt() {
        Api.Reply reply = facilitator.post(sites, Map.of("name", "Ashford", "kind", "trust", "region", "Surrey", "beds", 400));
        assertEquals(400, reply.status());
        assertEquals("unknown_field", reply.code());
        assertEquals("beds", reply.json().path("errors").get(0).path("field").asText());
        assertNoSites();
    }

    @Test
    void wrongTypeIsA400NamingTheField() {
        Api.Reply reply = facilitator.send("POST", sites, "application/json",
                "{\"name\":\"Ashford\",\"kind\":\"trust\",\"region\":\"Surrey\",\"latitude\":\"north\",\"longitude\":1}");
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("invalid_value", reply.code());
        assertEquals("latitude", reply.json().path("errors").get(0).path("field").asText());
        assertNoSites();
    }

    @Test
    void tenMegabyteBodyIsA413() {
        String huge = "{\"name\":\"" + "A".repeat(10 * 1024 * 1024) + "\",\"kind\":\"trust\",\"region\":\"Surrey\"}";
        Api.Reply reply = facilitator.send("POST", sites, "application/json", huge);
        assertEquals(413, reply.status());
        assertEquals("body_too_large", reply.code());
        assertNoSites();
    }

    @Test
    void wrongContentTypeIsA415() {
        Api.Reply reply = facilitator.send("POST", sites, "text/plain", "name=Ashford");
        assertEquals(415, reply.status());
        assertEquals("unsupported_media_type", reply.code());
        assertNoSites();
    }

    @Test
    void emptyBodyIsA400() {
        Api.Reply reply = facilitator.send("POST", sites, "application/json", "");
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("body_required", reply.code());
        assertNoSites();
    }

    @Test
    void endDateBeforeStartDateIsA422OnTheEndDate() {
        Api.Reply reply = facilitator.post("collaboratives", Map.of(
                "name", "Backwards", "topic", "Time", "aim", "Undo", "startsOn", "2027-01-01", "endsOn", "2026-01-01"));
        assertEquals(422, reply.status());
        assertEquals("endsOn", reply.json().path("errors").get(0).path("field").asText());
        assertEquals(1, facilitator.get("collaboratives").json().size());
    }

    @Test
    void malformedIdInThePathIsA404NotAServerError() {
        Api.Reply reply = facilitator.get("collaboratives/not-a-uuid");
        assertEquals(404, reply.status(), reply::toString);
        assertFalse(reply.text().contains("Exception"), reply.text());
    }

    @Test
    void aNulCharacterInASiteNameIsA400NamingTheField() {
        Api.Reply reply = facilitator.send("POST", sites, "application/json",
                "{\"name\":\"Ash" + NUL + "ford\",\"kind\":\"trust\",\"region\":\"Surrey\"}");
        assertRefused(reply, 400, "control_character", "name");
        assertTrue(reply.json().path("detail").asText().contains("U+0000"), reply::toString);
        assertEquals(0, facilitator.get(sites).json().size(), "nothing was saved");
    }

    @Test
    void aControlCharacterInAStoryIsA400NamingTheFieldAndNoStoryIsPosted() {
        Api.Reply reply = facilitator.send("POST", stories, "application/json", """
                {"title":"Night screening","topic":"Sepsis","changeIdea":"Triage","whatWeTried":"Paper tool%s",
                 "whatHappened":"Skipped","whatWeLearned":"Huddles","whatWeWouldDoDifferently":"","credit":"nobody",
                 "visibility":"collaborative"}""".formatted(NUL));
        assertRefused(reply, 400, "control_character", "whatWeTried");
        assertFalse(reply.text().contains("Paper tool"), "the refusal does not quote the text: " + reply);
        assertEquals(0, facilitator.get(stories).json().size(), "nothing was posted");
    }

    @Test
    void aControlCharacterInsideAListIsNamedByItsPath() {
        Api.Reply reply = facilitator.send("POST", stories, "application/json",
                "{\"tags\":[\"Triage\",\"bell\\u0007\"]}");
        assertRefused(reply, 400, "control_character", "tags[1]");
        assertTrue(reply.json().path("detail").asText().contains("U+0007"), reply::toString);
    }

    @Test
    void aNulCharacterInASearchIsA400NamingTheParameter() {
        Api.Reply reply = facilitator.get(stories + "?q=sepsis%00");
        assertRefused(reply, 400, "control_character", "q");
    }

    @Test
    void aNulCharacterInAnImportedCsvFileIsA400AndNobodyIsImported() {
        Api.Reply reply = facilitator.send("POST", "collaboratives/" + collaborative + "/members/import", "text/csv",
                "name,email,site,profession,role\nVera\u0000,vera@example.nhs.uk,Ashford,doctor,participant\n");
        assertRefused(reply, 400, "control_character", "body");
        assertEquals(1, facilitator.get("collaboratives/" + collaborative + "/members").json().size(), "nobody was imported");
    }

    @Test
    void aFarFutureDateIsA400SayingWhichDatesAreAccepted() {
        Api.Reply reply = facilitator.post("collaboratives", Map.of(
                "name", "Forever", "topic", "Time", "aim", "Last", "startsOn", "2026-01-01", "endsOn", "+999999999-12-31"));
        assertRefused(reply, 400, "invalid_value", "endsOn");
        assertTrue(reply.json().path("errors").get(0).path("message").asText().contains("2199-12-31"), reply::toString);
        assertEquals(1, facilitator.get("collaboratives").json().size(), "nothing was created");
    }

    @Test
    void aSessionStartingInTheFarFutureOrBeforeTheWindowIsA400() {
        for (String startsAt : List.of("+999999999-12-31T09:00:00Z", "1999-12-31T23:59:59Z", "2200-01-01T00:00:00Z")) {
            Api.Reply reply = facilitator.post(sessions, Map.of(
                    "title", "Someday", "startsAt", startsAt, "durationMinutes", 60, "agenda", List.of()));
            assertRefused(reply, 400, "invalid_value", "startsAt");
        }
        assertEquals(0, facilitator.get(sessions).json().size(), "nothing was planned");
    }

    @Test
    void aFractionForAWholeNumberIsA400() {
        Api.Reply reply = facilitator.send("POST", sessions, "application/json",
                "{\"title\":\"Half\",\"startsAt\":\"2026-12-01T09:30:00Z\",\"durationMinutes\":30.7,\"agenda\":[]}");
        assertRefused(reply, 400, "invalid_value", "durationMinutes");
        assertEquals("must be a whole number", reply.json().path("errors").get(0).path("message").asText());
        assertEquals(0, facilitator.get(sessions).json().size(), "nothing was planned");
    }

    @Test
    void aWholeNumberTooLargeForItsFieldIsA400() {
        Api.Reply reply = facilitator.send("POST", sessions, "application/json",
                "{\"title\":\"Long\",\"startsAt\":\"2026-12-01T09:30:00Z\",\"durationMinutes\":99999999999,\"agenda\":[]}");
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("durationMinutes", reply.json().path("errors").get(0).path("field").asText(), reply::toString);
    }

    @Test
    void aMalformedIdInAQueryIsA400NamingTheParameter() {
        Api.Reply reply = facilitator.get(stories + "?siteId=not-a-uuid");
        assertRefused(reply, 400, "invalid_parameter", "siteId");
    }

    @Test
    void aStreamedTenMegabyteBodyIsA413() throws IOException, InterruptedException {
        byte[] huge = ("{\"name\":\"" + "A".repeat(10 * 1024 * 1024) + "\",\"kind\":\"trust\",\"region\":\"Surrey\"}")
                .getBytes(StandardCharsets.UTF_8);
        // A publisher of unknown length makes the client stream the body in chunks, with no Content-Length.
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "api/" + sites))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + facilitator.bearerToken())
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(huge)))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response::body);
        assertTrue(response.body().contains("\"code\":\"body_too_large\""), response::body);
        assertEquals(0, facilitator.get(sites).json().size(), "nothing was saved");
    }

    @Test
    void validationMessagesAreRenderedSentences() {
        Api.Reply reply = facilitator.post(sites, Map.of("name", "Ashford", "kind", "trust", "region", "Surrey",
                "latitude", 91, "longitude", -181));
        assertEquals(422, reply.status(), reply::toString);
        assertFalse(reply.text().contains("${") || reply.text().contains("{value}"), reply::toString);
        assertEquals("must be less than or equal to 90", reply.json().path("errors").get(0).path("message").asText(), reply::toString);
        assertEquals("must be greater than or equal to -180", reply.json().path("errors").get(1).path("message").asText(), reply::toString);
    }

    private static void assertNoSites() {
        assertEquals(0, facilitator.get(sites).json().size(), "nothing was saved");
    }

    private static void assertRefused(Api.Reply reply, int status, String code, String field) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(code, reply.code(), reply::toString);
        assertEquals(field, reply.json().path("errors").get(0).path("field").asText(), reply::toString);
    }
}
