package org.colearn.plugin.buddymeet;

import java.util.ArrayList;
import java.util.List;
import org.colearn.plugin.api.ExportableResult;

/**
 * A buddy meet as kept with the session, read by facilitators: per pair, its sites, how many of its people met and
 * how many next steps it agreed. The steps themselves only for pairs that invited the faculty; null for the others.
 */
record BuddyMeetResult(String prompt, List<PairResult> pairs) implements ExportableResult {

    record PairResult(String name, List<String> sites, int people, int steps, List<String> agreed) {}

    @Override
    public String markdown() {
        StringBuilder text = new StringBuilder("# Buddy meet\n\n").append(prompt).append("\n");
        if (pairs.isEmpty()) {
            text.append("\nNo buddy pair was active.\n");
        }
        for (PairResult pair : pairs) {
            text.append("\n## ").append(pair.name()).append("\n\n")
                    .append(pair.people() == 1 ? "1 person met" : pair.people() + " people met")
                    .append(", ").append(pair.steps() == 1 ? "1 next step agreed" : pair.steps() + " next steps agreed").append(".\n");
            if (pair.agreed() == null) {
                text.append("\nThe pair keeps its steps to itself.\n");
            } else if (!pair.agreed().isEmpty()) {
                text.append('\n');
                pair.agreed().forEach(step -> text.append("- ").append(step).append('\n'));
            }
        }
        return text.toString();
    }

    @Override
    public List<List<String>> table() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("pair", "people", "steps", "step"));
        for (PairResult pair : pairs) {
            List<String> agreed = pair.agreed() == null || pair.agreed().isEmpty() ? List.of("") : pair.agreed();
            agreed.forEach(step -> rows.add(List.of(pair.name(), String.valueOf(pair.people()), String.valueOf(pair.steps()), step)));
        }
        return rows;
    }
}
