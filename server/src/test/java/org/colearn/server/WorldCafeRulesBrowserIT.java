package org.colearn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The rules a facilitator sets on a world café's seating, set in the browser's console before the café begins (hosts
 * picked by hand, a pin, a pair kept apart, a new kind of note), followed by the seating the participants get, with
 * the seating report in words, the next round's plan and more time for the round; and a participant who volunteers to host, in a
 * volunteers café, and hosts a table once it begins.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WorldCafeRulesBrowserIT {

    @RegisterExtension
    static final BrowserServer server = new BrowserServer();

    private static final Function<String, By> PLAN_TAB = name -> By.xpath(
            "//main//colearn-activity-world-cafe//*[@role='tablist']/button[@role='tab'][normalize-space()='" + name + "']");

    @Test
    void facilitatorPicksHostsPinsSomeoneKeepsAPairApartAndAddsAKindBeforeBeginningAndTheSeatingFollows() {
        Api api = server.api();
        Api gina = api.as(People.signUp(api, "Gina Facilitator"));
        String collaborative = People.collaborative(gina, "Surrey deterioration collaborative");
        String code = People.invitation(gina, collaborative, "participant");
        Map<String, String> tokens = new HashMap<>();
        List<String> names = List.of("Hana Ito", "Ivan Petrov", "Jade Okoro", "Kai Brown");
        for (String name : names) {
            String token = People.signUp(api, name);
            People.join(api.as(token), code, People.site(gina, collaborative, name.split(" ")[1] + " Hospital", "trust"), "nurse");
            tokens.put(name, token);
        }
        String sessionId = People.session(gina, collaborative, "Learning session 8", 60, List.of(Map.of(
                "title", "World café", "activityType", "world-cafe", "plannedMinutes", 40,
                "config", Map.of("tableSize", 2, "tables", 0, "rounds", 2, "roundMinutes", 15,
                        "questions", List.of("What slows escalation?"), "hosts", "facilitator",
                        "noteKinds", List.of("insight", "question"), "mixSites", true, "mixProfessions", true,
                        "avoidEarlierMeetings", true))));

        Map<String, LiveClient> people = new HashMap<>();
        try (Browser facilitator = server.loggedIn("gina.facilitator@example.nhs.uk", "/sessions/" + sessionId)) {
            facilitator.waitForHeading("Learning session 8");
            facilitator.waitForTextIn(LivePage.CONNECTION, "Connected");
            for (String name : names) {
                people.put(name, server.join(sessionId, tokens.get(name), name.replace(' ', '-')));
            }
            facilitator.press("Start session");
            facilitator.press("Go to item 1: World café");
            facilitator.waitForTextIn(LivePage.CAFE, "4 participants here to seat, in 2 rounds.");

            facilitator.field("Hana Ito hosts a table").click();
            facilitator.waitForTextIn(LivePage.CAFE, "Picked to host: Hana Ito.");
            facilitator.field("Ivan Petrov hosts a table").click();
            facilitator.waitForTextIn(LivePage.CAFE, "Picked to host: Hana Ito, Ivan Petrov.");
            facilitator.choose("Person to pin", "Jade Okoro");
            facilitator.fill("Table number", "1");
            facilitator.press("Pin to table");
            facilitator.waitForTextIn(LivePage.CAFE, "Jade Okoro at table 1");
            facilitator.choose("Person", "Jade Okoro");
            facilitator.choose("Other person", "Kai Brown");
            facilitator.press("Keep apart");
            facilitator.waitForTextIn(LivePage.CAFE, "Jade Okoro and Kai Brown: kept apart");
            facilitator.fill("New kind of note", "worry");
            facilitator.press("Add kind");
            facilitator.waitForTextIn(LivePage.CAFE, "Notes are: insight, question, worry.");
            assertTrue(facilitator.field("Hana Ito hosts a table").isSelected() && facilitator.field("Ivan Petrov hosts a table").isSelected(),
                    "the hosts picked stay ticked as the console is drawn again");
            facilitator.assertAccessible("the café console with hosts, a pin, a pair and a new kind");

            facilitator.press("Begin the café");
            JsonNode jade = cafeView(people.get("Jade Okoro"), view -> view.path("round").asInt() == 1 && view.path("table").isObject());
            assertEquals(1, jade.path("table").path("number").asInt(), "Jade sits at the table she is pinned to");
            assertEquals(List.of("insight", "question", "worry"), texts(jade.path("kinds")), "the new kind reaches participants");
            String host = jade.path("table").path("hostPerson").path("name").asText();
            assertTrue(List.of("Hana Ito", "Ivan Petrov").contains(host), () -> "a host picked by hand hosts Jade's table: " + jade);
            JsonNode kai = cafeView(people.get("Kai Brown"), view -> view.path("round").asInt() == 1 && view.path("table").isObject());
            assertEquals(2, kai.path("table").path("number").asInt(), "Kai is kept apart from Jade");

            // Pinned, Jade must meet her host again; the report says so in words.
            String report = facilitator.waitForTextIn(LivePage.CAFE, "Seating report");
            assertTrue(report.contains(host + " and Jade Okoro sit together again in rounds 1, 2.")
                    || report.contains("Jade Okoro and " + host + " sit together again in rounds 1, 2."),
                    () -> "the facilitator reads what the seating could not meet: " + report);
            assertNextRoundPreviewed(facilitator, host);

            // The page counts down by the browser's clock from the server's time at joining: on a busy machine the
            // console steps above take minutes, so the countdown is compared before and after, not read as 24:xx.
            long before = secondsLeftInRoundOne(facilitator);
            facilitator.fill("Minutes to add", "10");
            facilitator.press("Add time");
            long after = facilitator.waitUntil(() -> {
                long left = secondsLeftInRoundOne(facilitator);
                return left > before + 300 ? left : null;
            }, "the countdown to jump after Add time");
            assertTrue(after - before > 540 && after - before <= 600,
                    () -> "the countdown gains the 10 minutes added: " + before + " s left before, " + after + " s after");
        } finally {
            people.values().forEach(LiveClient::close);
        }
    }

    @Test
    void aParticipantVolunteersToHostFromTheKeyboardAndHostsATableOnceTheCafeBegins() {
        Api api = server.api();
        Api lena = api.as(People.signUp(api, "Lena Facilitator"));
        String collaborative = People.collaborative(lena, "Sussex deterioration collaborative");
        String code = People.invitation(lena, collaborative, "participant");
        Map<String, String> tokens = new HashMap<>();
        List<String> names = List.of("Mia Clarke", "Noor Aziz", "Omar Said", "Pia Berg");
        for (String name : names) {
            String token = People.signUp(api, name);
            People.join(api.as(token), code, People.site(lena, collaborative, name.split(" ")[1] + " Infirmary", "trust"), "doctor");
            tokens.put(name, token);
        }
        String sessionId = People.session(lena, collaborative, "Learning session 9", 60, List.of(Map.of(
                "title", "World café", "activityType", "world-cafe", "plannedMinutes", 40,
                "config", Map.of("tableSize", 2, "tables", 0, "rounds", 2, "roundMinutes", 15,
                        "questions", List.of("What slows escalation?"), "hosts", "volunteers",
                        "noteKinds", List.of("insight"), "mixSites", true, "mixProfessions", true,
                        "avoidEarlierMeetings", true))));
        String page = "/sessions/" + sessionId;

        Map<String, LiveClient> people = new HashMap<>();
        try (Browser facilitator = server.loggedIn("lena.facilitator@example.nhs.uk", page);
                Browser mia = server.loggedIn("mia.clarke@example.nhs.uk", page)) {
            for (Browser browser : List.of(facilitator, mia)) {
                browser.waitForHeading("Learning session 9");
                browser.waitForTextIn(LivePage.CONNECTION, "Connected");
            }
            for (String name : names.subList(1, names.size())) {
                people.put(name, server.join(sessionId, tokens.get(name), name.replace(' ', '-')));
            }
            facilitator.press("Start session");
            facilitator.press("Go to item 1: World café");
            mia.waitForTextIn(LivePage.CAFE, "The café has not begun yet.");
            facilitator.waitForTextIn(LivePage.CAFE, "Nobody has volunteered to host yet.");

            // Mia offers to host with the space bar, changes her mind, and offers again; the focus stays on the box.
            mia.field("I volunteer to host a table").sendKeys(Keys.SPACE);
            facilitator.waitForTextIn(LivePage.CAFE, "Volunteered to host: Mia Clarke.");
            mia.waitForTextIn(LivePage.CAFE, "You have offered to host a table.");
            mia.field("I volunteer to host a table").sendKeys(Keys.SPACE);
            facilitator.waitForTextIn(LivePage.CAFE, "Nobody has volunteered to host yet.");
            mia.waitUntilGone(By.xpath("//main//colearn-activity-world-cafe//p[contains(., 'You have offered to host')]"));
            assertFalse(mia.field("I volunteer to host a table").isSelected(), "Mia's box is clear once she withdraws");
            mia.field("I volunteer to host a table").sendKeys(Keys.SPACE);
            facilitator.waitForTextIn(LivePage.CAFE, "Volunteered to host: Mia Clarke.");
            mia.waitForTextIn(LivePage.CAFE, "You have offered to host a table.");
            JsonNode offered = cafeView(people.get("Noor Aziz"), view -> view.path("phase").asText().equals("gathering"));
            assertFalse(offered.path("volunteered").asBoolean(), "Noor's view says she has not volunteered");
            assertTrue(mia.field("I volunteer to host a table").isSelected(), "Mia's box is ticked as the server says");
            assertEquals(mia.field("I volunteer to host a table"), mia.focused(), "the focus stays on the box as the view is redrawn");
            mia.assertAccessible("a participant's offer to host before the café begins");

            facilitator.press("Begin the café");
            String table = mia.waitForTextIn(CafePages.TABLE, "You host this table: you stay here for every round.");
            assertTrue(table.contains("Next, in round 2: you stay: you host this table."), () -> "Mia knows she stays: " + table);
            mia.waitForTextContent(LivePage.CAFE_ANNOUNCEMENTS, "Round 1: you host table ");
            facilitator.waitForTextIn(LivePage.CAFE, "Host: Mia Clarke");
        } finally {
            people.values().forEach(LiveClient::close);
        }
    }

    /**
     * The facilitator opens the next round's plan from the keyboard: the same picture, its tables in words (Jade, pinned,
     * at table 1 again with the host who stays), the rule check of that round, all of it accessible; and goes back.
     */
    private static void assertNextRoundPreviewed(Browser facilitator, String host) {
        WebElement thisRound = facilitator.waitFor(PLAN_TAB.apply("This round (1)"));
        assertEquals("true", thisRound.getDomAttribute("aria-selected"), "this round's plan is shown first");
        thisRound.sendKeys(Keys.ARROW_RIGHT);
        String next = facilitator.waitForTextIn(LivePage.CAFE, "Tables next round (2)");
        assertEquals(facilitator.waitFor(PLAN_TAB.apply("Next round (2)")), facilitator.focused(), "the focus follows the tab chosen");
        assertTrue(next.contains("Next round\nRound 2 of 2: What slows escalation?"), () -> "the next round, headed: " + next);
        assertTrue(next.contains("Seating plan, round 2 of 2 (2 tables)"), () -> "drawn as a picture: " + next);
        assertTrue(next.contains("Table 1\nHost: " + host + ", who stays · 2 people\n" + host)
                && next.matches("(?s).*Jade Okoro, Okoro Hospital, nurse\\s+stays\\b.*"),
                () -> "Jade, pinned, stays at table 1 with the host who stays: " + next);
        assertTrue(next.contains("Rule check for round 2\n2 repeated meetings,")
                && (next.contains(host + " and Jade Okoro sit together again in rounds 1, 2.")
                || next.contains("Jade Okoro and " + host + " sit together again in rounds 1, 2.")),
                () -> "the rule check of round 2 says who meets again: " + next);
        assertFalse(facilitator.waitFor(CafePages.PLAN).getText().contains("round 1 of 2"), "only the next round is drawn");
        facilitator.assertAccessible("the next round's seating plan, in a picture and in words");
        facilitator.pressKey(Keys.ARROW_LEFT);
        facilitator.waitForTextIn(CafePages.PLAN, "Seating plan, round 1 of 2");
        assertEquals(facilitator.waitFor(PLAN_TAB.apply("This round (1)")), facilitator.focused(), "back on this round's tab");
    }

    /** The latest café view that matches, whether it came with the hello reply or as a change since. */
    private static JsonNode cafeView(LiveClient client, Predicate<JsonNode> matches) {
        Function<JsonNode, JsonNode> activity = frame -> "activity.view".equals(frame.path("type").asText())
                ? frame.path("body") : frame.path("body").path("view").path("activity");
        return activity.apply(client.await(frame -> activity.apply(frame).path("type").asText().equals("world-cafe")
                && matches.test(activity.apply(frame).path("view")), "a café view")).path("view");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** The seconds the café's countdown shows left in round 1, as the facilitator's page reads it. */
    private static long secondsLeftInRoundOne(Browser facilitator) {
        Matcher left = Pattern.compile("\\b(\\d+):([0-5]\\d) left in round 1")
                .matcher(facilitator.waitForTextIn(LivePage.CAFE, "left in round 1"));
        assertTrue(left.find(), "the café shows a countdown of round 1");
        return Long.parseLong(left.group(1)) * 60 + Long.parseLong(left.group(2));
    }
}
