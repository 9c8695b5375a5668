package org.colearn.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.websocket.CloseReason;
import java.util.List;
import java.util.Map;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.glassfish.tyrus.client.exception.DeploymentHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The browser's login is a cookie scripts cannot read; with it, REST and the live socket answer only Colearn's own
 * pages, while bearer-token clients go on as before; signing out everywhere ends every login of the account.
 */
@Timeout(90)
class LoginCookieIT {

    static final String FOREIGN = "https://colearn-lookalike.example";
    static final Map<String, String> NEW_COLLABORATIVE = Map.of(
            "name", "Swansea Bay falls collaborative", "topic", "Falls",
            "aim", "Halve falls with harm on our wards", "startsOn", "2026-09-01", "endsOn", "2027-06-30");

    static TestServer server;
    static Api api;
    static Api gwen;
    static String sessionId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = server.api();
        gwen = api.as(People.signUp(api, "Gwen Facilitator"));
        String collaborative = People.collaborative(gwen, "Cardiff and Vale sepsis collaborative");
        sessionId = People.session(gwen, collaborative, "Learning session 1", 60,
                List.of(LiveClient.agendaItem("Welcome", "plenary", 10)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Logs Gwen in as the web app does, and returns the Cookie header her browser would send afterwards. */
    static String browserLogin() {
        return People.browserLogin(api, "Gwen Facilitator");
    }

    @Test
    void theWebAppsLoginIsAnHttpOnlyCookieLastingAsLongAsTheLoginAndItsAnswerCarriesNoToken() {
        Api.Reply login = api.withHeader("X-Colearn-Request", "1")
                .post("auth/login", Map.of("email", "gwen.facilitator@example.nhs.uk", "password", People.PASSWORD));

        assertEquals(200, login.status(), login::toString);
        assertTrue(login.json().path("token").isNull(), () -> "the page's scripts never see the token: " + login);
        assertEquals("Gwen Facilitator", login.json().path("account").path("displayName").asText());
        String cookie = login.header("Set-Cookie");
        assertTrue(cookie.startsWith("colearn_login="), cookie);
        assertTrue(cookie.contains("; HttpOnly"), cookie);
        assertTrue(cookie.contains("; SameSite=Lax"), cookie);
        assertTrue(cookie.contains("; Max-Age=2592000"), () -> "as long as the login, 30 days by default: " + cookie);
        assertFalse(cookie.contains("Secure"), () -> "plain HTTP on this machine: " + cookie);
    }

    @Test
    void behindAProxyThatEndsHttpsTheCookieIsSentOverHttpsOnly() {
        Api.Reply login = api.withHeader("X-Forwarded-Proto", "https")
                .post("auth/login", Map.of("email", "gwen.facilitator@example.nhs.uk", "password", People.PASSWORD));

        assertEquals(200, login.status(), login::toString);
        assertTrue(login.header("Set-Cookie").contains("; Secure"), login.header("Set-Cookie"));
    }

    @Test
    void anApiClientStillGetsItsBearerTokenAndUsesItWithoutAnOrigin() {
        Api.Reply login = api.post("auth/login", Map.of("email", "gwen.facilitator@example.nhs.uk", "password", People.PASSWORD));
        String token = login.json().path("token").asText();

        assertFalse(token.isBlank(), login::toString);
        Api.Reply created = api.as(token).post("collaboratives", NEW_COLLABORATIVE);
        assertEquals(201, created.status(), created::toString);
    }

    @Test
    void aChangeMadeWithTheCookieFromAnotherSiteIsRefusedAndFromColearnsOwnPagesItWorks() {
        Api browser = api.withHeader("Cookie", browserLogin());

        Api.Reply crossSite = browser.withHeader("Origin", FOREIGN).post("collaboratives", NEW_COLLABORATIVE);
        assertEquals(403, crossSite.status(), crossSite::toString);
        assertEquals("cross_site_request", crossSite.code());
        Api.Reply noOriginNoHeader = browser.post("collaboratives", NEW_COLLABORATIVE);
        assertEquals(403, noOriginNoHeader.status(), () -> "without Origin, the page's header is required: " + noOriginNoHeader);

        Api.Reply sameSite = browser.withHeader("Origin", "http://127.0.0.1:" + server.port()).post("collaboratives", NEW_COLLABORATIVE);
        assertEquals(201, sameSite.status(), sameSite::toString);
        Api.Reply fromThePage = browser.withHeader("X-Colearn-Request", "1").post("collaboratives", NEW_COLLABORATIVE);
        assertEquals(201, fromThePage.status(), fromThePage::toString);
        Api.Reply reading = browser.withHeader("Origin", FOREIGN).get("me");
        assertEquals(200, reading.status(), () -> "another site cannot read the answer, so reading needs no check: " + reading);
    }

    @Test
    void aLiveSocketFromAPageOfAnotherSiteIsRefusedAtTheHandshake() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> LiveClient.connect(server.port(), sessionId, Map.of("Origin", FOREIGN, "Cookie", browserLogin())));
        DeploymentHandshakeException handshake = assertInstanceOf(DeploymentHandshakeException.class, refused.getCause());
        assertEquals(403, handshake.getHttpStatusCode(), handshake::toString);
    }

