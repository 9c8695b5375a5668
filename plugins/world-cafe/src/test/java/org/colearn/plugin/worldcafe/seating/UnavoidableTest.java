package org.colearn.plugin.worldcafe.seating;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnavoidableTest {

    @Test
    void aSiteWithMorePeopleThanTablesMakesSameSitePairsNoSeatingAvoidsAndSaysWhy() {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 37; i++) {
            people.add(new Person("p" + i, i < 15 ? "Ashford" : i < 26 ? "Bromley" : "Site " + i, "nurse"));
        }
        Unavoidable round = Unavoidable.inRound(people, 8);

        assertEquals(7 + 3, round.sameSitePairs(), "15 at 8 tables make 7 pairs, 11 make 3");
        assertEquals(List.of("Ashford has 15 of 37 people at 8 tables: at least 7 same-site pairs each round.",
                "Bromley has 11 of 37 people at 8 tables: at least 3 same-site pairs each round."), round.reasons());
    }

    @Test
    void tooFewPeopleOfAnotherProfessionLeaveTablesOfOneProfession() {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 37; i++) {
            people.add(new Person("p" + i, null, i < 2 ? "doctor" : "nurse"));
        }
        Unavoidable round = Unavoidable.inRound(people, 8);

        assertEquals(6, round.unmixedTables());
        assertEquals(List.of("Only 2 of 37 people are not nurses: at least 6 of the 8 tables have one profession each round."),
                round.reasons());
        assertEquals(0, Unavoidable.inRound(people.subList(0, 8), 2).unmixedTables(), "two doctors mix two tables");
        assertEquals(List.of(), Unavoidable.inRound(people.subList(0, 8), 2).reasons());
    }
}
