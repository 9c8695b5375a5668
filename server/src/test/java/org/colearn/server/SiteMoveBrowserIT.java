package org.colearn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.Browser;
import org.colearn.server.testing.BrowserServer;
import org.colearn.server.testing.People;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Moving site in real headless Chromium: a nurse asks on the collaborative's page, and the new site's lead approves. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SiteMoveBrowserIT {

    private static final String MEMBERS = "Members of this collaborative";

    @RegisterExtension
    static final BrowserServer server = new BrowserServer();

    @Test
    void aNurseAsksToMoveSiteStaysWhereSheIsAndTheNewSitesLeadApprovesTheMove() {
        Api api = server.api();
        Api fiona = api.as(People.signUp(api, "Fiona Facilitator"));
        String collaborative = People.collaborative(fiona, "Kent falls collaborative");
        String ashford = People.site(fiona, collaborative, "Ashford", "trust");
        String bromley = People.site(fiona, collaborative, "Bromley", "trust");
        People.join(api.as(People.signUp(api, "Bea Lead")), People.invitation(fiona, collaborative, "site_lead"), bromley, "nurse");
        People.join(api.as(People.signUp(api, "Nadia Nurse")), People.invitation(fiona, collaborative, "participant"), ashford, "nurse");

        try (Browser nurse = server.loggedIn("nadia.nurse@example.nhs.uk", "/collaboratives/" + collaborative)) {
            nurse.choose("Your site", "Bromley");
            nurse.press("Save");
            nurse.waitForStatus("Your move to Bromley waits for a facilitator or its lead to approve it.");
            nurse.waitForText("You asked to move to Bromley. Until a facilitator or its lead approves, you stay at Ashford.");
            assertEquals("Ashford", nurse.waitForRow(MEMBERS, "Nadia Nurse").get(1), "she stays at Ashford meanwhile");
            nurse.assertAccessible("a member's page with a move waiting for approval");
        }
        try (Browser lead = server.loggedIn("bea.lead@example.nhs.uk", "/collaboratives/" + collaborative)) {
            lead.press("People and sites");
            lead.waitForText("Nadia Nurse asks to move from Ashford to Bromley");
            lead.assertAccessible("a site lead's page with a request to move into her site");
            lead.press("Approve Nadia Nurse’s move");
            lead.waitForStatus("Nadia Nurse is at Bromley now.");
            lead.waitForText("Nobody is waiting to move site.");
            assertEquals("Bromley", lead.waitForRow(MEMBERS, "Nadia Nurse").get(1));
        }
    }
}
