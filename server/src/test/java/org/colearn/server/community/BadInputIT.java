package org.colearn.server.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every kind of bad input gets its own documented answer, and none of them changes anything. */
@Timeout(60)
class BadInputIT {

    static TestServer server;
    static Api facilitator;
    static String collaborative;
    static String sites;

    @BeforeAll
    static void setUp() {
        server = TestServer.start();
        facilitator = server.api().as(People.signUp(server.api(), "Fiona Facilitator"));
        collaborative = People.collaborative(facilitator, "Sepsis");
        sites = "collaboratives/" + collaborative + "/sites";
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

    private static void assertNoSites() {
        assertEquals(0, facilitator.get(sites).json().size(), "nothing was saved");
    }
}
