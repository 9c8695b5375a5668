package org.colearn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.colearn.server.testing.Browser;
import org.colearn.server.testing.BrowserServer;
import org.colearn.server.testing.LivePage;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A world café as the browser tests open and read it: everyone's browser, a participant's table from their page, and
 * the facilitator's seating plan from the text alternative of its picture (what a screen reader says of each table),
 * and the seats' marks.
 */
final class CafePages {

    static final By TABLE = By.xpath("//main//colearn-activity-world-cafe//section[h3[starts-with(normalize-space(), 'Your table')]]");
    static final By TABLE_PEOPLE = By.xpath("//main//colearn-activity-world-cafe//ul[starts-with(@aria-label, 'People at table')]/li");
    static final By TABLE_NOTES = By.xpath("//main//colearn-activity-world-cafe//section[starts-with(@aria-label, 'Notes of table')]");
    static final By WALL = By.xpath("//main//colearn-activity-world-cafe//section[@aria-label='Harvest wall']");
    static final By BRIEFING = By.xpath("//main//colearn-activity-world-cafe//section[@aria-label='Your briefing as host']");
    static final By PLAN = By.xpath("//main//section[@aria-label='Café console']//figure[contains(@class, 'cafe-plan')]");
    private static final By PLAN_TABLES = By.xpath(
            "//main//section[@aria-label='Café console']//figure//*[local-name()='svg'][@role='img']");
    private static final Pattern TABLE_NUMBER = Pattern.compile("Your table: table (\\d+)");
    private static final Pattern PLAN_TABLE = Pattern.compile("Table (\\d+): (.*)\\.");
    private static final Pattern PLAN_PERSON = Pattern.compile("(.+) \\((host, )?(.+)\\)");

    /** Where one person sits in a round, as their page shows it: the others in the order the page lists them. */
    record Seat(int table, boolean host, List<String> others) {}

    /** One seat of the facilitator's seating plan. */
    record Planned(String name, String site, boolean host) {}

    private CafePages() {}

    /**
     * Logs everyone in, three browsers at a time (most of a browser's start is waiting), each at {@code page} once it
     * shows {@code heading}, by the person's name; every browser that opens goes into {@code opened}, to be closed.
     */
    static Map<String, Browser> openAll(BrowserServer server, List<String> everyone, String page, String heading, List<Browser> opened) {
        ExecutorService starting = Executors.newFixedThreadPool(3);
        try {
            Map<String, Future<Browser>> starts = new LinkedHashMap<>();
            for (String name : everyone) {
                starts.put(name, starting.submit(() -> {
                    Browser browser = server.loggedIn(name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.nhs.uk", page);
                    synchronized (opened) {
                        opened.add(browser);
                    }
                    browser.waitForHeading(heading);
                    return browser;
                }));
            }
            Map<String, Browser> browsers = new LinkedHashMap<>();
            Throwable failed = null;
            for (Map.Entry<String, Future<Browser>> start : starts.entrySet()) {
                try {
                    browsers.put(start.getKey(), start.getValue().get()); // waits for every start, so none is left open
                } catch (ExecutionException e) {
                    failed = failed == null ? e.getCause() : failed;
                }
            }
            if (failed != null) {
                throw new AssertionError("a browser could not log in", failed);
            }
            return browsers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while the browsers started", e);
        } finally {
            starting.shutdown();
        }
    }

    /** The table this person's page shows: its number, whether they host it, and who else sits there. */
    static Seat seat(Browser browser, String me) {
        String table = browser.waitFor(TABLE).getText();
        Matcher number = TABLE_NUMBER.matcher(table);
        assertTrue(number.find(), table);
        List<String> others = new ArrayList<>();
        for (String person : browser.texts(TABLE_PEOPLE)) {
            String name = person.substring(0, person.indexOf(','));
            if (!name.equals(me)) {
                others.add(name);
            }
        }
        return new Seat(Integer.parseInt(number.group(1)), table.contains("You host this table"), others);
    }

    /** The seating plan the facilitator's picture shows for the round under way, table by table. */
    static Map<Integer, List<Planned>> plan(Browser facilitator, int round) {
        facilitator.waitForTextIn(PLAN, "Seating plan, round " + round + " of");
        Map<Integer, List<Planned>> plan = new LinkedHashMap<>();
        for (WebElement table : facilitator.waitFor(PLAN).findElements(PLAN_TABLES)) {
            String words = table.getDomAttribute("aria-label");
            Matcher matcher = PLAN_TABLE.matcher(words);
            assertTrue(matcher.matches(), () -> "a table of the seating plan says who sits there: " + words);
            List<Planned> seats = new ArrayList<>();
            for (String person : matcher.group(2).split("; ")) {
                Matcher seat = PLAN_PERSON.matcher(person);
                assertTrue(seat.matches(), () -> "a seat names the person and their site: " + person);
                seats.add(new Planned(seat.group(1), seat.group(3), seat.group(2) != null));
            }
            plan.put(Integer.parseInt(matcher.group(1)), seats);
        }
        return plan;
    }

    /** Each table's seats as drawn, in order: the mark inside (the site's initials), its colour, and whether ringed. */
    @SuppressWarnings("unchecked")
    static List<List<Map<String, Object>>> drawnSeats(Browser facilitator) {
        return (List<List<Map<String, Object>>>) facilitator.script(
                "return [...document.querySelectorAll('main figure.cafe-plan svg[role=img]')].map(table =>"
                        + " [...table.querySelectorAll('.cafe-plan__seat')].map(seat => ({"
                        + " initials: seat.querySelector('.cafe-plan__initials').textContent,"
                        + " colour: seat.querySelector('circle[fill]:not([fill=none])').getAttribute('fill'),"
                        + " host: seat.classList.contains('cafe-plan__seat--host') })))");
    }

    /** The person's page shows the table, host and tablemates that the facilitator's seating plan shows. */
    static void assertSeatedAsPlanned(String name, Seat seat, Map<Integer, List<Planned>> plan) {
        List<Planned> table = plan.get(seat.table());
        assertTrue(table != null && table.stream().anyMatch(planned -> planned.name().equals(name)),
                () -> name + " sits at table " + seat.table() + " as the seating plan shows: " + plan);
        assertEquals(table.stream().map(Planned::name).filter(other -> !other.equals(name)).toList(), seat.others(),
                () -> name + "'s tablemates, as the seating plan shows them");
        assertEquals(table.stream().anyMatch(planned -> planned.host() && planned.name().equals(name)), seat.host(),
                () -> name + " hosts table " + seat.table() + " exactly when the seating plan says so");
    }

    /** What the screen reader hears when a round starts: where they sit, and with whom, in the page's order. */
    static void assertHeard(Browser browser, int round, Seat seat) {
        String heard = browser.waitForTextContent(LivePage.CAFE_ANNOUNCEMENTS, "Round " + round + ": you ");
        assertEquals("Round " + round + ": you " + (seat.host() ? "host" : "are at") + " table " + seat.table() + " with "
                + names(seat.others()) + ".", heard, "the screen reader hears where they sit");
    }

    /** "Ben Carter", "Ben Carter and Chen Wu", "Ann, Ben and Chen": as the café's announcements name people. */
    static String names(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
