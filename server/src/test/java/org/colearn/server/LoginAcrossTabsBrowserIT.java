package org.colearn.server;

import java.util.concurrent.TimeUnit;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.Browser;
import org.colearn.server.testing.BrowserServer;
import org.colearn.server.testing.People;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A login in real headless Chromium lasts beyond the tab it was made in, and logging out ends it in every tab. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LoginAcrossTabsBrowserIT {

    @RegisterExtension
    static final BrowserServer server = new BrowserServer();

    @Test
    void linkOpenedInANewTabIsLoggedInAndLoggingOutInOneTabLogsOutTheOthers() {
        Api api = server.api();
        Api gwen = api.as(People.signUp(api, "Gwen Facilitator"));
        String collaborative = People.collaborative(gwen, "Cardiff and Vale sepsis collaborative");
        String page = "/collaboratives/" + collaborative;
        try (Browser browser = server.loggedIn("gwen.facilitator@example.nhs.uk", page)) {
            browser.waitForHeading("Cardiff and Vale sepsis collaborative");

            browser.openInNewTab(server.baseUrl() + "#" + page);
            browser.waitForHeading("Cardiff and Vale sepsis collaborative");
            browser.assertAccessible("a collaborative opened from a link in a new tab, logged in");

            browser.pressInHeader("Log out");
            browser.waitForHeading("Log in");
            browser.switchToTab(0);
            browser.waitForHeading("Log in");
            browser.waitForText("You logged out in another tab. Log in again to go on.");
            browser.assertAccessible("the login page of a tab whose login ended in another tab");
        }
    }
}
