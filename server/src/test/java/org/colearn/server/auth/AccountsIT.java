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
    void tenWrongPasswordsSlowTheAccountDownButTheRightPasswordStillLogsInAfterTheDelay() {
        People.signUp(api, "Kim Guessed");
        Map<String, String> wrong = Map.of("email", "kim.guessed@example.nhs.uk", "password", "guess guess guess");
        Map<String, String> right = Map.of("email", "kim.guessed@example.nhs.uk", "password", "correct horse battery");
        int wrongAnswered = 0;
        long longestWait = 0;
        while (wrongAnswered < 10) {
            Api.Reply reply = api.post("auth/login", wrong);
            if (reply.status() == 429) {
                longestWait = Math.max(longestWait, waitAsTold(reply));
            } else {
                assertEquals(401, reply.status(), reply::toString);
                wrongAnswered++;
            }
        }
        assertTrue(longestWait > 0, "ten failures in a row slow the account down");
        Api.Reply slowed = api.post("auth/login", right);
        assertEquals(429, slowed.status(), "even the right password waits its turn: " + slowed);
        assertTrue(waitAsTold(slowed) <= 30, "the wait is capped at 30 s, never a lockout");
        Api.Reply login = api.post("auth/login", right);
        assertEquals(200, login.status(), login::toString);
    }

    @Test
    void aClientThatSpraysManyAddressesIsSlowedDownWith429AndRetryAfter() {
        People.signUp(api, "Lee Sprayed");
        for (int i = 0; i < 20; i++) {
            Api.Reply reply = api.post("auth/login", Map.of("email", "person" + i + "@example.nhs.uk", "password", "summer2026!"));
            assertEquals(401, reply.status(), () -> "attempt " + reply);
        }
        Api.Reply slowed = api.post("auth/login", Map.of("email", "lee.sprayed@example.nhs.uk", "password", "summer2026!"));
        assertEquals(429, slowed.status(), slowed::toString);
        assertEquals("login_throttled", slowed.code());
        assertEquals("1", slowed.header("Retry-After"));
        assertEquals(1, slowed.json().path("retryAfterSeconds").asInt());
        server.clock().advance(Duration.ofSeconds(1));
        assertEquals(401, api.post("auth/login", Map.of("email", "person20@example.nhs.uk", "password", "summer2026!")).status());
        Api.Reply slower = api.post("auth/login", Map.of("email", "person21@example.nhs.uk", "password", "summer2026!"));
        assertEquals("2", slower.header("Retry-After"), "each further failure doubles the wait: " + slower);
    }

    /** Moves the server's clock on by the Retry-After of a throttled answer, as a patient client waits; returns it. */
    private long waitAsTold(Api.Reply throttled) {
        assertEquals("login_throttled", throttled.code());
        long seconds = Long.parseLong(throttled.header("Retry-After"));
        server.clock().advance(Duration.ofSeconds(seconds));
        return seconds;
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
    void signingUpAgainWithATakenAddressAnswersLikeAFirstSignupAndEachLogsInWithTheirOwnPassword() {
        Api.Reply first = api.post(
                "auth/signup", Map.of("email", "gus.twice@example.nhs.uk", "password", "the first long password", "displayName", "Gus"));
        Api.Reply again = api.post(
                "auth/signup", Map.of("email", "GUS.TWICE@example.nhs.uk", "password", "another long password", "displayName", "Gus"));
        assertEquals(201, first.status(), first::toString);
        assertEquals(201, again.status(), again::toString);
        assertEquals(first.json().path("account").path("email"), again.json().path("account").path("email"));
        String firstId = first.json().path("account").path("id").asText();
        String againId = again.json().path("account").path("id").asText();
        assertNotEquals(firstId, againId, "the second signup is an account of its own, with nothing of the first");
        assertEquals(firstId, api.post("auth/login", Map.of("email", "gus.twice@example.nhs.uk", "password", "the first long password"))
                .json().path("account").path("id").asText());
        assertEquals(againId, api.post("auth/login", Map.of("email", "gus.twice@example.nhs.uk", "password", "another long password"))
                .json().path("account").path("id").asText());
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