    @Test
    void helloWithOnlyTheHandshakesCookieJoinsTheSession() {
        try (LiveClient live = LiveClient.connect(server.port(), sessionId,
                Map.of("Origin", "http://127.0.0.1:" + server.port(), "Cookie", browserLogin()))) {
            JsonNode hello = live.request("hello", LiveClient.bodyOf("clientId", "gwen-browser-tab"));

            assertTrue(hello.path("ok").asBoolean(), hello::toString);
            assertEquals("Learning session 1", hello.path("body").path("view").path("session").path("title").asText(), hello::toString);
        }
        try (LiveClient live = LiveClient.connect(server.port(), sessionId)) {
            JsonNode hello = live.request("hello", LiveClient.bodyOf("clientId", "no-login-at-all"));
            assertFalse(hello.path("ok").asBoolean(), hello::toString);
        }
    }

    @Test
    void signingOutClearsTheCookieAndEndsThatLoginOnly() {
        String cookie = browserLogin();
        String other = api.post("auth/login", Map.of("email", "gwen.facilitator@example.nhs.uk", "password", People.PASSWORD))
                .json().path("token").asText();

        Api.Reply out = api.withHeader("Cookie", cookie).withHeader("X-Colearn-Request", "1").post("auth/logout", Map.of());

        assertEquals(204, out.status(), out::toString);
        assertTrue(out.header("Set-Cookie").startsWith("colearn_login=; Max-Age=0"), out.header("Set-Cookie"));
        assertEquals(401, api.withHeader("Cookie", cookie).get("me").status());
        assertEquals(200, api.as(other).get("me").status(), "her other logins go on");
    }

    @Test
    void signingOutEverywhereEndsEveryLoginAndClosesTheirLiveConnections() {
        String mira = People.signUp(api, "Mira Nurse");
        String miraPhone = api.post("auth/login", Map.of("email", "mira.nurse@example.nhs.uk", "password", People.PASSWORD))
                .json().path("token").asText();
        String collaborative = People.collaborative(api.as(mira), "Hywel Dda deterioration collaborative");
        String miraSession = People.session(api.as(mira), collaborative, "Learning session 2", 60,
                List.of(LiveClient.agendaItem("Welcome", "plenary", 10)));

        try (LiveClient phone = LiveClient.join(server, miraSession, miraPhone, "mira-phone", null)) {
            Api.Reply everywhere = api.as(mira).post("auth/logout-everywhere", Map.of());
            assertEquals(204, everywhere.status(), everywhere::toString);

            CloseReason closed = phone.awaitClose();
            assertEquals(4401, closed.getCloseCode().getCode(), closed::toString);
        }
        Api.Reply phoneAgain = api.as(miraPhone).get("me");
        assertEquals(401, phoneAgain.status(), phoneAgain::toString);
        assertEquals(401, api.as(mira).get("me").status());
        assertNotNull(gwen.get("me").json().path("id").asText(), "another person's login is untouched");
        assertEquals(200, gwen.get("me").status());
    }
}
