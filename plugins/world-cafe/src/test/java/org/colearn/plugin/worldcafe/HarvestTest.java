package org.colearn.plugin.worldcafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.testkit.ActivityHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The harvest as a facilitator downloads it while the café runs: current, yet not rewritten on every keystroke. */
class HarvestTest {

    ActivityHarness<CafeConfig, CafeState> cafe;
    Participant fiona;
    final List<Participant> people = new ArrayList<>();

    @BeforeEach
    void beginACafeOfNine() throws ActivityException {
        cafe = ActivityHarness.start(new WorldCafeActivityType(), CafeTest.config(3, 2, "automatic"));
        fiona = cafe.join("Fiona Facilitator", null, "manager", true);
        for (int i = 0; i < 9; i++) {
            people.add(cafe.join("Person " + (i + 1), CafeTest.SITES.get(i % 4), CafeTest.PROFESSIONS.get(i % 2),
                    false));
        }
        cafe.send(fiona, "begin", "{}");
    }

    @Test
    void aHarvestDownloadedMidRoundHoldsTheNoteJustAddedInThisRound() throws ActivityException {
        assertTrue(downloaded().markdown().contains("No notes were added."), downloaded().markdown());
        cafe.advance(Duration.ofMinutes(5));

        cafe.send(people.get(0), "note", "{\"kind\":\"insight\",\"text\":\"Sepsis screening at triage\"}");

        Harvest harvest = downloaded();
        assertTrue(harvest.markdown().contains("## Round 1: What helped?"), harvest.markdown());
        assertTrue(harvest.markdown().contains("- Sepsis screening at triage (table "), harvest.markdown());
        assertEquals(List.of("1", "What helped?", "insight", "Sepsis screening at triage", "Person 1", "0", ""),
                withoutTable(harvest.table().get(1)));
    }

    @Test
    void whileNotesKeepComingTheHarvestFollowsWithinFiveSecondsEvenAcrossARestart() throws ActivityException {
        cafe.advance(Duration.ofMinutes(5));
        cafe.send(people.get(0), "note", "{\"kind\":\"insight\",\"text\":\"First\"}");
        cafe.advance(Duration.ofSeconds(1));
        cafe.send(people.get(1), "note", "{\"kind\":\"question\",\"text\":\"Second\"}");
        cafe.send(people.get(2), "note", "{\"kind\":\"change idea\",\"text\":\"Third\"}");

        assertTrue(downloaded().markdown().contains("- First ("), "the first change is published at once");
        assertFalse(downloaded().markdown().contains("- Second ("), "the next wait for five seconds from the first");

        cafe.restart();
        cafe.advance(Duration.ofSeconds(3));
        assertFalse(downloaded().markdown().contains("- Second ("), "four seconds after the first");
        cafe.advance(Duration.ofSeconds(1));
        assertTrue(downloaded().markdown().contains("- Second ("), downloaded().markdown());
        assertTrue(downloaded().markdown().contains("- Third ("), downloaded().markdown());
    }

    @Test
    void groupsAndAgreementsMadeAfterTheCafeEndsReachTheHarvest() throws ActivityException {
        cafe.advance(Duration.ofMinutes(5));
        cafe.send(people.get(0), "note", "{\"kind\":\"insight\",\"text\":\"Huddles at 8\"}");
        String noteId = cafe.state().notes().get(0).id();
        cafe.send(fiona, "finish", "{}");

        cafe.send(people.get(4), "agree", "{\"noteId\":\"" + noteId + "\",\"agree\":true}");
        cafe.send(fiona, "cluster", "{\"noteIds\":[\"" + noteId + "\"],\"label\":\"Escalation\"}");
        cafe.advance(HarvestPublisher.EVERY);

        assertTrue(downloaded().markdown().contains("- Huddles at 8 (table "), downloaded().markdown());
        assertTrue(downloaded().markdown().contains("1 person agrees; Escalation)"), downloaded().markdown());
    }

    private Harvest downloaded() {
        return (Harvest) cafe.published().get(Harvest.TITLE);
    }

    /** A CSV row without its table number, which the seating decides. */
    private static List<String> withoutTable(List<String> row) {
        List<String> rest = new ArrayList<>(row);
        rest.remove(2);
        return rest;
    }
}
