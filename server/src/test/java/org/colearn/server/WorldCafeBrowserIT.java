package org.colearn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.colearn.server.CafePages.seat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.colearn.server.CafePages.Planned;
import org.colearn.server.CafePages.Seat;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.Browser;
import org.colearn.server.testing.BrowserServer;
import org.colearn.server.testing.LivePage;
import org.colearn.server.testing.People;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * A world café as nine people live it, each in a browser of their own: the facilitator begins two rounds for eight
 * participants from four sites at tables of two. Everyone sees the table the facilitator's seating plan shows them
 * at, with its host and tablemates; notes written at every table reach tablemates and the harvest wall, one agreed
 * with, one written by the facilitator visiting a table; everyone is warned of the last minute, hears where they sit
 * next and moves there (hosts stay, nobody meets a tablemate again); someone is moved by the facilitator; and the
 * café ends at the harvest wall, grouped by the facilitator, who downloads it from the session's results.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class WorldCafeBrowserIT {

    private static final String NOTE = "Huddles at 8 and 8 catch the deteriorating patients";
    private static final String VISIT = "Ask the night team how they escalate";
    private static final Pattern NEXT = Pattern.compile("Next, in round 2: (you stay|you go to table (\\d+))");
    private static final List<String> SITES = List.of("Ashford", "Bromley", "Croydon", "Dover");
    /** Two people from each site, in the order of SITES, with professions that mix. */
    private static final List<String> NAMES = List.of("Ann Lee", "Dee Patel", "Ben Carter", "Eve Stone",
            "Chen Wu", "Finn Doyle", "Gus Owen", "Ida Moss");
    private static final List<String> PROFESSIONS = List.of("nurse", "doctor", "doctor", "manager", "manager", "nurse", "nurse", "doctor");

    @RegisterExtension
    static final BrowserServer server = new BrowserServer();

    @Test
    void eightParticipantsFromFourSitesMeetNewPeopleEachRoundWhileHostsStayAndTheHarvestHoldsEveryTablesNotes() {
        Api api = server.api();
        Api fiona = api.as(People.signUp(api, "Fiona Facilitator"));
        String collaborative = People.collaborative(fiona, "Kent deterioration collaborative");
        List<String> siteIds = SITES.stream().map(site -> People.site(fiona, collaborative, site, "trust")).toList();
        String code = People.invitation(fiona, collaborative, "participant");
        Map<String, String> siteOf = new HashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            People.join(api.as(People.signUp(api, NAMES.get(i))), code, siteIds.get(i / 2), PROFESSIONS.get(i));
            siteOf.put(NAMES.get(i), SITES.get(i / 2));
        }
        String page = "/sessions/" + People.session(fiona, collaborative, "Learning session 7", 90, List.of(Map.of(
                "title", "World café", "activityType", "world-cafe", "plannedMinutes", 40,
                "config", Map.of("tableSize", 2, "tables", 0, "rounds", 2, "roundMinutes", 15,
                        "questions", List.of("What helped you spot deterioration?", "What will you change first?"),
                        "hosts", "automatic", "noteKinds", List.of("insight", "change idea", "question"),
                        "mixSites", true, "mixProfessions", true, "avoidEarlierMeetings", true))));

        List<Browser> opened = new ArrayList<>();
        try {
            long started = System.nanoTime();
            List<String> everyone = new ArrayList<>(List.of("Fiona Facilitator"));
            everyone.addAll(NAMES);
            Map<String, Browser> participants = CafePages.openAll(server, everyone, page, "Learning session 7", opened);
            Browser facilitator = participants.remove("Fiona Facilitator");
            for (Browser browser : opened) {
                browser.waitForTextIn(LivePage.CONNECTION, "Connected");
            }
            System.out.printf("nine browsers logged in and connected in %d s%n", (System.nanoTime() - started) / 1_000_000_000L);
            facilitator.waitForText("Who is here (9)");
            facilitator.press("Start session");
            facilitator.press("Go to item 1: World café");
            for (Browser participant : participants.values()) {
                participant.waitForTextIn(LivePage.CAFE, "The café has not begun yet.");
            }
            facilitator.waitForTextIn(LivePage.CAFE, "8 participants here to seat, in 2 rounds.");
            facilitator.assertAccessible("the facilitator's café console before the café begins");

            // Round 1: everyone sits where the facilitator's seating plan shows them, and hears it.
            facilitator.press("Begin the café");
            Map<Integer, List<Planned>> plan1 = CafePages.plan(facilitator, 1);
            // Tables of two: with hosts staying, the four guests can each meet a new host and nobody again. Eight at
            // tables of three (3 + 3 + 2, each table keeping its size) cannot: the guests of each table of three must
            // split up over the other two tables, so both need a seat at the table of two, which has one free.
            assertEquals(Set.of(1, 2, 3, 4), plan1.keySet(), () -> "eight people at tables of two make four tables: " + plan1);
            assertPictureMarksSites(facilitator, plan1, siteOf);
            facilitator.script("arguments[0].scrollIntoView()", facilitator.waitFor(CafePages.PLAN));
            facilitator.screenshot("world-cafe-seating-plan");
            String report = facilitator.waitForTextIn(LivePage.CAFE, "Seating report");
            assertFalse(report.contains("sit together again"), () -> "the seating has nobody meet twice: " + report);
            Map<String, Seat> first = new LinkedHashMap<>();
            Map<String, String> promised = new HashMap<>();
            for (Map.Entry<String, Browser> person : participants.entrySet()) {
                Browser browser = person.getValue();
                browser.waitForTextIn(LivePage.CAFE, "Round 1 of 2");
                browser.waitForTextIn(LivePage.CAFE, "What helped you spot deterioration?");
                String clock = browser.waitForTextIn(LivePage.NOW_CLOCK, "in round 1 of 2");
                assertTrue(clock.matches("\\d+:[0-5]\\d left in round 1 of 2"), () -> "the round's clock is the one a participant sees large: " + clock);
                Seat seat = seat(browser, person.getKey());
                CafePages.assertSeatedAsPlanned(person.getKey(), seat, plan1);
                first.put(person.getKey(), seat);
                CafePages.assertHeard(browser, 1, seat);
                Matcher next = NEXT.matcher(browser.waitFor(CafePages.TABLE).getText());
                assertTrue(next.find(), () -> person.getKey() + " sees where they go next: " + browser.waitFor(CafePages.TABLE).getText());
                promised.put(person.getKey(), next.group(2) == null ? String.valueOf(seat.table()) : next.group(2));
                assertEquals(seat.host(), next.group(1).equals("you stay"), "hosts stay, everyone else moves");
            }
            assertEquals(4, first.values().stream().filter(Seat::host).count(), () -> "one host at each of the four tables: " + first);
            String console = facilitator.waitForTextIn(LivePage.CAFE, "Tables this round (4)");
            assertTrue(console.contains("Without a seat (0)"), () -> "the facilitator sees everyone seated: " + console);

            // A note written at a table reaches the tablemates, with its kind and writer; one agrees with it.
            String writer = "Ann Lee";
            Seat annsSeat = first.get(writer);
            String tablemate = annsSeat.others().get(0);
            Browser ann = participants.get(writer);
            ann.choose("Kind of note", "insight");
            ann.fill("Your note", NOTE);
            ann.waitForTextIn(CafePages.TABLE_NOTES, NOTE.length() + " of 500 characters");
            ann.press("Add note");
            for (String other : annsSeat.others()) {
                String seen = participants.get(other).waitForTextIn(CafePages.TABLE_NOTES, NOTE);
                assertTrue(seen.contains("insight · Ann Lee · table " + annsSeat.table()),
                        () -> other + " sees who wrote the note and its kind: " + seen);
            }
            ann.waitForTextIn(CafePages.TABLE_NOTES, NOTE);
            assertEquals("", ann.field("Your note").getDomProperty("value"), "the form is empty again once the note is in");
            ann.fill("Your note", "Half-written");
            participants.get(tablemate).press("Agree (0)");
            participants.get(tablemate).waitForTextIn(CafePages.TABLE_NOTES, "Agreed (1)");
            ann.waitForTextIn(CafePages.TABLE_NOTES, "Agree (1)");
            ann.waitForTextIn(CafePages.TABLE_NOTES, "insight · Ann Lee · table " + annsSeat.table() + " · 1 person agrees");
            assertEquals(ann.field("Your note"), ann.focused(), "a new view keeps Ann's focus where she is typing");
            assertEquals("Half-written", ann.field("Your note").getDomProperty("value"), "and what she has typed so far");
            ann.field("Your note").clear();

            // Every other table writes a note too: the facilitator sees them all arrive on the harvest wall.
            Map<Integer, String> tableNotes = new HashMap<>(Map.of(annsSeat.table(), NOTE));
            for (int table : plan1.keySet()) {
                if (table == annsSeat.table()) {
                    continue;
                }
                String author = plan1.get(table).get(plan1.get(table).size() - 1).name();
                String text = "Table " + table + " found that early warning scores get rechecked too late";
                participants.get(author).choose("Kind of note", "change idea");
                participants.get(author).fill("Your note", text);
                participants.get(author).press("Add note");
                tableNotes.put(table, text);
            }
            for (String text : tableNotes.values()) {
                facilitator.waitForTextIn(CafePages.WALL, text);
            }

            // The facilitator visits a table and notes what they heard: its people see the note, under her name.
            int visited = annsSeat.table() % 4 + 1;
            facilitator.choose("Table visited", "Table " + visited);
            facilitator.choose("Kind of note", "question");
            facilitator.fill("Note from the table", VISIT);
            facilitator.press("Add note for the table");
            for (Planned seat : plan1.get(visited)) {
                String seen = participants.get(seat.name()).waitForTextIn(CafePages.TABLE_NOTES, VISIT);
                assertTrue(seen.contains("question · Fiona Facilitator · table " + visited),
                        () -> seat.name() + " sees the facilitator's note for their table: " + seen);
            }
            facilitator.waitForTextIn(CafePages.WALL, VISIT);
            assertEquals("", facilitator.field("Note from the table").getDomProperty("value"), "the facilitator's form is empty again");

            // The server's clock reaches the last minute: the countdown turns to a warning, read out once.
            server.clock().advance(Duration.ofMinutes(14).plusSeconds(5));
            for (Browser browser : participants.values()) {
                browser.waitForTextIn(LivePage.CAFE, "Less than a minute left in round 1");
                browser.waitForTextContent(LivePage.CAFE_ANNOUNCEMENTS, "One minute left in round 1.");
            }
            ann.assertAccessible("a participant at a café table with notes");
            facilitator.assertAccessible("the facilitator's café console with the seating plan during a round");
            ann.screenshot("world-cafe-as-participant");
            facilitator.screenshot("world-cafe-as-facilitator");

            // Round 2: hosts stay, the others move where they were told, nobody meets a tablemate again.
            facilitator.press("Start round 2 now");
            Map<Integer, List<Planned>> plan2 = CafePages.plan(facilitator, 2);
            assertPictureMarksSites(facilitator, plan2, siteOf);
            Map<String, Seat> second = new LinkedHashMap<>();
            for (Map.Entry<String, Browser> person : participants.entrySet()) {
                Browser browser = person.getValue();
                browser.waitForTextIn(LivePage.CAFE, "Round 2 of 2");
                browser.waitForTextIn(LivePage.CAFE, "What will you change first?");
                Seat before = first.get(person.getKey());
                Seat now = seat(browser, person.getKey());
                CafePages.assertSeatedAsPlanned(person.getKey(), now, plan2);
                assertEquals(promised.get(person.getKey()), String.valueOf(now.table()), () -> person.getKey() + " went where the page said");
                if (before.host()) {
                    assertTrue(now.host() && now.table() == before.table(), () -> person.getKey() + " hosts the same table: " + now);
                }
                Set<String> again = new HashSet<>(now.others());
                again.retainAll(before.others());
                assertTrue(again.isEmpty(), () -> person.getKey() + " meets nobody twice: " + before + " then " + now);
                CafePages.assertHeard(browser, 2, now);
                browser.waitForTextIn(LivePage.CAFE, "This is the last round.");
                second.put(person.getKey(), now);
            }
            String hostOfAnnsTable = first.entrySet().stream().filter(seat -> seat.getValue().host()
                    && seat.getValue().table() == annsSeat.table()).findFirst().orElseThrow().getKey();
            String briefing = participants.get(hostOfAnnsTable).waitForTextIn(CafePages.BRIEFING, NOTE);
            assertTrue(briefing.contains("round 1"), () -> "the host of Ann's table is briefed with round 1's note: " + briefing);

            // The facilitator moves a guest of one table to another: they hear where they sit now, and with whom.
            String mover = second.entrySet().stream().filter(seat -> !seat.getValue().host()).findFirst().orElseThrow().getKey();
            int to = second.get(mover).table() % 4 + 1;
            facilitator.choose("Move " + mover + " to", "Table " + to);
            facilitator.press("Move " + mover);
            String moved = participants.get(mover).waitForTextContent(LivePage.CAFE_ANNOUNCEMENTS, "Round 2: you are at table " + to + " with ");
            second.entrySet().stream().filter(seat -> seat.getValue().table() == to).forEach(seat ->
                    assertTrue(moved.contains(seat.getKey()), () -> "the move names the new tablemates: " + moved));
            participants.get(mover).waitForTextIn(CafePages.TABLE, "Your table: table " + to);
            assertTrue(CafePages.plan(facilitator, 2).get(to).stream().anyMatch(seat -> seat.name().equals(mover)),
                    "the seating plan shows the move");

            // The facilitator groups Ann's note on the wall while the round runs; everyone sees the group at the end.
            List<String> picks = facilitator.waitFor(By.xpath("//main//section[@aria-label='Harvest wall']"))
                    .findElements(By.cssSelector("input.cafe-pick")).stream().map(box -> box.getDomAttribute("aria-label")).toList();
            assertEquals(picks.size(), new HashSet<>(picks).size(), () -> "each note's checkbox is named after its note: " + picks);
            facilitator.waitFor(By.xpath("//main//section[@aria-label='Harvest wall']//li[.//p[normalize-space()="
                    + "'" + NOTE + "']]//input[@aria-label='Select for a group: " + NOTE + "']")).click();
            facilitator.fill("Group label", "Safety huddles");
            facilitator.press("Group selected notes");
            facilitator.waitForTextIn(CafePages.WALL, "Group: Safety huddles");
            assertTrue(ann.texts(CafePages.WALL).isEmpty(), "participants see the wall when the café is over");
            ann.waitForText("Every table's notes go on the harvest wall, which everyone sees when the café ends.");

            // The end: everyone is back with the harvest wall, and the facilitator downloads it.
            facilitator.press("Finish the café");
            for (Browser participant : participants.values()) {
                String wall = participant.waitForTextIn(CafePages.WALL, NOTE);
                assertTrue(wall.contains("Round 1: What helped you spot deterioration?") && wall.contains("Insight")
                        && tableNotes.values().stream().allMatch(wall::contains) && wall.contains(VISIT),
                        () -> "the wall shows every table's note under its round, question and kind: " + wall);
                assertTrue(wall.contains("Group: Safety huddles"), () -> "and the facilitator's groups: " + wall);
                participant.waitForTextContent(LivePage.CAFE_ANNOUNCEMENTS, "The café has ended.");
                assertFalse(participant.mainText().contains("Your table"), "nobody sits at a table any more");
            }
            ann.assertAccessible("the harvest wall after the café");
            facilitator.press("Download CSV of World café harvest");
            String csv = facilitator.waitForDownload("world-cafe-harvest.csv");
            String question = "1,What helped you spot deterioration?,";
            assertTrue(csv.startsWith("round,question,table,kind,note,by,agreements,group")
                    && csv.contains(question + annsSeat.table() + ",insight," + NOTE + ",Ann Lee,1,Safety huddles")
                    && csv.contains(question + visited + ",question," + VISIT + ",Fiona Facilitator,0,"),
                    () -> "the harvest CSV holds Ann's and the facilitator's notes: " + csv);
            tableNotes.forEach((table, text) -> assertTrue(csv.contains(question + table + ",") && csv.contains(text),
                    () -> "the harvest CSV holds table " + table + "'s note: " + csv));
            facilitator.waitForStatus("Downloaded world-cafe-harvest.csv.");
            facilitator.assertAccessible("the facilitator's page with the harvest and the session's results");
        } finally {
            opened.forEach(Browser::close);
        }
    }

    /** The picture marks each seat with its site's initials and colour, one colour a site, and rings the host. */
    private static void assertPictureMarksSites(Browser facilitator, Map<Integer, List<Planned>> plan, Map<String, String> siteOf) {
        String legend = facilitator.waitFor(CafePages.PLAN).getText();
        assertTrue(SITES.stream().allMatch(legend::contains), () -> "the legend names every site: " + legend);
        List<List<Map<String, Object>>> drawn = CafePages.drawnSeats(facilitator);
        List<List<Planned>> tables = new ArrayList<>(plan.values());
        Map<String, Set<Object>> colours = new HashMap<>();
        for (int t = 0; t < tables.size(); t++) {
            for (int s = 0; s < tables.get(t).size(); s++) {
                Planned planned = tables.get(t).get(s);
                Map<String, Object> seat = drawn.get(t).get(s);
                assertEquals(siteOf.get(planned.name()), planned.site(), () -> planned.name() + "'s site in the plan");
                assertEquals(planned.site().substring(0, 1), seat.get("initials"), () -> planned.name() + "'s seat shows the initial of " + planned.site());
                assertEquals(planned.host(), seat.get("host"), () -> planned.name() + "'s seat is ringed exactly when they host");
                colours.computeIfAbsent(planned.site(), site -> new HashSet<>()).add(seat.get("colour"));
            }
        }
        assertTrue(colours.values().stream().allMatch(set -> set.size() == 1), () -> "each site has one colour: " + colours);
        assertEquals(colours.size(), colours.values().stream().flatMap(Set::stream).distinct().count(),
                () -> "and no two sites share one: " + colours);
    }
}
