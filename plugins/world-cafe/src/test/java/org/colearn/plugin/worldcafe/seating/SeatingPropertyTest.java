package org.colearn.plugin.worldcafe.seating;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeatingPropertyTest {

    @Test
    void inEveryRandomCafeEveryoneIsSeatedHostsStayPinsHoldAndTableSizesStayWithinOne() {
        for (long seed = 1; seed <= 100; seed++) {
            CafeSetup setup = randomCafe(new SplittableRandom(seed));
            WorldCafeSeating engine = new WorldCafeSeating(seed, 100);

            SeatingPlan plan = engine.plan(setup);

            Cafes.assertHardRules(plan);
            // A pin to a table the café does not open (too few people for it) is ignored.
            plan.setup().pins().forEach(pin -> plan.rounds().forEach(round -> {
                if (pin.holdsIn(plan.rounds().indexOf(round)) && round.table(pin.table()).isPresent()) {
                    assertEquals(pin.table(), round.tableOf(pin.personId()).orElseThrow().index(), "pin " + pin);
                }
            }));
            assertEquals(plan, engine.plan(setup), "the same seed gives the same seating, café " + seed);
        }
    }

    /**
     * 4 to 60 people, by size or by count, up to 6 rounds, some hosts, one pin, and pairs kept apart; or, one café in
     * four, equal tables with a host at each.
     */
    private static CafeSetup randomCafe(SplittableRandom random) {
        if (random.nextInt(4) == 0) {
            int tables = 2 + random.nextInt(12);
            int size = 2 + random.nextInt(Math.min(tables, 6) - 1);
            Map<Integer, String> hosts = new HashMap<>();
            for (int t = 0; t < tables; t++) {
                hosts.put(t, "p" + t);
            }
            return CafeSetup.byTables(Cafes.roster(tables * size, random.nextInt(8), random.nextInt(5)), tables,
                    1 + random.nextInt(Math.min(tables, 8))).withHosts(hosts);
        }
        int people = 4 + random.nextInt(57);
        List<Person> roster = Cafes.roster(people, random.nextInt(8), random.nextInt(5));
        int rounds = 1 + random.nextInt(6);
        CafeSetup setup = random.nextBoolean()
                ? CafeSetup.bySize(roster, 2 + random.nextInt(Math.min(19, people - 1)), rounds)
                : CafeSetup.byTables(roster, 1 + random.nextInt(people / 2), rounds);
        int tables = setup.initialTables();
        Map<Integer, String> hosts = new HashMap<>();
        for (int t = 0; t < tables; t++) {
            if (random.nextInt(3) == 0) {
                hosts.put(t, "p" + t);
            }
        }
        // The pinned person and the pairs kept apart are never hosts, so the rules can always be kept.
        List<Pair> apart = new ArrayList<>();
        if (tables >= 2 && people >= tables + 4) {
            apart.add(Pair.of("p" + (tables + 1), "p" + (tables + 2)));
            apart.add(Pair.of("p" + (tables + 2), "p" + (people - 1)));
        }
        List<Pin> pins = people > tables + 4 && tables >= 2
                ? List.of(Pin.everyRound("p" + tables, random.nextInt(tables))) : List.of();
        return setup.withHosts(hosts).withKeepApart(apart).withPins(pins);
    }
}
