package org.colearn.server.buddies.matching;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the engine knows of one site: the topics it can offer and wants to learn, its self-assessed stage per topic
 * (1 to 4), where it is (null when unknown), how many buddies it can take on and the sites it must never be paired
 * with.
 */
public record SiteProfile(
        String id,
        String name,
        List<String> offers,
        List<String> wants,
        Map<String, Integer> stages,
        Double latitude,
        Double longitude,
        int capacity,
        Set<String> excluded) {

    public SiteProfile {
        offers = List.copyOf(offers);
        wants = List.copyOf(wants);
        stages = Map.copyOf(stages);
        excluded = Set.copyOf(excluded);
    }

    /** Topics are compared as people read them: case and spacing do not matter. */
    public static String key(String topic) {
        return topic.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The rounded mean of the stages given, or null when none is given. */
    public Integer overallStage() {
        if (stages.isEmpty()) {
            return null;
        }
        double mean = stages.values().stream().mapToInt(Integer::intValue).average().orElse(0);
        return (int) Math.round(mean);
    }

    boolean located() {
        return latitude != null && longitude != null;
    }

    /** Whether this site refuses to be paired with {@code other}, or {@code other} with it. */
    boolean excludes(SiteProfile other) {
        return excluded.contains(other.id()) || other.excluded().contains(id);
    }
}
