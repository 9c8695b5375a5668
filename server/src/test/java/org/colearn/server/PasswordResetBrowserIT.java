package org.colearn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.Browser;
import org.colearn.server.testing.Inbox;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** In a real headless Chromium, with real mail: "Forgot password?", the emailed link, and a new password. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PasswordResetBrowserIT {

    static final String VERA = "vera.okafor@example.nhs.uk";

    @Test
    void personWhoForgotTheirPasswordAsksForALinkAndSetsANewOneTypedTwice() {
        assumeTrue(Browser.available(), "skipped: the browser tests need Debian's chromium and chromedriver");
        try (Inbox inbox = new Inbox(); TestServer server = TestServer.startSendingMailTo(inbox.port())) {
            Api api = server.api();
            Api.Reply signedUp = api.post("auth/signup", Map.of("email", VERA, "password", "a password vera forgot", "displayName", "Vera Okafor"));
            assertEquals(201, signedUp.status(), signedUp::toString);

            try (Browser vera = Browser.open()) {
                vera.visit(server.baseUrl() + "#/login");
                vera.waitForHeading("Log in");
                vera.press("Forgot password?");
                vera.waitForHeading("Forgot your password?");
                vera.assertAccessible("asking for a link to set a new password");
                vera.fill("Email address", VERA);
                vera.press("Email me a link");
                vera.waitForStatus("If " + VERA + " has a Colearn account, an email with a link to set a new password is on its way.");
                Inbox.Mail mail = inbox.last(VERA, 2);
                String link = server.baseUrl() + "#/reset/" + mail.resetToken();

                vera.visit(link);
                vera.waitForHeading("Choose a new password");
                vera.assertAccessible("choosing a new password");
                vera.fill("New password", People.PASSWORD);
                vera.fill("New password again", "not the same password");
                vera.press("Set password and log in");
                vera.waitForText("New password again must be the same as the new password");
                assertEquals("There is a problem", vera.focused().getText().lines().findFirst().orElse(""),
                        "focus moves to the summary of what is wrong");
                vera.assertAccessible("two passwords that are not the same");

                vera.fill("New password again", People.PASSWORD);
                vera.press("Set password and log in");
                vera.waitForHeading("My collaboratives");
                vera.waitForStatus("Your new password is set, Vera Okafor. Every other login of your account has ended.");
                assertEquals(401, api.as(signedUp.json().path("token").asText()).get("me").status(), "the older login ended");

                vera.visit(link);
                vera.waitForHeading("Choose a new password");
                vera.fill("New password", "yet another long password");
                vera.fill("New password again", "yet another long password");
                vera.press("Set password and log in");
                vera.waitForText("This link sets no password (it may have expired or been used already).");
                vera.press("Forgot password?");
                vera.waitForHeading("Forgot your password?");
            }
            assertEquals(200, api.post("auth/login", Map.of("email", VERA, "password", People.PASSWORD)).status());
        }
    }
}
