package org.colearn.server.buddies.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Random collaboratives of sites in the south of England, for the engine's tests and its benchmark. */
public final class Instances {

    static final List<String> TOPICS = List.of(
            "sepsis screening", "AKI alerts", "VTE assessment", "falls prevention", "deterioration scores",
            "discharge planning", "pressure ulcers", "medicines reconciliation");

    private Instances() {}

    /** {@code n} sites with random offers, wants, stages, places and (with {@code exclusionRate}) exclusions. */
    public static List<SiteProfile> random(Random random, int n, double exclusionRate) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("s" + i);
        }
        List<SiteProfile> sites = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Set<String> excluded = new HashSet<>();
            for (String other : ids) {
                if (!other.equals(ids.get(i)) && random.nextDouble() < exclusionRate) {
                    excluded.add(other);
                }
            }
            boolean located = random.nextInt(8) > 0;
            sites.add(new SiteProfile(
                    ids.get(i),
                    "Site " + i,
                    pick(random, 1 + random.nextInt(3)),
                    pick(random, 1 + random.nextInt(3)),
                    stages(random),
                    located ? 50.7 + random.nextDouble() * 1.6 : null,
                    located ? -1.8 + random.nextDouble() * 3.3 : null,
                    1 + random.nextInt(2),
                    excluded));
        }
        return sites;
    }

    /** Some pairs of these sites, as if made in an earlier round. */
    public static History randomHistory(Random random, List<SiteProfile> sites, double rate) {
        Map<String, String> earlier = new HashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            for (int j = i + 1; j < sites.size(); j++) {
                if (random.nextDouble() < rate) {
                    earlier.put(History.pairKey(sites.get(i).id(), sites.get(j).id()), "Round 1");
                }
            }
        }
        return new History(earlier);
    }

    private static List<String> pick(Random random, int count) {
        List<String> shuffled = new ArrayList<>(TOPICS);
        java.util.Collections.shuffle(shuffled, random);
        return shuffled.subList(0, count);
    }

    private static Map<String, Integer> stages(Random random) {
        Map<String, Integer> stages = new HashMap<>();
        for (String topic : pick(random, random.nextInt(3))) {
            stages.put(SiteProfile.key(topic), 1 + random.nextInt(4));
        }
        return stages;
    }
}
