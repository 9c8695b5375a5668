package org.colearn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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
 * A collaborative's page in real headless Chromium: its sections behind tabs (by arrow keys, by link, with the Back
 * button), the calendar file of each session, and the sites on a map with those that have no location listed.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class CollaborativePageBrowserIT {

    private static final String TABS = "//main//*[@role='tablist'][@aria-label='Sections of this collaborative']";
    private static final By SELECTED_TAB = By.xpath(TABS + "/*[@role='tab'][@aria-selected='true']");
    private static final By SHOWN_HEADINGS = By.xpath("//main//*[@role='tabpanel'][not(@hidden)]//h2");
    private static final By MAP_POINTS = By.cssSelector("main svg .site-map__site");
    private static final By INVITATION_ROWS = By.xpath("//main//table[caption='Invitation links']/tbody/tr");
    private static final By NO_LOCATION = By.cssSelector("main .site-map__missing li");

    @RegisterExtension
    static final BrowserServer server = new BrowserServer();

    @Test
    void sectionsSwitchByArrowKeysAndByLinkAndTheBackButtonGoesToTheSectionBefore() {
        Api api = server.api();
        Api fiona = api.as(People.signUp(api, "Fiona Facilitator"));
        String collaborative = People.collaborative(fiona, "Grampian sepsis collaborative");
        World.populate(api, fiona, collaborative);

        try (Browser browser = server.loggedIn("fiona.facilitator@example.nhs.uk", "/collaboratives/" + collaborative)) {
            browser.resize(1366, 768);
            browser.waitForHeading("Grampian sepsis collaborative");
            assertSection(browser, "Sessions", "Learning sessions");
            browser.assertAccessible("a collaborative's Sessions section, as its facilitator sees it");
            Map<String, Long> heights = heights(browser);
            // Eight invitation links, one row each: People and sites was 5,358 px tall when each link was a 196 px card.
            assertTrue(heights.get("People and sites") < 4_400,
                    () -> "People and sites is " + heights.get("People and sites") + " px tall at 1366 x 768");

            browser.waitFor(SELECTED_TAB).click();
            browser.pressKey(Keys.ARROW_RIGHT);
            assertSection(browser, "People and sites", "Sites");
            assertEquals("People and sites", browser.focused().getText().strip(), "the arrow key moves the focus to the tab it opens");
            List<Double> rows = browser.findAll(INVITATION_ROWS).stream().map(row -> row.getRect().getHeight() * 1.0).toList();
            System.out.println("the invitation links' rows at 1366 x 768: " + rows + " px");
            assertEquals(8, rows.size(), "one row for each invitation link");
            assertTrue(rows.stream().allMatch(height -> height <= 72), () -> "each invitation link is one line: " + rows + " px");
            assertTrue(browser.url().endsWith("#/collaboratives/" + collaborative + "?section=people"), browser.url());
            browser.assertAccessible("a collaborative's People and sites section, as its facilitator sees it");
            browser.pressKey(Keys.END);
            assertSection(browser, "Buddies", "Buddy pairings");
            browser.assertAccessible("a collaborative's Buddies section");
            browser.pressKey(Keys.ARROW_LEFT);
            assertSection(browser, "Stories", "Failure stories");
            browser.assertAccessible("a collaborative's Stories section");
            browser.pressKey(Keys.HOME);
            assertSection(browser, "Sessions", "Learning sessions");
            assertTrue(browser.url().endsWith("#/collaboratives/" + collaborative), browser.url());

            browser.press("9 members at 6 sites");
            assertSection(browser, "People and sites", "Sites");
            browser.press("Stories");
            assertSection(browser, "Stories", "Failure stories");
            browser.back();
            assertSection(browser, "People and sites", "Sites");
            browser.back();
            assertSection(browser, "Sessions", "Learning sessions");
            browser.back();
            assertSection(browser, "Stories", "Failure stories");

            // A link to a section, opened in a new tab, opens the page at that section.
            browser.openInNewTab(server.baseUrl() + "#/collaboratives/" + collaborative + "?section=buddies");
            browser.waitForHeading("Grampian sepsis collaborative");
            assertSection(browser, "Buddies", "Buddy pairings");

            long together = allSectionsTogether(browser);
            heights.forEach((section, height) -> assertTrue(height < together,
                    () -> section + " is " + height + " px tall, no shorter than all sections together, " + together + " px"));
        }
    }

    @Test
    void calendarLinkOfASessionDownloadsThatSessionAlone() {
        Api api = server.api();
        Api farah = api.as(People.signUp(api, "Farah Facilitator"));
        String collaborative = People.collaborative(farah, "Fife falls collaborative");
        String victoria = People.site(farah, collaborative, "Victoria Hospital", "trust");
        People.join(api.as(People.signUp(api, "Nia Nurse")), People.invitation(farah, collaborative, "participant"), victoria, "nurse");
        People.session(farah, collaborative, "Learning session 1", 120, List.of());
        Api.Reply second = farah.post("collaboratives/" + collaborative + "/sessions", Map.of(
                "title", "Learning session 2", "startsAt", "2027-03-02T10:00:00Z", "durationMinutes", 90,
                "agenda", List.of(Map.of("title", "Falls huddles: what worked", "activityType", "plenary", "plannedMinutes", 30))));
        assertEquals(201, second.status(), second::toString);
        String secondId = second.json().path("id").asText();

        try (Browser browser = server.loggedIn("nia.nurse@example.nhs.uk", "/collaboratives/" + collaborative)) {
            browser.waitForHeading("Fife falls collaborative");
            browser.waitForRow("Learning sessions of this collaborative", "Learning session 2");
            browser.assertAccessible("the sessions of a collaborative with their calendar links, as a participant sees them");
            browser.press("Add to calendar (.ics): Learning session 2");
            browser.waitForStatus("Learning session 2 is downloaded as a calendar file");
            String ics = browser.waitForDownload("learning-session-2.ics").replace("\r\n ", "");
            List<String> lines = ics.lines().toList();
            assertEquals("BEGIN:VCALENDAR", lines.get(0), ics);
            assertEquals(1, lines.stream().filter("BEGIN:VEVENT"::equals).count(), () -> "one event: " + ics);
            assertTrue(lines.contains("SUMMARY:Learning session 2"), ics);
            assertTrue(lines.contains("DTSTART:20270302T100000Z"), ics);
            assertTrue(lines.contains("DTEND:20270302T113000Z"), ics);
            assertTrue(lines.contains("UID:" + secondId + "@colearn"), ics);
            assertTrue(ics.contains("1. Falls huddles: what worked (30 min)"), ics);
            assertTrue(lines.stream().noneMatch(line -> line.contains("Learning session 1")), () -> "nothing of the other session: " + ics);
        }
    }

    @Test
    void mapPlotsTheSitesWithCoordinatesAndListsThoseWithoutAsNoLocationYet() {
        Api api = server.api();
        Api flora = api.as(People.signUp(api, "Flora Facilitator"));
        String collaborative = People.collaborative(flora, "Highland and Islands sepsis collaborative");
        Map<String, double[]> located = new LinkedHashMap<>();
        located.put("Raigmore Hospital", new double[] {57.48, -4.22});
        located.put("Ninewells Hospital", new double[] {56.46, -2.99});
        located.put("Gilbert Bain Hospital", new double[] {60.15, -1.15});
        located.forEach((name, at) -> assertEquals(201, flora.post("collaboratives/" + collaborative + "/sites", Map.of(
                "name", name, "kind", "trust", "region", "Scotland", "latitude", at[0], "longitude", at[1])).status()));
        People.site(flora, collaborative, "Balfour Hospital", "trust");
        People.site(flora, collaborative, "Skerryvore Practice", "gp_practice");

        try (Browser browser = server.loggedIn("flora.facilitator@example.nhs.uk", "/collaboratives/" + collaborative)) {
            browser.waitForHeading("Highland and Islands sepsis collaborative");
            browser.visit(server.baseUrl() + "#/collaboratives/" + collaborative + "?section=people");
            browser.waitFor(MAP_POINTS);
            Map<String, int[]> points = points(browser);
            assertEquals(List.of("Gilbert Bain Hospital", "Ninewells Hospital", "Raigmore Hospital"), List.copyOf(points.keySet()),
                    "the points come in the order of the list of sites");
            assertTrue(points.get("Gilbert Bain Hospital")[1] < points.get("Raigmore Hospital")[1], "Shetland is drawn north of Inverness");
            assertTrue(points.get("Raigmore Hospital")[1] < points.get("Ninewells Hospital")[1], "Inverness is drawn north of Dundee");
            assertTrue(points.get("Raigmore Hospital")[0] < points.get("Ninewells Hospital")[0], "Inverness is drawn west of Dundee");
            assertEquals(List.of("Balfour Hospital", "Skerryvore Practice"), browser.texts(NO_LOCATION));
            browser.waitForText("Raigmore Hospital 57.48° N, 4.22° W");
            browser.assertAccessible("the sites on a map, with two sites that have no location yet");

            WebElement first = browser.waitFor(MAP_POINTS);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            browser.press("People and sites");
            while (!browser.focused().equals(first) && Instant.now().isBefore(deadline)) {
                browser.pressKey(Keys.TAB);
            }
            assertEquals("Gilbert Bain Hospital, 60.15° N, 1.15° W", browser.focused().getDomAttribute("aria-label"),
                    "the map's first point is reached by Tab and named");
            browser.pressKey(Keys.TAB);
            assertEquals("Ninewells Hospital, 56.46° N, 2.99° W", browser.focused().getDomAttribute("aria-label"));

            browser.choose("Site to change", "Balfour Hospital");
            browser.press("Edit site");
            browser.fill("Latitude (optional)", "58.98");
            browser.fill("Longitude (optional)", "-2.96");
            browser.press("Save site");
            browser.waitForStatus("Site saved: Balfour Hospital.");
            browser.waitUntil(() -> browser.texts(MAP_POINTS).size() == 4 ? true : null, "Balfour Hospital on the map");
            assertEquals(List.of("Skerryvore Practice"), browser.texts(NO_LOCATION));
            browser.assertAccessible("the map after a site got its location");
        }
    }

    /** Waits until the tab {@code tab} is the one selected and its panel, the only one shown, has the heading {@code heading} first. */
    private static void assertSection(Browser browser, String tab, String heading) {
        browser.waitUntil(() -> browser.texts(SELECTED_TAB).equals(List.of(tab)) ? true : null,
                "the tab '" + tab + "' selected, but it is " + browser.texts(SELECTED_TAB));
        browser.waitUntil(() -> {
            List<String> shown = browser.texts(SHOWN_HEADINGS);
            return !shown.isEmpty() && shown.get(0).equals(heading) ? true : null;
        }, "the section '" + heading + "' shown, but the page shows " + browser.texts(SHOWN_HEADINGS));
    }

    /** How tall the page is with each section shown, by the tabs; printed for the record. */
    private static Map<String, Long> heights(Browser browser) {
        Map<String, Long> heights = new LinkedHashMap<>();
        for (String tab : List.of("Sessions", "People and sites", "Stories", "Buddies")) {
            browser.press(tab);
            browser.waitUntil(() -> browser.texts(SELECTED_TAB).equals(List.of(tab)) ? true : null, "the tab " + tab);
            heights.put(tab, browser.pageHeight());
        }
        browser.press("Sessions");
        System.out.println("the collaborative's page at 1366 x 768, by section: " + heights + " px");
        return heights;
    }

    /** How tall the page is with every section shown one below the other, as the page was before it had sections. */
    private static long allSectionsTogether(Browser browser) {
        browser.script("document.querySelectorAll('main [role=tabpanel]').forEach((panel) => { panel.hidden = false; });"
                + "document.querySelector('main [role=tablist]').hidden = true;");
        long height = browser.pageHeight();
        System.out.println("the collaborative's page at 1366 x 768 with every section shown: " + height + " px");
        return height;
    }

    /** The map's points by the site they name, each at its centre in the page. */
    private static Map<String, int[]> points(Browser browser) {
        Map<String, int[]> points = new LinkedHashMap<>();
        for (WebElement point : browser.waitUntil(() -> List.copyOf(browser.findAll(MAP_POINTS)), "the map's points")) {
            String name = point.getDomAttribute("aria-label").replaceFirst(",.*", "");
            org.openqa.selenium.Rectangle box = point.findElement(By.cssSelector(".site-map__dot")).getRect();
            points.put(name, new int[] {box.getX() + box.getWidth() / 2, box.getY() + box.getHeight() / 2});
        }
        return points;
    }

    /**
     * A collaborative as facilitators see it a few months in: six sites (four of them placed), nine members (each
     * invited by a link of their own) and three sessions with agendas.
     */
    private static final class World {

        static void populate(Api api, Api facilitator, String collaborative) {
            String[][] sites = {
                {"Aberdeen Royal Infirmary", "57.15", "-2.14"},
                {"Dr Gray's Hospital", "57.64", "-3.32"},
                {"Woodend Hospital", "57.14", "-2.15"},
                {"Chalmers Hospital", "57.66", "-2.52"},
                {"Inverurie Medical Practice", null, null},
                {"Rubislaw Care Home", null, null},
            };
            List<String> siteIds = new java.util.ArrayList<>();
            for (String[] site : sites) {
                Map<String, Object> body = new LinkedHashMap<>(Map.of("name", site[0], "kind", "trust", "region", "Grampian"));
                if (site[1] != null) {
                    body.put("latitude", Double.parseDouble(site[1]));
                    body.put("longitude", Double.parseDouble(site[2]));
                }
                Api.Reply reply = facilitator.post("collaboratives/" + collaborative + "/sites", body);
                assertEquals(201, reply.status(), reply::toString);
                siteIds.add(reply.json().path("id").asText());
            }
            String[] names = {"Nadia Nurse", "Dev Doctor", "Mo Manager", "Pat Porter", "Sam Sister", "Ola Officer", "Lee Lead", "Uma Unit"};
            for (int i = 0; i < names.length; i++) {
                People.join(api.as(People.signUp(api, names[i])),
                        People.invitation(facilitator, collaborative, i == 6 ? "site_lead" : "participant"), siteIds.get(i % siteIds.size()), "nurse");
            }
            List<Map<String, Object>> agenda = List.of(
                    Map.of("title", "Welcome and aims", "activityType", "plenary", "plannedMinutes", 15),
                    Map.of("title", "What worked", "activityType", "world-cafe", "plannedMinutes", 60),
                    Map.of("title", "Next steps", "activityType", "plenary", "plannedMinutes", 15));
            for (int i = 1; i <= 3; i++) {
                People.session(facilitator, collaborative, "Learning session " + i, 120, agenda);
            }
        }
    }
}
