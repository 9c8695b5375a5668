package org.colearn.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.Browser;
import org.colearn.server.testing.BrowserServer;
import org.colearn.server.testing.People;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;

/**
 * A login in real headless Chromium is a cookie no script can read; it lasts beyond the tab it was made in and beyond
 * a browser restart; logging out ends it in every tab, and signing out everywhere ends it in every browser.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LoginAcrossTabsBrowserIT {

    @RegisterExtension
    static final BrowserServer server = new BrowserServer();

    static final String EMAIL = "gwen.facilitator@example.nhs.uk";
    static String page;

    @BeforeAll
    static void collaborative() {
        Api api = server.api();
        Api gwen = api.as(People.signUp(api, "Gwen Facilitator"));
        page = "/collaboratives/" + People.collaborative(gwen, "Cardiff and Vale sepsis collaborative");
    }

    @Test
    void theLoginIsOutOfScriptsReachAndLastsInANewTabAndAfterARestartUntilLoggingOutInOneTabLogsOutTheOthers() {
        try (Browser browser = server.loggedIn(EMAIL, page)) {
            browser.waitForHeading("Cardiff and Vale sepsis collaborative");
            Cookie login = browser.cookie("colearn_login");
            assertNotNull(login, "the browser keeps the login as a cookie");
            assertTrue(login.isHttpOnly(), login::toString);
            assertNotNull(login.getExpiry(), () -> "a lasting cookie, not one for this browser session only: " + login);
            String scriptsSee = (String) browser.script("return document.cookie + ' ' + JSON.stringify(localStorage)"
                    + " + ' ' + JSON.stringify(sessionStorage)");
            assertFalse(scriptsSee.contains(login.getValue()), () -> "no script can read the login: " + scriptsSee);
            assertTrue(scriptsSee.contains("Gwen Facilitator"), () -> "who is logged in is kept for display: " + scriptsSee);

            browser.restart();
            browser.visit(server.baseUrl() + "#" + page);
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
            assertTrue(browser.cookie("colearn_login") == null, "logging out makes the browser forget the login");
        }
    }

    @Test
    void signingOutEverywhereOnTheAccountPageSignsOutAnotherBrowser() {
        try (Browser laptop = server.loggedIn(EMAIL, "/account");
                Browser ward = server.loggedIn(EMAIL, page)) {
            ward.waitForHeading("Cardiff and Vale sepsis collaborative");
            laptop.waitForHeading("Your account");
            laptop.waitForText(EMAIL);
            laptop.assertAccessible("the account page with Sign out everywhere");

            laptop.press("Sign out everywhere");
            laptop.waitForHeading("Log in");
            laptop.waitForText("You have signed out everywhere: every browser and device logged in as you is logged out.");
            laptop.assertAccessible("the login page after signing out everywhere");

            ward.visit(server.baseUrl() + "#/");
            ward.waitForHeading("Log in");
            ward.waitForText("Your login has ended. Please log in again.");
        }
    }
}
