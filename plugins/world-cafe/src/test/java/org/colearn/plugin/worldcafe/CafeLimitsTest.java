package org.colearn.plugin.worldcafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.testkit.ActivityHarness;
import org.junit.jupiter.api.Test;

/** What the facilitator is told the people here make unavoidable: repeats past the clean rounds, same-site pairs. */
class CafeLimitsTest {

    ActivityHarness<CafeConfig, CafeState> cafe;
    Participant fiona;

    @Test
    void beforeBeginningTheFacilitatorHearsHowManyRoundsCanBeFreeOfRepeatsAndTheRepeatsGoToTheLastRound()
            throws ActivityException {
        start(new CafeConfig(4, 0, 9, 15, List.of("What helped?"), "automatic", List.of("insight"), true, true, true));
        for (int i = 0; i < 32; i++) {
            cafe.join("Person " + (i + 1), null, null, false);
        }
        assertEquals("With 32 people here at 8 tables, at most 8 rounds can be free of repeats: each person who moves "
                + "meets one of the 8 hosts every round, and the hosts stay at their tables. Of the 9 rounds asked for, "
                + "rounds 1 to 8 are kept free of repeats and the repeats go to round 9.",
                cafe.view(fiona).path("console").path("repeatFree").asText());

        cafe.send(fiona, "begin", "{}");
        JsonNode report = cafe.view(fiona).path("console").path("report");
        assertEquals("At most 8 rounds can be free of repeats: each person who moves meets one of the 8 hosts every "
                + "round, and the hosts stay at their tables. Rounds 1 to 8 meet nobody twice; the repeats start in "
                + "round 9.", report.path("lines").get(0).asText(), report::toString);
        for (JsonNode line : report.path("lines")) {
            assertTrue(!line.asText().contains("sit together again") || line.asText().matches(".* in rounds \\d, 9\\."),
                    "every repeat is in round 9: " + line);
        }
        assertTrue(cafe.view(fiona).path("console").path("repeatFree").isNull(), "told before beginning only");
    }

    @Test
    void aCafeThatCanBeCleanIsToldAllItsRoundsCanBe() throws ActivityException {
        start(CafeTest.config(3, 2, "automatic"));
        for (int i = 0; i < 9; i++) {
            cafe.join("Person " + (i + 1), CafeTest.SITES.get(i % 4), "nurse", false);
        }
        assertEquals("With 9 people here at 3 tables, at most 3 rounds can be free of repeats: each person who moves "
                + "meets one of the 3 hosts every round, and the hosts stay at their tables. All 2 rounds asked for can be.",
                cafe.view(fiona).path("console").path("repeatFree").asText());
    }

    @Test
    void whenOneSiteHasFifteenOfThirtySevenPeopleTheConsoleSaysItsSameSitePairsAreTheLeastPossibleAndWhy()
            throws ActivityException {
        start(new CafeConfig(5, 0, 2, 15, List.of("What helped?"), "automatic", List.of("insight"), true, false, true));
        for (int i = 0; i < 37; i++) {
            cafe.join("Person " + (i + 1), i < 15 ? "Ashford" : "Site " + (i % 4), null, false);
        }
        cafe.send(fiona, "begin", "{}");

        JsonNode console = cafe.view(fiona).path("console");
        List<String> lines = texts(console.path("report").path("lines"));
        assertEquals(14, console.path("report").path("sameSitePairs").asInt(), lines::toString);
        assertEquals(List.of("Ashford has 15 of 37 people at 8 tables: at least 7 same-site pairs each round.",
                "These 14 same-site pairs are the least possible."), lines.subList(0, 2));
        List<String> next = texts(console.path("next").path("report").path("lines"));
        assertEquals(List.of("Ashford has 15 of 37 people at 8 tables: at least 7 same-site pairs each round.",
                "These 7 same-site pairs are the least possible."), next.subList(0, 2));
        assertTrue(next.get(2).matches(".* both from Ashford, share table \\d in round 2\\."), next::toString);
    }

    @Test
    void threePeopleAtOneTableAreToldOnlyTheFirstRoundCanBeFreeOfRepeats() throws ActivityException {
        start(CafeTest.config(4, 3, "automatic"));
        for (int i = 0; i < 3; i++) {
            cafe.join("Person " + (i + 1), null, null, false);
        }
        assertEquals("With 3 people here at 1 table, at most 1 round can be free of repeats: everyone sits at one table. "
                + "Of the 3 rounds asked for, round 1 is kept free of repeats and the repeats go to rounds 2 to 3.",
                cafe.view(fiona).path("console").path("repeatFree").asText());
    }

    private void start(CafeConfig config) throws ActivityException {
        cafe = ActivityHarness.start(new WorldCafeActivityType(), config);
        fiona = cafe.join("Fiona Facilitator", null, "manager", true);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
