package org.colearn.plugin.worldcafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.testkit.ActivityHarness;
import org.junit.jupiter.api.Test;

/** What the facilitator is told the people here make unavoidable: repeats past the rounds that can be clean. */
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

    private void start(CafeConfig config) throws ActivityException {
        cafe = ActivityHarness.start(new WorldCafeActivityType(), config);
        fiona = cafe.join("Fiona Facilitator", null, "manager", true);
    }

}
