package org.colearn.server;

import java.util.ArrayList;
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

/** Who is here, in a session too large for everyone to see everyone: counts by site, the people near, and pages. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LargeSessionBrowserIT {

    private static final By EVERYONE = By.xpath("//main//div[contains(@class, 'presence__everyone')]/p[@role='status']");

    @RegisterExtension
    static final BrowserServer server = new BrowserServer();

    @Test
    void inALargeSessionThePageShowsCountsBySiteAndThePeopleNearAndListsEveryoneAPageAtATime() {
        Api api = server.api();
        Api fiona = api.as(People.signUp(api, "Fiona Facilitator"));
        String collaborative = People.collaborative(fiona, "Scottish sepsis collaborative");
        String session = People.session(fiona, collaborative, "Learning session 5", 90, List.of(LiveClient.agendaItem("Welcome", "plenary", 10)));
        String code = People.guestCode(fiona, session);
        int guests = 205; // more than the 200 for whom everyone is sent the whole list
        List<LiveClient> crowd = new ArrayList<>();
        try (Browser browser = server.loggedIn("fiona.facilitator@example.nhs.uk", "/sessions/" + session)) {
            browser.waitForTextIn(LivePage.CONNECTION, "Connected");
            List<String> tokens = People.guests(api, code, guests, 4);
            for (int i = 0; i < guests; i++) {
                crowd.add(server.join(session, tokens.get(i), String.format("guest-%04d", i)));
            }
            String here = browser.waitForTextIn(LivePage.WHO_IS_HERE, "Who is here (206)");
            browser.waitForTextIn(LivePage.WHO_IS_HERE, "Trust 1: 52 people");
            browser.waitForTextIn(LivePage.WHO_IS_HERE, "Trust 4: 51 people");
            browser.waitForTextIn(By.xpath("//main//ul[preceding-sibling::h3[1][normalize-space()='Near you']]"), "Fiona Facilitator");
            if (here.contains("Guest 17")) {
                throw new AssertionError("the page lists the crowd before anyone asks: " + here);
            }
            browser.assertAccessible("who is here in a session of 206 people");

            browser.press("List everyone here");
            browser.waitForTextIn(EVERYONE, "Showing 100 of 206.");
            browser.press("Show more");
            browser.waitForTextIn(EVERYONE, "Showing 200 of 206.");
            browser.press("Show more");
            browser.waitForTextIn(EVERYONE, "Showing 206 of 206.");
            browser.waitUntilGone(By.xpath("//main//button[normalize-space()='Show more']"));
            browser.waitForTextIn(LivePage.WHO_IS_HERE, "Guest 17 (Trust 1)");
            browser.assertAccessible("everyone here, listed page by page");
        } finally {
            crowd.forEach(LiveClient::close);
        }
    }
}
