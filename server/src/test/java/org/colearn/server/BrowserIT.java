package org.colearn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.Browser;
import org.colearn.server.testing.BrowserServer;
import org.colearn.server.testing.People;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The web app in a real headless Chromium against a real server: people sign up, run a collaborative and join one
 * through the pages, and every page they see passes the WCAG 2.2 A and AA checks that a script can make: axe-core's
 * rules and our check of target size.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BrowserIT {

    private static final String PASSWORD = "correct horse battery";
    private static final String SITES = "Sites in this collaborative";
    private static final String MEMBERS = "Members of this collaborative";
    private static final String CSV_ROWS = "Rows of the CSV file";

    @RegisterExtension
    static final BrowserServer server = new BrowserServer();

    @Test
    void facilitatorSignsUpAndCreatesACollaborativeThroughThePages() {
        try (Browser fiona = Browser.open()) {
            fiona.visit(server.baseUrl());
            fiona.waitForHeading("Log in");
            fiona.pressKey(Keys.TAB);
            assertEquals("Skip to main content", fiona.focused().getText(), "the first Tab reaches the skip link");
            fiona.pressKey(Keys.ENTER);
            assertEquals("Log in", fiona.focused().getText(), "the skip link moves focus to the page's heading");
            fiona.waitForLiveCheck("Live connection OK");
            fiona.assertAccessible("the log in page");

            fiona.press("Create an account");
            fiona.waitForHeading("Create your Colearn account");
            fiona.assertAccessible("the sign up page");
            fiona.fill("Your name", "Fiona Facilitator");
            fiona.fill("Email address", "fiona@example.nhs.uk");
            fiona.fill("Password", PASSWORD);
            fiona.press("Create account");

            fiona.waitForHeading("My collaboratives");
            fiona.waitForStatus("Welcome to Colearn, Fiona Facilitator.");
            fiona.waitForText("You are not in any collaborative yet.");
            fiona.assertAccessible("the empty list of collaboratives");

            fiona.fill("Name", "Kent sepsis collaborative");
            fiona.fill("Topic", "Sepsis");
            fiona.fill("Aim", "Screen every adult with suspected infection for sepsis within one hour of arrival");
            fiona.fillDate("Start date", "2026-09-01");
            fiona.fillDate("End date", "2027-06-30");
            fiona.choose("Your profession (optional)", "Nurse");
            fiona.press("Create collaborative");

            WebElement heading = fiona.waitForHeading("Kent sepsis collaborative");
            fiona.waitForStatus("Kent sepsis collaborative is created. You are its facilitator.");
            assertEquals(heading, fiona.focused(), "after a route change the page's h1 has the focus");
            fiona.waitForText("1 Sept 2026 to 30 Jun 2027");
            fiona.assertAccessible("a new collaborative");

            fiona.press("My collaboratives");
            fiona.waitForHeading("My collaboratives");
            WebElement card = fiona.waitFor(By.linkText("Kent sepsis collaborative"));
            fiona.waitForText("0 sites, 1 member");
            fiona.assertAccessible("the list of collaboratives");
            card.click();
            fiona.waitForHeading("Kent sepsis collaborative");

            fiona.press("Add site");
            fiona.waitForText("Site name must be filled in");
            WebElement siteName = fiona.field("Site name");
            assertEquals("true", siteName.getDomAttribute("aria-invalid"));
            String describedBy = siteName.getDomAttribute("aria-describedby");
            assertTrue(
                    describedBy != null && fiona.waitFor(By.id(describedBy.split(" ")[0])).getText().equals("Site name must be filled in"),
                    () -> "the site name's error is tied to it with aria-describedby, but it points at " + describedBy);
            fiona.assertAccessible("the add site form showing errors");

            fiona.fill("Site name", "Maidstone Hospital");
            fiona.choose("Kind of site", "NHS trust");
            fiona.fill("Region", "South East");
            fiona.press("Add site");
            fiona.waitForStatus("Site added: Maidstone Hospital.");
            assertEquals(List.of("Maidstone Hospital", "NHS trust", "South East", "0"), fiona.waitForRow(SITES, "Maidstone Hospital"));
            assertNull(fiona.field("Site name").getDomAttribute("aria-invalid"), "the error is cleared once the site is added");

            fiona.fill("Site name", "Sevenoaks Medical Centre");
            fiona.choose("Kind of site", "GP practice");
            fiona.fill("Region", "South East");
            fiona.press("Add site");
            assertEquals(
                    List.of("Sevenoaks Medical Centre", "GP practice", "South East", "0"),
                    fiona.waitForRow(SITES, "Sevenoaks Medical Centre"));

            fiona.choose("Your site", "Maidstone Hospital");
            fiona.press("Save");
            fiona.waitForStatus("Your site and profession are saved.");
            assertEquals(List.of("Maidstone Hospital", "NHS trust", "South East", "1"), fiona.waitForRow(SITES, "Maidstone Hospital"));
            assertEquals(
                    List.of("Fiona Facilitator", "Maidstone Hospital", "Nurse", "Facilitator", "Active", "fiona@example.nhs.uk"),
                    fiona.waitForRow(MEMBERS, "Fiona Facilitator"));

            fiona.choose("Role for people who join with this link", "Participant");
            fiona.press("Create link");
            fiona.waitForStatus("Invitation link for participants created.");
            String link = fiona.field("Participant link").getDomProperty("value");
            assertTrue(
                    link.matches("\\Q" + server.baseUrl() + "\\E#/join/[A-Za-z0-9_-]+"),
                    () -> "the invitation link is shown in full, but it is " + link);
            fiona.waitForText("not used yet");

            fiona.press("Copy link");
            String copied = fiona.waitForStatus("Link ");
            assertTrue(copied.startsWith("Link copied."), () -> "copying says it worked, but the status says: " + copied);

            fiona.choose("Role for people who join with this link", "Site lead");
            fiona.press("Create link");
            fiona.waitForStatus("Invitation link for site leads created.");
            fiona.waitFor(By.xpath("//tr[.//label[normalize-space()='Site lead link']]//button[normalize-space()='Revoke']")).click();
            fiona.waitForStatus("The site lead link is revoked. It no longer works.");
            fiona.waitFor(By.xpath("//tr[.//label[normalize-space()='Site lead link']]//*[normalize-space()='Revoked']"));
            assertTrue(
                    fiona.waitFor(By.xpath("//tr[.//label[normalize-space()='Participant link']]//button[normalize-space()='Revoke']")).isDisplayed(),
                    "the participant link still works");
            fiona.assertAccessible("a collaborative with sites, members and invitation links");
            fiona.screenshot("collaborative-as-facilitator");

            fiona.resize(360, 800);
            assertEquals(0, fiona.horizontalOverflow(), "on a 360 pixel wide phone nothing scrolls sideways");
            fiona.assertAccessible("a collaborative on a phone");
            fiona.screenshot("collaborative-as-facilitator-on-a-phone");
        }
    }

    @Test
    void invitedColleagueJoinsThroughTheLinkAndBothAppearInTheMembersTable() {
        Api api = server.api();
        Api grace = api.as(People.signUp(api, "Grace Facilitator"));
        String collaborative = People.collaborative(grace, "Surrey falls collaborative");
        String stHelier = People.site(grace, collaborative, "St Helier Hospital", "trust");
        People.site(grace, collaborative, "Epsom Hospital", "trust");
        placeMyself(grace, collaborative, "grace.facilitator@example.nhs.uk", stHelier, "doctor");
        String code = People.invitation(grace, collaborative, "participant");

        try (Browser sam = Browser.open()) {
            sam.visit(server.baseUrl() + "#/join/" + code);
            sam.waitForHeading("Join Surrey falls collaborative");
            sam.waitForText("You are invited to join as a participant.");
            sam.assertAccessible("an invitation seen before logging in");

            sam.press("Sign up");
            sam.waitForHeading("Create your Colearn account");
            sam.waitForText("Create an account to accept your invitation.");
            sam.fill("Your name", "Sam Physio");
            sam.fill("Email address", "sam.physio@example.nhs.uk");
            sam.fill("Password", PASSWORD);
            sam.press("Create account");

            sam.waitForHeading("Join Surrey falls collaborative");
            sam.waitForText("Joining as Sam Physio.");
            sam.assertAccessible("the join form");
            sam.press("Join Surrey falls collaborative");
            sam.waitForText("Your profession must be chosen");
            sam.choose("Your site", "St Helier Hospital (South East)");
            sam.choose("Your profession", "Allied health professional");
            sam.press("Join Surrey falls collaborative");

            sam.waitForHeading("Surrey falls collaborative");
            sam.waitForStatus("You have joined Surrey falls collaborative.");
            sam.waitUntilRowCount(MEMBERS, 2);
            assertEquals(
                    List.of("Grace Facilitator", "St Helier Hospital", "Doctor", "Facilitator", "Active", "none"),
                    emptyAsNone(sam.waitForRow(MEMBERS, "Grace Facilitator")),
                    "a participant sees the facilitator without her email address");
            assertEquals(
                    List.of("Sam Physio", "St Helier Hospital", "Allied health professional", "Participant", "Active", "sam.physio@example.nhs.uk"),
                    sam.waitForRow(MEMBERS, "Sam Physio"));
            sam.waitForText("Your role\nParticipant");
            assertTrue(!sam.mainText().contains("Invitation links"), "participants see no invitation links");
            sam.assertAccessible("the collaborative as a participant sees it");
        }

        try (Browser graceBrowser = Browser.open()) {
            graceBrowser.visit(server.baseUrl() + "#/collaboratives/" + collaborative);
            graceBrowser.waitForHeading("Log in");
            graceBrowser.fill("Email address", "grace.facilitator@example.nhs.uk");
            graceBrowser.fill("Password", PASSWORD);
            graceBrowser.press("Log in");
            graceBrowser.waitForHeading("Surrey falls collaborative");
            graceBrowser.waitForStatus("Logged in as Grace Facilitator.");
            assertEquals(
                    List.of("Sam Physio", "St Helier Hospital", "Allied health professional", "Participant", "Active", "sam.physio@example.nhs.uk"),
                    graceBrowser.waitForRow(MEMBERS, "Sam Physio"),
                    "the facilitator sees the new member, with the email address");
            assertEquals(List.of("St Helier Hospital", "NHS trust", "South East", "2"), graceBrowser.waitForRow(SITES, "St Helier Hospital"));
            graceBrowser.waitForText("used once");
        }
    }

    @Test
    void facilitatorImportsMembersFromCsvAndChoosesToImportOnlyTheValidRows() throws IOException {
        Api api = server.api();
        Api hana = api.as(People.signUp(api, "Hana Facilitator"));
        String collaborative = People.collaborative(hana, "Sussex deterioration collaborative");
        People.site(hana, collaborative, "Royal Sussex County Hospital", "trust");

        try (Browser browser = Browser.open()) {
            browser.visit(server.baseUrl() + "#/login");
            browser.waitForHeading("Log in");
            browser.fill("Email address", "hana.facilitator@example.nhs.uk");
            browser.fill("Password", "not the password");
            browser.press("Log in");
            browser.waitForText("The email address or password is not right.");
            browser.fill("Password", PASSWORD);
            browser.press("Log in");
            browser.waitForHeading("My collaboratives");
            browser.press("Sussex deterioration collaborative");
            browser.waitForHeading("Sussex deterioration collaborative");

            Path csv = Files.writeString(server.dataDir().resolve("sussex-members.csv"), String.join("\n",
                    "name,email,site,profession,role",
                    "Ada Nurse,ada@example.nhs.uk,Royal Sussex County Hospital,nurse,",
                    "Ben Doctor,ben@example.nhs.uk,Worthing Hospital,doctor,participant",
                    "Cleo Manager,cleo@example.nhs.uk,royal sussex county hospital,Project manager,site_lead"));
            browser.field("CSV file").sendKeys(csv.toAbsolutePath().toString());
            browser.waitForStatus("sussex-members.csv is loaded.");
            assertTrue(
                    browser.field("Or paste the CSV here").getDomProperty("value").startsWith("name,email,site,profession,role\nAda Nurse"),
                    "the chosen file is shown in the text box, where it can be corrected");
            browser.press("Check the file");
            browser.waitForStatus("Checked 3 rows: 2 ready to import, 1 rejected. Nothing is saved yet.");
            assertEquals(List.of("2", "ada@example.nhs.uk", "Ready to import", ""), browser.waitForRow(CSV_ROWS, "2"));
            List<String> ben = browser.waitForRow(CSV_ROWS, "3");
            assertEquals(List.of("3", "ben@example.nhs.uk", "Rejected"), ben.subList(0, 3));
            assertTrue(ben.get(3).contains("site 'Worthing Hospital' is not a site of this collaborative"), () -> "problems of row 3: " + ben);
            assertEquals(1, browser.rowCount(MEMBERS), "a check saves nothing");

            browser.press("Import");
            browser.waitForText("Nothing was imported");
            browser.waitForText("1 of 3 rows cannot be imported, so nothing was imported.");
            assertEquals(List.of("2", "ada@example.nhs.uk", "Not imported", ""), browser.waitForRow(CSV_ROWS, "2"));
            browser.assertAccessible("a refused import with its report");

            browser.press("Import only the valid rows");
            browser.waitForStatus("Imported 2 members; 1 rejected row was left out.");
            browser.waitUntilRowCount(MEMBERS, 3);
            assertEquals(
                    List.of("Ada Nurse", "Royal Sussex County Hospital", "Nurse", "Participant", "Invited", "ada@example.nhs.uk", "Who signed up?"),
                    browser.waitForRow(MEMBERS, "Ada Nurse"));
            assertEquals(
                    List.of("Cleo Manager", "Royal Sussex County Hospital", "Project manager", "Site lead", "Invited", "cleo@example.nhs.uk", "Who signed up?"),
                    browser.waitForRow(MEMBERS, "Cleo Manager"));
            browser.assertAccessible("a collaborative after a CSV import");

            // This server sends no email: Ada signs up, and the facilitator, having asked her, confirms her by hand.
            Api.Reply ada = api.post("auth/signup", java.util.Map.of("email", "ADA@example.nhs.uk", "password", PASSWORD, "displayName", "Ada N"));
            assertEquals(201, ada.status(), ada::toString);
            browser.waitFor(By.xpath(rowButton("Ada Nurse"))).click();
            browser.press("Confirm Ada N");
            browser.waitForStatus("Ada N is confirmed as Ada Nurse and is now an active member.");
            assertEquals(
                    List.of("Ada N", "Royal Sussex County Hospital", "Nurse", "Participant", "Active", "ada@example.nhs.uk", "none"),
                    emptyAsNone(browser.waitForRow(MEMBERS, "Ada N")));
            browser.waitFor(By.xpath(rowButton("Cleo Manager"))).click();
            browser.waitForText("Nobody has signed up with cleo@example.nhs.uk yet.");
            browser.assertAccessible("a collaborative after confirming a member by hand");

            browser.pressInHeader("Log out");
            browser.waitForHeading("Log in");
            browser.waitForStatus("You have logged out.");
        }
    }

    @Test
    void personWhoseLoginExpiredIsSentBackToLogInAndThenToWhereTheyWereGoing() {
        Api api = server.api();
        Api ivy = api.as(People.signUp(api, "Ivy Facilitator"));
        String collaborative = People.collaborative(ivy, "Essex stroke collaborative");

        try (Browser browser = Browser.open()) {
            browser.visit(server.baseUrl() + "#/login");
            browser.fill("Email address", "ivy.facilitator@example.nhs.uk");
            browser.fill("Password", PASSWORD);
            browser.press("Log in");
            browser.waitForHeading("My collaboratives");

            server.clock().advance(Duration.ofDays(31));
            browser.press("Essex stroke collaborative");
            browser.waitForHeading("Log in");
            browser.waitForStatus("Your login has ended. Please log in again.");
            assertTrue(
                    browser.url().endsWith("#/login?next=" + URLEncoder.encode("/collaboratives/" + collaborative, StandardCharsets.UTF_8)),
                    () -> "the login page remembers where the person was going: " + browser.url());
            browser.assertAccessible("the log in page after a login expired");

            browser.fill("Email address", "ivy.facilitator@example.nhs.uk");
            browser.fill("Password", PASSWORD);
            browser.press("Log in");
            browser.waitForHeading("Essex stroke collaborative");
        }
    }

    /** Sets the caller's own site and profession, as the "Your site and profession" form does. */
    /** The button in the members table's row of {@code name}. */
    private static String rowButton(String name) {
        return "//table[caption=" + "'" + MEMBERS + "'" + "]//tr[th[normalize-space()='" + name + "']]//button";
    }

    private static void placeMyself(Api person, String collaborative, String email, String siteId, String profession) {
        JsonNode members = person.get("collaboratives/" + collaborative + "/members").json();
        String memberId = null;
        for (JsonNode member : members) {
            if (email.equals(member.path("email").asText())) {
                memberId = member.path("id").asText();
            }
        }
        Api.Reply reply = person.patch(
                "collaboratives/" + collaborative + "/members/" + memberId, Map.of("siteId", siteId, "profession", profession));
        assertEquals(200, reply.status(), () -> "place myself: " + reply);
    }

    /** An empty cell shows a dash (and says "none" to screen readers); call it "none" either way. */
    private static List<String> emptyAsNone(List<String> cells) {
        return cells.stream().map(cell -> cell.replace("—", "").isBlank() ? "none" : cell.replace("—", "").strip()).toList();
    }
}
