package org.colearn.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AccountsIT {

    TestServer server;
    Api api;

    @BeforeEach
    void start() {
        server = TestServer.start();
        api = server.api();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void firstAccountOnAFreshServerIsTheServerAdminAndLaterOnesAreNot() {
        String first = People.signUp(api, "Ada Admin");
        String second = People.signUp(api, "Ben Nurse");
        assertTrue(api.as(first).get("me").json().path("serverAdmin").asBoolean());
        assertFalse(api.as(second).get("me").json().path("serverAdmin").asBoolean());
    }

    @Test
    void loginReturnsATokenThatIdentifiesThePerson() {
        People.signUp(api, "Cara Doctor");
        Api.Reply login = api.post("auth/login", Map.of("email", "Cara.Doctor@Example.NHS.uk ", "password", "correct horse battery"));
        assertEquals(200, login.status(), login::toString);
        Api.Reply me = api.as(login.json().path("token").asText()).get("me");
        assertEquals("Cara Doctor", me.json().path("displayName").asText());
        assertEquals("cara.doctor@example.nhs.uk", me.json().path("email").asText());
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        People.signUp(api, "Dev Manager");
        Api.Reply wrongPassword = api.post("auth/login", Map.of("email", "dev.manager@example.nhs.uk", "password", "not the password"));
        Api.Reply unknownEmail = api.post("auth/login", Map.of("email", "nobody@example.nhs.uk", "password", "not the password"));
        assertEquals(401, wrongPassword.status());
        assertEquals("wrong_credentials", wrongPassword.code());
        assertEquals(wrongPassword.json().path("detail"), unknownEmail.json().path("detail"));
        assertEquals(401, unknownEmail.status());
    }

    @Test
    void tenFailedLoginsLockTheAccountForFifteenMinutesEvenAgainstTheRightPassword() {
        People.signUp(api, "Kim Guessed");
        Map<String, String> wrong = Map.of("email", "kim.guessed@example.nhs.uk", "password", "guess guess guess");
        Map<String, String> right = Map.of("email", "kim.guessed@example.nhs.uk", "password", "correct horse battery");
        for (int i = 0; i < 10; i++) {
            assertEquals(401, api.post("auth/login", wrong).status());
        }
        Api.Reply locked = api.post("auth/login", right);
        assertEquals(429, locked.status(), locked::toString);
        assertEquals("too_many_attempts", locked.code());
        server.clock().advance(Duration.ofMinutes(15).plusSeconds(1));
        assertEquals(200, api.post("auth/login", right).status());
    }

    @Test
    void logoutMakesTheTokenUseless() {
        String token = People.signUp(api, "Eve Project");
        assertEquals(204, api.as(token).post("auth/logout", "").status());
        Api.Reply after = api.as(token).get("me");
        assertEquals(401, after.status());
        assertEquals("token_invalid", after.code());
    }

    @Test
    void requestWithoutATokenIsRefusedWith401AndACode() {
        Api.Reply reply = api.get("me");
        assertEquals(401, reply.status());
        assertEquals("token_missing", reply.code());
        assertEquals("Bearer realm=\"colearn\"", reply.header("WWW-Authenticate"));
    }

    @Test
    void expiredTokenIsRefusedWith401AndACode() {
        String token = People.signUp(api, "Finn Expired");
        server.clock().advance(Duration.ofDays(30).plusSeconds(1));
        Api.Reply reply = api.as(token).get("me");
        assertEquals(401, reply.status());
        assertEquals("token_expired", reply.code());
    }

    @Test
    void malformedAuthorizationHeaderIsRefusedWithItsOwnCode() {
        var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        try {
            var response = client.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "api/me"))
                            .header("Authorization", "Basic dXNlcjpwYXNz")
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(401, response.statusCode());
            assertTrue(response.body().contains("\"token_malformed\""), response.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void signingUpTwiceWithOneEmailIsAConflict() {
        People.signUp(api, "Gus Twice");
        Api.Reply again = api.post(
                "auth/signup", Map.of("email", "GUS.TWICE@example.nhs.uk", "password", "another long password", "displayName", "Gus"));
        assertEquals(409, again.status());
        assertEquals("email_taken", again.code());
    }

    @Test
    void shortPasswordAndBadEmailAreReportedFieldByField() {
        Api.Reply reply = api.post("auth/signup", Map.of("email", "not-an-email", "password", "short", "displayName", "Hal"));
        assertEquals(422, reply.status(), reply::toString);
        assertEquals("validation_failed", reply.code());
        assertEquals("email", reply.json().path("errors").get(0).path("field").asText());
        assertEquals("password", reply.json().path("errors").get(1).path("field").asText());
        assertEquals(401, api.post("auth/login", Map.of("email", "not-an-email", "password", "short")).status());
    }

    @Test
    void passwordsAndTokensAreNeverStoredInTheClear() throws Exception {
        String token = People.signUp(api, "Ivy Secret");
        try (Connection connection = server.database().url() == null
                        ? java.sql.DriverManager.getConnection(server.config().effectiveDbUrl(), "", "")
                        : java.sql.DriverManager.getConnection(server.database().url(), server.database().user(), server.database().password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select a.password_hash, t.token_hash from account a join access_token t on t.account_id = a.id")) {
            assertTrue(rows.next());
            assertTrue(rows.getString(1).startsWith("$argon2id$"), rows.getString(1));
            assertNotEquals(token, rows.getString(2));
            assertEquals(64, rows.getString(2).length());
        }
    }
}
