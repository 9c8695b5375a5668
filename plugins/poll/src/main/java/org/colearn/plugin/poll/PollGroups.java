package org.colearn.plugin.poll;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a poll's results are split into groups of the people who answered (clinicians and managers, professions, sites),
 * and the rule that keeps a small group from giving away anyone's answer: a group of fewer than {@link #SMALLEST} people
 * is never shown on its own but merged into "Other".
 */
final class PollGroups {

    static final String ALL = "all";
    static final String CLINICIANS_MANAGERS = "clinicians_managers";
    static final String PROFESSION = "profession";
    static final String SITE = "site";
    static final List<String> SPLITS = List.of(ALL, CLINICIANS_MANAGERS, PROFESSION, SITE);

    /** The fewest people a group shown on its own holds. */
    static final int SMALLEST = 3;

    static final String OTHER = "Other";

    /** What the results say when groups were merged. */
    static final String MERGED = "Groups of fewer than " + SMALLEST + " people are merged into Other (or into the smallest group, "
            + "as \"and others\") so that no one's answer can be told.";

    /** The professions in the order they are shown, with their labels (the plugin API's profession names). */
    private static final Map<String, String> PROFESSIONS = labels(
            "nurse", "Nurses", "doctor", "Doctors", "allied_health_professional", "Allied health professionals",
            "manager", "Managers", "project_manager", "Project managers", "patient_representative", "Patient representatives");

    /** The research's grouping: the professions that treat patients, and those who manage the service. */
    private static final Set<String> CLINICIANS = Set.of("nurse", "doctor", "allied_health_professional");
    private static final Set<String> MANAGERS = Set.of("manager", "project_manager");

    private PollGroups() {}

    /**
     * One group of people shown side by side with the others.
     *
     * @param merged whether smaller groups were merged into this one
     */
    record Group(String label, Set<String> people, boolean merged) {}

    /**
     * The people who answered, in groups by the split, in the order they are shown: clinicians before managers, the
     * professions in their usual order, sites alphabetically, then "Other" (no profession or site given, or "other",
     * and every group of fewer than {@link #SMALLEST} people). When "Other" itself holds fewer, they join the smallest
     * group shown, labelled "… and others"; when no group is large enough, the one group is everyone, labelled "All".
     */
    static List<Group> of(String split, Map<String, PollState.Background> backgrounds, Set<String> answered) {
        Map<String, Set<String>> byLabel = new LinkedHashMap<>();
        answered.stream()
                .map(person -> Map.entry(label(split, backgrounds.getOrDefault(person, new PollState.Background(null, null))), person))
                .sorted(Map.Entry.comparingByKey(order(split)))
                .forEach(entry -> byLabel.computeIfAbsent(entry.getKey(), k -> new LinkedHashSet<>()).add(entry.getValue()));
        Set<String> other = new LinkedHashSet<>(byLabel.getOrDefault(OTHER, Set.of()));
        boolean merged = false;
        List<Group> shown = new ArrayList<>();
        for (Map.Entry<String, Set<String>> group : byLabel.entrySet()) {
            if (group.getKey().equals(OTHER)) {
                continue;
            }
            if (group.getValue().size() >= SMALLEST) {
                shown.add(new Group(group.getKey(), group.getValue(), false));
            } else {
                other.addAll(group.getValue());
                merged = true;
            }
        }
        if (shown.isEmpty()) {
            return List.of(new Group("All", new LinkedHashSet<>(answered), merged));
        }
        if (!other.isEmpty() && other.size() < SMALLEST) {
            // Too few to stand alone even as Other: they join the smallest group shown (the last of equals), which says so.
            int smallest = shown.size() - 1;
            for (int i = shown.size() - 1; i >= 0; i--) {
                smallest = shown.get(i).people().size() < shown.get(smallest).people().size() ? i : smallest;
            }
            Set<String> joined = new LinkedHashSet<>(shown.get(smallest).people());
            joined.addAll(other);
            shown.set(smallest, new Group(shown.get(smallest).label() + " and others", joined, true));
        } else if (!other.isEmpty()) {
            shown.add(new Group(OTHER, other, merged));
        }
        return shown;
    }

    /** How a split is said in a sentence: "by profession". */
    static String inWords(String split) {
        return switch (split) {
            case CLINICIANS_MANAGERS -> "by clinicians and managers";
            case PROFESSION -> "by profession";
            case SITE -> "by site";
            default -> "whole";
        };
    }

    /** The group someone belongs to by the split. */
    static String label(String split, PollState.Background background) {
        String profession = background.profession();
        return switch (split) {
            case SITE -> background.site() == null || background.site().isBlank() ? OTHER : background.site();
            case PROFESSION -> PROFESSIONS.getOrDefault(profession, OTHER);
            case CLINICIANS_MANAGERS -> CLINICIANS.contains(profession) ? "Clinicians" : MANAGERS.contains(profession) ? "Managers" : OTHER;
            default -> "All";
        };
    }

    private static Comparator<String> order(String split) {
        List<String> known = switch (split) {
            case PROFESSION -> List.copyOf(PROFESSIONS.values());
            case CLINICIANS_MANAGERS -> List.of("Clinicians", "Managers");
            default -> List.of();
        };
        Comparator<String> byKnown = Comparator.comparingInt(label -> known.contains(label) ? known.indexOf(label) : known.size());
        return byKnown.thenComparing(String.CASE_INSENSITIVE_ORDER);
    }

    private static Map<String, String> labels(String... pairs) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            labels.put(pairs[i], pairs[i + 1]);
        }
        return labels;
    }
}
