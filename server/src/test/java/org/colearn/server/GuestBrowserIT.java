package org.colearn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.Browser;
import org.colearn.server.testing.BrowserServer;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.LivePage;
import org.colearn.server.testing.People;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Guests in real headless Chromium against a real server: someone without an account joins a live session with the
 * link or code the facilitator shares, and is told in plain words when the code is wrong or guests are not let in.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GuestBrowserIT {

    private static final By GUEST_LINK = By.xpath("//main//section[h2[normalize-space()='Guests']]//input[@readonly]");
    private static final By SWITCH = By.xpath("//main//input[@role='switch']");

    @RegisterExtension
    static final BrowserServer server = new BrowserServer();

    @Test
    void guestJoinsByTheSharedLinkWithNameSiteAndProfessionAndFollowsTheLiveSession() {
        Api api = server.api();
        Api fiona = api.as(People.signUp(api, "Fiona Facilitator"));
        String collaborative = People.collaborative(fiona, "Kent falls collaborative");
        String session = People.session(fiona, collaborative, "Learning session 4", 90, List.of(
                LiveClient.agendaItem("Welcome", "plenary", 10),
                LiveClient.agendaItem("A patient's story", "plenary", 20)));
        String code = fiona.get("sessions/" + session).json().path("joinCode").asText();

        try (Browser facilitator = server.loggedIn("fiona.facilitator@example.nhs.uk", "/sessions/" + session);
                Browser guest = Browser.open()) {
            facilitator.waitForTextIn(LivePage.CONNECTION, "Connected");
            facilitator.waitForTextIn(LivePage.section("Guests"), "Join code: " + code);
            assertFalse(facilitator.waitFor(SWITCH).isSelected(), "a new session keeps guests out until its facilitator lets them in");
            facilitator.waitFor(SWITCH).click();
            facilitator.waitForStatus("Guests can join this session with its code.");
            String link = facilitator.waitFor(GUEST_LINK).getDomProperty("value");
            assertEquals(server.baseUrl() + "#/guest/" + code, link, "the guest link is the app's address with the code");
            facilitator.press("Copy guest link");
            facilitator.waitForStatus("Guest link copied.");

            guest.visit(link);
            guest.waitForHeading("Join a session as a guest");
            assertEquals(code, guest.field("Session code").getDomProperty("value"), "the link fills in the code");
            guest.assertAccessible("the guest join page");
            guest.screenshot("guest-join-page");
            guest.fill("Your name", "Pat Patient");
            guest.fill("Your site (optional)", "Canterbury patient panel");
            guest.choose("Your profession (optional)", "Patient representative");
            guest.press("Join session");

            guest.waitForHeading("Learning session 4");
            guest.waitForStatus("You have joined Learning session 4 as a guest.");
            guest.waitForTextIn(LivePage.CONNECTION, "Connected");
            guest.waitForText("You are taking part as a guest: Pat Patient.");
            guest.waitForTextIn(LivePage.NOW, "The session has not started yet.");
            guest.waitForTextIn(LivePage.section("Agenda"), "A patient's story");
            assertFalse(guest.mainText().contains("Start session"), "a guest gets no facilitator controls");
            assertFalse(guest.mainText().contains("Join code"), "a guest is not shown the join code or the switch");
            String present = facilitator.waitForTextIn(LivePage.WHO_IS_HERE, "Pat Patient");
            assertTrue(present.contains("Canterbury patient panel"), () -> "the facilitator sees the guest's site: " + present);
            facilitator.waitForTextIn(LivePage.WHO_IS_HERE, "Pat Patient (guest)");

            facilitator.press("Start session");
            facilitator.press("Go to item 2: A patient's story");
            guest.waitForTextIn(LivePage.NOW, "Item 2 of 2\nA patient's story");
            facilitator.fill("Broadcast a message", "Welcome to our guests from the patient panel");
            facilitator.press("Broadcast");
            String banner = guest.waitForTextIn(LivePage.BROADCAST, "Welcome to our guests from the patient panel");
            assertTrue(banner.startsWith("Message from Fiona Facilitator"), () -> "the guest sees who broadcast: " + banner);
            guest.fill("Message to everyone", "Thank you for having me");
            guest.press("Send");
            assertTrue(facilitator.waitForTextIn(LivePage.CHAT, "Thank you for having me").contains("Pat Patient, Canterbury patient panel (guest)"),
                    "the facilitator sees the message is a guest's");
            guest.assertAccessible("a live session as a guest sees it");
            facilitator.assertAccessible("a live session with the guest switch, as its facilitator sees it");
            facilitator.screenshot("live-session-guests-panel");
            guest.screenshot("live-session-as-guest");

            guest.press("Leave session");
            guest.waitForHeading("Join a session as a guest");
            guest.waitForStatus("You have left Learning session 4.");
            facilitator.waitUntilGone(By.xpath("//main//section[starts-with(normalize-space(h2), 'Who is here')]//li[contains(., 'Pat Patient')]"));
        }
    }

    @Test
    void wrongCodesAndSwitchedOffGuestsAreRefusedInPlainWords() {
        Api api = server.api();
        Api gina = api.as(People.signUp(api, "Gina Facilitator"));
        String collaborative = People.collaborative(gina, "Surrey falls collaborative");
        String session = People.session(gina, collaborative, "Learning session 5", 60, List.of(LiveClient.agendaItem("Welcome", "plenary", 10)));
        String code = gina.get("sessions/" + session).json().path("joinCode").asText();

        try (Browser facilitator = server.loggedIn("gina.facilitator@example.nhs.uk", "/sessions/" + session);
                Browser early = Browser.open();
                Browser late = Browser.open()) {
            late.visit(server.baseUrl() + "#/login");
            late.press("Enter its code");
            late.waitForHeading("Join a session as a guest");
            late.fill("Session code", "ZZZZ-ZZZZ");
            late.fill("Your name", "Sam Speaker");
            late.press("Join session");
            late.waitForText("Session code is not the code of any session. Check it with your facilitator");
            assertEquals("true", late.field("Session code").getDomAttribute("aria-invalid"), "the wrong code is marked on its field");
            late.assertAccessible("the guest join page with a wrong code");

            facilitator.waitForTextIn(LivePage.section("Guests"), "Join code: " + code);
            facilitator.waitFor(SWITCH).click();
            facilitator.waitForStatus("Guests can join this session with its code.");
            early.visit(server.baseUrl() + "#/guest/" + code.toLowerCase(java.util.Locale.ROOT));
            early.fill("Your name", "Eve Early");
            early.press("Join session");
            early.waitForTextIn(LivePage.CONNECTION, "Connected");

            facilitator.waitFor(SWITCH).click();
            facilitator.waitForStatus("Guests can no longer join this session.");
            assertFalse(facilitator.waitFor(SWITCH).isSelected());
            assertFalse(gina.get("sessions/" + session).json().path("guestsAllowed").asBoolean(true), "the switch reached the server");

            late.fill("Session code", code);
            late.press("Join session");
            late.waitForText("Guests cannot join this session at the moment: the facilitator has not let guests in.");

            // A guest who is in already is sent away at once, and told why.
            early.waitForTextIn(LivePage.PROBLEM, "You are no longer connected as a guest");
            early.press("Join again");
            early.waitForHeading("Join a session as a guest");
            assertEquals(code, early.field("Session code").getDomProperty("value"), "joining again keeps the code");

            facilitator.waitFor(SWITCH).click();
            facilitator.waitForStatus("Guests can join this session with its code.");
            late.press("Join session");
            late.waitForHeading("Learning session 5");
            late.waitForTextIn(LivePage.CONNECTION, "Connected");
        }
    }
}
