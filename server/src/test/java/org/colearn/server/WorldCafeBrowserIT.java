package org.colearn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * A world café as five people live it, each in a browser of their own: the facilitator begins two rounds for four
 * participants from three sites, who see their table and tablemates, write a note their tablemate agrees with, are
 * warned of the last minute, hear where they sit next and move there (hosts stay, nobody meets twice), are moved by
 * the facilitator, and end at the harvest wall, grouped by the facilitator, who downloads it from the session's
 * results.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WorldCafeBrowserIT {

    private static final String NOTE = "Huddles at 8 and 8 catch the deteriorating patients";
    private static final By TABLE = By.xpath("//main//colearn-activity-world-cafe//section[h3[starts-with(normalize-space(), 'Your table')]]");
    private static final By TABLE_PEOPLE = By.xpath(
            "//main//colearn-activity-world-cafe//ul[starts-with(@aria-label, 'People at table')]/li");
    private static final By TABLE_NOTES = By.xpath("//main//colearn-activity-world-cafe//section[starts-with(@aria-label, 'Notes of table')]");
    private static final By WALL = By.xpath("//main//colearn-activity-world-cafe//section[@aria-label='Harvest wall']");
    private static final Pattern TABLE_NUMBER = Pattern.compile("Your table: table (\\d+)");
    private static final Pattern NEXT = Pattern.compile("Next, in round 2: (you stay|you go to table (\\d+))");

    @RegisterExtension
    static final BrowserServer server = new BrowserServer();

    /** Where one person sits in a round, as their page shows it. */
    record Seat(int table, boolean host, Set<String> others) {}

    @Test
    void participantsMeetNewPeopleEachRoundWhileHostsStayAndTheFacilitatorDownloadsTheHarvest() {
        Api api = server.api();
        Api fiona = api.as(People.signUp(api, "Fiona Facilitator"));
        String collaborative = People.collaborative(fiona, "Kent deterioration collaborative");
        String ashford = People.site(fiona, collaborative, "Ashford", "trust");
        String bromley = People.site(fiona, collaborative, "Bromley", "trust");
        String croydon = People.site(fiona, collaborative, "Croydon", "trust");
        String code = People.invitation(fiona, collaborative, "participant");
        People.join(api.as(People.signUp(api, "Ann Lee")), code, ashford, "nurse");
        People.join(api.as(People.signUp(api, "Ben Carter")), code, bromley, "doctor");
        People.join(api.as(People.signUp(api, "Chen Wu")), code, croydon, "manager");
        People.join(api.as(People.signUp(api, "Dee Patel")), code, ashford, "doctor");
        String page = "/sessions/" + People.session(fiona, collaborative, "Learning session 7", 90, List.of(Map.of(
                "title", "World café", "activityType", "world-cafe", "plannedMinutes", 40,
                "config", Map.of("tableSize", 2, "tables", 0, "rounds", 2, "roundMinutes", 15,
                        "questions", List.of("What helped you spot deterioration?", "What will you change first?"),
                        "hosts", "automatic", "noteKinds", List.of("insight", "change idea", "question"),
                        "mixSites", true, "mixProfessions", true, "avoidEarlierMeetings", true))));

        List<Browser> opened = new ArrayList<>();
        try {
            Browser facilitator = open(opened, "fiona.facilitator@example.nhs.uk", page);
            Map<String, Browser> participants = new HashMap<>();
            for (String name : List.of("Ann Lee", "Ben Carter", "Chen Wu", "Dee Patel")) {
                participants.put(name, open(opened, name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.nhs.uk", page));
            }
            for (Browser browser : opened) {
                browser.waitForTextIn(LivePage.CONNECTION, "Connected");
            }
            facilitator.waitForText("Who is here (5)");
            facilitator.press("Start session");
            facilitator.press("Go to item 1: World café");
            for (Browser participant : participants.values()) {
                participant.waitForTextIn(LivePage.CAFE, "The café has not begun yet.");
            }
            facilitator.waitForTextIn(LivePage.CAFE, "4 participants here to seat, in 2 rounds.");
            facilitator.assertAccessible("the facilitator's café console before the café begins");

            // Round 1: everyone sees their table, its host and their tablemate, and where they go next.
            facilitator.press("Begin the café");
            Map<String, Seat> first = new HashMap<>();
            Map<String, String> promised = new HashMap<>();
            for (Map.Entry<String, Browser> person : participants.entrySet()) {
                Browser browser = person.getValue();
                browser.waitForTextIn(LivePage.CAFE, "Round 1 of 2");
                browser.waitForTextIn(LivePage.CAFE, "What helped you spot deterioration?");
                Seat seat = seat(browser, person.getKey());
                assertEquals(1, seat.others().size(), () -> person.getKey() + " shares a table of two: " + seat);
                first.put(person.getKey(), seat);
                String heard = browser.waitForTextContent(LivePage.CAFE_ANNOUNCEMENTS, "Round 1: you ");
                assertEquals("Round 1: you " + (seat.host() ? "host" : "are at") + " table " + seat.table() + " with "
                        + seat.others().iterator().next() + ".", heard, "the screen reader hears where they sit");
                Matcher next = NEXT.matcher(browser.waitFor(TABLE).getText());
                assertTrue(next.find(), () -> person.getKey() + " sees where they go next: " + browser.waitFor(TABLE).getText());
                promised.put(person.getKey(), next.group(2) == null ? String.valueOf(seat.table()) : next.group(2));
                assertEquals(seat.host(), next.group(1).equals("you stay"), "hosts stay, everyone else moves");
            }
            assertEquals(2, first.values().stream().filter(Seat::host).count(), () -> "one host at each of the two tables: " + first);
            String console = facilitator.waitForTextIn(LivePage.CAFE, "Tables this round (2)");
            assertTrue(console.contains("Without a seat (0)"), () -> "the facilitator sees everyone seated: " + console);

            // A note written at a table reaches the tablemate, with its kind and writer.
            String writer = "Ann Lee";
            String tablemate = first.get(writer).others().iterator().next();
            Browser ann = participants.get(writer);
            ann.choose("Kind of note", "insight");
            ann.fill("Your note", NOTE);
            ann.waitForTextIn(TABLE_NOTES, NOTE.length() + " of 500 characters");
            ann.press("Add note");
            String seen = participants.get(tablemate).waitForTextIn(TABLE_NOTES, NOTE);
            assertTrue(seen.contains("insight · Ann Lee · table " + first.get(writer).table()),
                    () -> tablemate + " sees who wrote the note and its kind: " + seen);
            ann.waitForTextIn(TABLE_NOTES, NOTE);
            assertEquals("", ann.field("Your note").getDomProperty("value"), "the form is empty again once the note is in");
            ann.fill("Your note", "Half-written");
            participants.get(tablemate).press("Agree (0)");
            participants.get(tablemate).waitForTextIn(TABLE_NOTES, "Agreed (1)");
            ann.waitForTextIn(TABLE_NOTES, "Agree (1)");
            assertEquals(ann.field("Your note"), ann.focused(), "a new view keeps Ann's focus where she is typing");
            assertEquals("Half-written", ann.field("Your note").getDomProperty("value"), "and what she has typed so far");
            ann.field("Your note").clear();

            // The server's clock reaches the last minute: the countdown turns to a warning, read out once.
            server.clock().advance(Duration.ofMinutes(14).plusSeconds(5));
            for (Browser browser : participants.values()) {
                browser.waitForTextIn(LivePage.CAFE, "Less than a minute left in round 1");
                browser.waitForTextContent(LivePage.CAFE_ANNOUNCEMENTS, "One minute left in round 1.");
            }
            ann.assertAccessible("a participant at a café table with a note");
            facilitator.assertAccessible("the facilitator's café console during a round");
            ann.screenshot("world-cafe-as-participant");
            facilitator.screenshot("world-cafe-as-facilitator");

            // Round 2: hosts stay, the others move where they were told, nobody meets their tablemate again.
            facilitator.press("Start round 2 now");
            for (Map.Entry<String, Browser> person : participants.entrySet()) {
                Browser browser = person.getValue();
                browser.waitForTextIn(LivePage.CAFE, "Round 2 of 2");
                browser.waitForTextIn(LivePage.CAFE, "What will you change first?");
                Seat before = first.get(person.getKey());
                Seat now = seat(browser, person.getKey());
                assertEquals(promised.get(person.getKey()), String.valueOf(now.table()), () -> person.getKey() + " went where the page said");
                if (before.host()) {
                    assertTrue(now.host() && now.table() == before.table(), () -> person.getKey() + " hosts the same table: " + now);
                }
                Set<String> again = new HashSet<>(now.others());
                again.retainAll(before.others());
                assertTrue(again.isEmpty(), () -> person.getKey() + " meets nobody twice: " + before + " then " + now);
                String heard = browser.waitForTextContent(LivePage.CAFE_ANNOUNCEMENTS, "Round 2: you ");
                assertEquals("Round 2: you " + (now.host() ? "host" : "are at") + " table " + now.table() + " with "
                        + now.others().iterator().next() + ".", heard, "the screen reader hears the move");
                browser.waitForTextIn(LivePage.CAFE, "This is the last round.");
            }
            Map<String, Seat> second = new HashMap<>();
            participants.forEach((name, browser) -> second.put(name, seat(browser, name)));
            Browser host = participants.get(first.entrySet().stream().filter(seat -> seat.getValue().host()
                    && seat.getValue().table() == first.get(writer).table()).findFirst().orElseThrow().getKey());
            String briefing = host.waitForTextIn(By.xpath("//main//section[@aria-label='Your briefing as host']"), NOTE);
            assertTrue(briefing.contains("round 1"), () -> "the host of Ann's table is briefed with round 1's note: " + briefing);

            // The facilitator moves a guest of one table to the other: they hear where they sit now, and with whom.
            String mover = second.entrySet().stream().filter(seat -> !seat.getValue().host()).findFirst().orElseThrow().getKey();
            int to = 3 - second.get(mover).table();
            facilitator.choose("Move " + mover + " to", "Table " + to);
            facilitator.press("Move " + mover);
            String moved = participants.get(mover).waitForTextContent(LivePage.CAFE_ANNOUNCEMENTS, "Round 2: you are at table " + to + " with ");
            second.entrySet().stream().filter(seat -> seat.getValue().table() == to).forEach(seat ->
                    assertTrue(moved.contains(seat.getKey()), () -> "the move names the new tablemates: " + moved));
            participants.get(mover).waitForTextIn(TABLE, "Your table: table " + to);

            // The facilitator groups the note on the wall; everyone sees the group.
            facilitator.waitFor(By.xpath("//main//section[@aria-label='Harvest wall']//input[@aria-label='Select for a group']")).click();
            facilitator.fill("Group label", "Safety huddles");
            facilitator.press("Group selected notes");
            ann.waitForTextIn(WALL, "Group: Safety huddles");

            // The end: everyone is back with the harvest wall, and the facilitator downloads it.
            facilitator.press("Finish the café");
            for (Browser participant : participants.values()) {
                String wall = participant.waitForTextIn(WALL, NOTE);
                assertTrue(wall.contains("Round 1: What helped you spot deterioration?") && wall.contains("Insight"),
                        () -> "the wall shows the note under its round, question and kind: " + wall);
                participant.waitForTextContent(LivePage.CAFE_ANNOUNCEMENTS, "The café has ended.");
                assertFalse(participant.mainText().contains("Your table"), "nobody sits at a table any more");
            }
            ann.assertAccessible("the harvest wall after the café");
            facilitator.press("Download CSV of World café harvest");
            String csv = facilitator.waitForDownload("world-caf-harvest.csv");
            assertTrue(csv.startsWith("round,question,table,kind,note,by,agreements,group")
                    && csv.contains(",insight," + NOTE + ",Ann Lee,1,Safety huddles"), () -> "the harvest CSV holds the note: " + csv);
            facilitator.waitForStatus("Downloaded world-caf-harvest.csv.");
            facilitator.assertAccessible("the facilitator's page with the harvest and the session's results");
        } finally {
            opened.forEach(Browser::close);
        }
    }

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
            facilitator.fill("Minutes to add", "10");
            facilitator.press("Add time");
            facilitator.waitForTextIn(LivePage.CAFE, "24:");
            assertTrue(facilitator.waitFor(LivePage.CAFE).getText().matches("(?s).*\\b24:[0-5][0-9] left in round 1.*"),
                    "the countdown shows the 25 minutes the round now has");
        } finally {
            people.values().forEach(LiveClient::close);
        }
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

    private static Browser open(List<Browser> opened, String email, String page) {
        Browser browser = server.loggedIn(email, page);
        opened.add(browser);
        browser.waitForHeading("Learning session 7");
        return browser;
    }

    /** The table this person's page shows: its number, whether they host it, and who else sits there. */
    private static Seat seat(Browser browser, String me) {
        String table = browser.waitFor(TABLE).getText();
        Matcher number = TABLE_NUMBER.matcher(table);
        assertTrue(number.find(), table);
        Set<String> others = new HashSet<>();
        for (String person : browser.texts(TABLE_PEOPLE)) {
            String name = person.substring(0, person.indexOf(','));
            if (!name.equals(me)) {
                others.add(name);
            }
        }
        return new Seat(Integer.parseInt(number.group(1)), table.contains("You host this table"), others);
    }
}
