package org.colearn.plugin.poll;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.colearn.plugin.api.ActivityException;

/**
 * The rule that keeps the splits a facilitator shows one after another from giving away one person's answer. Each
 * split on its own never shows a group of fewer than {@link PollGroups#SMALLEST} people, but "Clinicians 4" under one
 * split and "Nurses 3" under another tell the answer of the one clinician who is not a nurse. So the people who
 * answered fall into cells, one for each combination of the groups they were in under every split shown (having not
 * answered yet when a split was shown counts as a group of its own), and a split may be shown only if every cell
 * that is not empty holds at least {@link PollGroups#SMALLEST} people: whatever adding and subtracting the groups'
 * counts can single out is then a whole number of cells, never fewer people than that.
 *
 * <p>A split is judged on the people who had answered when it was last shown. The split being shown follows the
 * answers as they come, so it is judged on everyone who has answered, and is kept that way when another is shown.
 */
final class PollSplits {

    private PollSplits() {}

    /** A split as it would be shown now: its groups of everyone who has answered. */
    static PollState.SplitShown shown(String by, PollState state) {
        return new PollState.SplitShown(by, PollGroups.of(by, state.backgrounds(), state.answered()).stream()
                .map(group -> List.copyOf(group.people()))
                .toList());
    }

    /**
     * The splits shown so far with the one being shown now among them, as it stands, for when another is shown. A
     * split of one group (everyone, as too few answered to split them) shows nothing the whole results do not, and is
     * not kept; nor is one kept twice.
     */
    static List<PollState.SplitShown> leaving(PollState state) {
        if (state.split().equals(PollGroups.ALL)) {
            return state.splitsShown();
        }
        PollState.SplitShown current = shown(state.split(), state);
        if (current.groups().size() < 2 || state.splitsShown().contains(current)) {
            return state.splitsShown();
        }
        List<PollState.SplitShown> shown = new ArrayList<>(state.splitsShown());
        shown.add(current);
        return List.copyOf(shown);
    }

    /** Refuses {@code next} when, after the splits shown {@code before}, it would leave a cell of too few people. */
    static void check(List<PollState.SplitShown> before, PollState.SplitShown next) throws ActivityException {
        if (next.groups().size() < 2 || revealsNone(append(before, next))) {
            return;
        }
        Set<String> culprits = new LinkedHashSet<>();
        before.stream().filter(earlier -> !revealsNone(List.of(earlier, next))).forEach(earlier -> culprits.add(earlier.by()));
        if (culprits.isEmpty()) {
            before.forEach(earlier -> culprits.add(earlier.by()));
        }
        throw new ActivityException("split_would_reveal", "by", "Showing the results " + PollGroups.inWords(next.by())
                + " after they were shown " + String.join(" and ", culprits.stream().map(PollGroups::inWords).toList())
                + " would let someone work out one person's answer by comparing the groups. Keep the results as they are,"
                + " or show them whole (All).");
    }

    /** Whether every cell of these splits that is not empty holds at least {@link PollGroups#SMALLEST} people. */
    private static boolean revealsNone(List<PollState.SplitShown> splits) {
        Map<String, int[]> cellOf = new HashMap<>();
        for (int split = 0; split < splits.size(); split++) {
            List<List<String>> groups = splits.get(split).groups();
            for (int group = 0; group < groups.size(); group++) {
                for (String person : groups.get(group)) {
                    cellOf.computeIfAbsent(person, p -> notAnswered(splits.size()))[split] = group;
                }
            }
        }
        Map<String, Integer> cells = new HashMap<>();
        cellOf.values().forEach(cell -> cells.merge(Arrays.toString(cell), 1, Integer::sum));
        return cells.values().stream().allMatch(people -> people >= PollGroups.SMALLEST);
    }

    /** Someone's groups before they are found in any: under each split, none (-1), as they had not answered. */
    private static int[] notAnswered(int splits) {
        int[] groups = new int[splits];
        Arrays.fill(groups, -1);
        return groups;
    }

    private static List<PollState.SplitShown> append(List<PollState.SplitShown> splits, PollState.SplitShown next) {
        List<PollState.SplitShown> all = new ArrayList<>(splits);
        all.add(next);
        return all;
    }
}
