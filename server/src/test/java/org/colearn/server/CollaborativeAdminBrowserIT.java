package org.colearn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.Browser;
import org.colearn.server.testing.BrowserServer;
import org.colearn.server.testing.People;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A facilitator manages a collaborative in real headless Chromium: its details, its sites with their coordinates
 * (typed with a decimal comma, as many people do), a member's role, and a member's removal.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class CollaborativeAdminBrowserIT {

    private static final String SITES = "Sites in this collaborative";
    private static final String MEMBERS = "Members of this collaborative";

    @RegisterExtension
    static final BrowserServer server = new BrowserServer();

    @Test
    void facilitatorEditsTheDetailsTheSitesWithCoordinatesAndTheMembersRolesAndRemovesAMember() {
        Api api = server.api();
        Api fiona = api.as(People.signUp(api, "Fiona Facilitator"));
        String collaborative = People.collaborative(fiona, "Highland deterioration collaborative");
        String highland = People.site(fiona, collaborative, "NHS Highland", "trust");
        String nadiaToken = People.signUp(api, "Nadia Nurse");
        People.join(api.as(nadiaToken), People.invitation(fiona, collaborative, "participant"), highland, "nurse");

        try (Browser browser = server.loggedIn("fiona.facilitator@example.nhs.uk", "/collaboratives/" + collaborative)) {
            browser.waitForHeading("Highland deterioration collaborative");
            browser.press("Edit details");
            browser.fill("Name", "Highland and Islands deterioration collaborative");
            browser.assertAccessible("the form that edits a collaborative's details");
            browser.press("Save details");
            browser.waitForHeading("Highland and Islands deterioration collaborative");
            browser.waitForStatus("Details saved: Highland and Islands deterioration collaborative.");

            browser.choose("Site to change", "NHS Highland");
            browser.press("Edit site");
            browser.fill("Latitude (optional)", "57,48");
            browser.fill("Longitude (optional)", "-4,22");
            browser.assertAccessible("the form that edits a site");
            browser.press("Save site");
            browser.waitForStatus("Site saved: NHS Highland.");
            JsonNode site = fiona.get("collaboratives/" + collaborative + "/sites").json().get(0);
            assertEquals(List.of(57.48, -4.22), List.of(site.path("latitude").asDouble(), site.path("longitude").asDouble()),
                    () -> "a decimal comma is read as a decimal point: " + site);
            browser.press("Edit site");
            assertEquals("57.48", browser.field("Latitude (optional)").getDomProperty("value"), "the form shows the coordinates kept");
            browser.press("Cancel");

            browser.fill("Site name", "NHS Orkney");
            browser.fill("Region", "Scotland");
            browser.fill("Latitude (optional)", "fifty-nine");
            browser.fill("Longitude (optional)", "-2.96");
            browser.press("Add site");
            browser.waitForText("Latitude must be a number, such as 57.48 or 57,48");
            browser.fill("Latitude (optional)", "58.98");
            browser.press("Add site");
            browser.waitForStatus("Site added: NHS Orkney.");
            browser.choose("Site to change", "NHS Orkney");
            browser.press("Edit site");
            browser.press("Delete site");
            browser.press("Yes, delete NHS Orkney");
            browser.waitForStatus("Site deleted: NHS Orkney.");
            browser.waitUntilRowCount(SITES, 1);

            browser.choose("Member", "Nadia Nurse");
            browser.choose("Role", "Site lead");
            browser.press("Change role");
            browser.waitForStatus("Nadia Nurse is now a site lead.");
            assertTrue(browser.waitForRow(MEMBERS, "Nadia Nurse").contains("Site lead"));
            browser.assertAccessible("the members table with the facilitator's controls");

            browser.choose("Member", "Nadia Nurse");
            browser.press("Remove from the collaborative");
            browser.press("Yes, remove Nadia Nurse");
            browser.waitForStatus("Nadia Nurse is no longer a member of this collaborative.");
            browser.waitUntilRowCount(MEMBERS, 1);

            browser.press("Read the stories");
            browser.waitForText("No stories yet. Share the first one: what did not work, and what your team learned.");
        }
        assertEquals(404, api.as(nadiaToken).get("collaboratives/" + collaborative).status(), "a removed member no longer sees the collaborative");
    }
}
