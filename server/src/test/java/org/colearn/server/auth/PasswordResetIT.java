package org.colearn.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.websocket.CloseReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.Inbox;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** "Forgot password?": a link mailed to the address sets a new password once, proves the address and ends other logins. */
@Timeout(90)
class PasswordResetIT {

    static final String VERA = "vera.okafor@example.nhs.uk";
    static final String NEW_PASSWORD = "a new password vera keeps";

    Inbox inbox;
    TestServer server;
    Api api;
    Api fiona;
    String collaborative;
    String site;

    @BeforeEach
    void start() {
        inbox = new Inbox();
        server = TestServer.startSendingMailTo(inbox.port());
        api = server.api();
        fiona = api.as(People.signUp(api, "Fiona Facilitator"));
        collaborative = People.collaborative(fiona, "Sepsis");
        site = People.site(fiona, collaborative, "Bromley", "trust");
    }

    @AfterEach
    void stop() {
        server.close();
        inbox.close();
    }

    @Test
    void aForgottenPasswordIsSetThroughTheMailedLinkWhichEndsEveryOtherLoginAndLogsIn() {
        String phone = signUp(VERA, "Vera Okafor", "vera's forgotten password");
        String laptop = login(VERA, "vera's forgotten password").json().path("token").asText();
        People.join(api.as(phone), People.invitation(fiona, collaborative, "participant"), site, "doctor");
        String sessionId = People.session(fiona, collaborative, "Learning session 1", 60,
                List.of(LiveClient.agendaItem("Welcome", "plenary", 10)));

        try (LiveClient live = LiveClient.join(server, sessionId, laptop, "vera-laptop", null)) {
            assertEquals(202, api.post("auth/password-reset", Map.of("email", "Vera.Okafor@Example.NHS.uk")).status());
            Inbox.Mail mail = inbox.last(VERA, 2);
            assertEquals("Set a new password for Colearn", mail.subject());
            assertTrue(mail.text().contains(server.baseUrl() + "#/reset/"), mail::text);

            Api.Reply reset = api.post("auth/password-reset/confirm", Map.of("token", mail.resetToken(), "password", NEW_PASSWORD));
            assertEquals(200, reset.status(), reset::toString);
            assertTrue(reset.json().path("account").path("emailProven").asBoolean(), "opening the mail proved the address");
            assertEquals(200, api.as(reset.json().path("token").asText()).get("me").status(), "the answer is a working login");

            CloseReason closed = live.awaitClose();
            assertEquals(4401, closed.getCloseCode().getCode(), closed::toString);
        }
        assertEquals(401, api.as(phone).get("me").status(), "the other logins ended");
        assertEquals(401, api.as(laptop).get("me").status());
        assertEquals(401, login(VERA, "vera's forgotten password").status());
        Api.Reply again = login(VERA, NEW_PASSWORD);
        assertEquals(200, again.status(), again::toString);
        assertEquals(List.of("Sepsis"), names(api.as(again.json().path("token").asText()).get("collaboratives").json()));
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() {
        signUp(VERA, "Vera Okafor", "vera's long password");
        Api.Reply unknown = api.post("auth/password-reset", Map.of("email", "nobody.here@example.nhs.uk"));
        Api.Reply known = api.post("auth/password-reset", Map.of("email", VERA));

        assertEquals(202, unknown.status(), unknown::toString);
        assertEquals(known.status(), unknown.status());
        assertEquals(known.text(), unknown.text());
        inbox.await(VERA, 2);
        assertEquals(List.of(), inbox.mailsTo("nobody.here@example.nhs.uk"), "mails go out in order: none was sent before Vera's");

        Api.Reply notAnAddress = api.post("auth/password-reset", Map.of("email", "not an address"));
        assertEquals(422, notAnAddress.status(), notAnAddress::toString);
    }

    @Test
    void aLinkThatWasUsedOrHasExpiredIsRefusedWithAClearError() {
        signUp(VERA, "Vera Okafor", "vera's long password");
        api.post("auth/password-reset", Map.of("email", VERA));
        String first = inbox.last(VERA, 2).resetToken();

        Api.Reply tooShort = api.post("auth/password-reset/confirm", Map.of("token", first, "password", "short"));
        assertEquals(422, tooShort.status(), tooShort::toString);
        assertEquals("validation_failed", tooShort.code());
        assertEquals(200, api.post("auth/password-reset/confirm", Map.of("token", first, "password", NEW_PASSWORD)).status(),
                "a refused password leaves the link usable");
        Api.Reply used = api.post("auth/password-reset/confirm", Map.of("token", first, "password", "yet another password"));
        assertEquals(404, used.status(), used::toString);
        assertEquals("reset_link_invalid", used.code());

        api.post("auth/password-reset", Map.of("email", VERA));
        String late = inbox.last(VERA, 3).resetToken();
        server.clock().advance(Duration.ofMinutes(61));
        Api.Reply expired = api.post("auth/password-reset/confirm", Map.of("token", late, "password", "yet another password"));
        assertEquals(404, expired.status(), expired::toString);
        assertEquals("reset_link_invalid", expired.code());
        assertEquals(200, login(VERA, NEW_PASSWORD).status(), "neither refused link changed the password");
    }

    @Test
    void whoeverSignedUpWithSomeoneElsesAddressLosesTheAccountToTheOwnerWhoProvesIt() {
        Api.Reply imported = fiona.send("POST", "collaboratives/" + collaborative + "/members/import", "text/csv",
                "name,email,site,profession,role\nVera Okafor," + VERA + ",Bromley,doctor,facilitator\n");
        assertEquals(200, imported.status(), imported::toString);
        Api other = api.as(People.signUp(api, "Olu Other"));
        String elsewhere = People.collaborative(other, "Falls");
        String otherSite = People.site(other, elsewhere, "Croydon", "trust");
        String squatter = signUp(VERA.toUpperCase(), "Vera Okafor", "mallory's own password");
        People.join(api.as(squatter), People.invitation(other, elsewhere, "participant"), otherSite, "doctor");
        assertEquals(List.of("Falls"), names(api.as(squatter).get("collaboratives").json()));

        api.post("auth/password-reset", Map.of("email", VERA));
        Api.Reply reset = api.post("auth/password-reset/confirm",
                Map.of("token", inbox.last(VERA, 2).resetToken(), "password", NEW_PASSWORD));
        assertEquals(200, reset.status(), reset::toString);

        assertEquals(401, api.as(squatter).get("me").status(), "the squatter's login ended");
        assertEquals(401, login(VERA, "mallory's own password").status(), "and their password opens nothing");
        JsonNode mine = api.as(reset.json().path("token").asText()).get("collaboratives").json();
        assertEquals(List.of("Falls", "Sepsis"), names(mine).stream().sorted().toList(),
                "the imported facilitator role comes with the proof; the membership joined by link stays");
        Api.Reply squatAgain = api.post("auth/signup",
                Map.of("email", VERA, "password", "mallory tries again", "displayName", "Vera Okafor"));
        assertEquals(201, squatAgain.status());
        assertEquals(List.of(), names(api.as(squatAgain.json().path("token").asText()).get("collaboratives").json()));
    }

    @Test
    void theMailSayingTheAddressHasAnAccountCarriesALinkThatSetsItsPassword() {
        String vera = signUp(VERA, "Vera Okafor", "vera's forgotten password");
        assertEquals(200, api.as(vera).post("auth/verify", Map.of("token", inbox.last(VERA, 1).token())).status());
        signUp(VERA, "Vera Again", "a password she will remember");

        Inbox.Mail taken = inbox.last(VERA, 2);
        assertEquals("You already have a Colearn account", taken.subject());
        Api.Reply reset = api.post("auth/password-reset/confirm", Map.of("token", taken.resetToken(), "password", NEW_PASSWORD));
        assertEquals(200, reset.status(), reset::toString);
        assertEquals("Vera Okafor", reset.json().path("account").path("displayName").asText(), "the proven account, not the new one");
        assertEquals(401, api.as(vera).get("me").status());
        Api.Reply login = login(VERA, NEW_PASSWORD);
        assertTrue(login.json().path("account").path("emailProven").asBoolean(), login::toString);
    }

    private String signUp(String email, String name, String password) {
        Api.Reply reply = api.post("auth/signup", Map.of("email", email, "password", password, "displayName", name));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().path("token").asText();
    }

    private Api.Reply login(String email, String password) {
        return api.post("auth/login", Map.of("email", email, "password", password));
    }

    private static List<String> names(JsonNode collaboratives) {
        List<String> names = new ArrayList<>();
        collaboratives.forEach(collaborative -> names.add(collaborative.path("name").asText()));
        return names;
    }
}
