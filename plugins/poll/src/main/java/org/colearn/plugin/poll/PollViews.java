package org.colearn.plugin.poll;

import java.util.List;
import org.colearn.plugin.api.ExportableResult;

/** What people see of a poll. */
final class PollViews {

    private PollViews() {}

    /** One answer with its count; the count is null while results are hidden from this viewer. */
    record Answer(int index, String text, Integer votes) {}

    /** Who chose what, for facilitators of a poll that is not anonymous. */
    record Ballot(String name, List<Integer> choices) {}

    record View(
            String question,
            boolean multipleChoice,
            boolean anonymous,
            boolean open,
            boolean revealed,
            int voters,
            List<Integer> myChoices,
            List<Answer> answers,
            List<Ballot> ballots) {}

    /** The results as kept with the session, and as facilitators download them. */
    record Results(String question, boolean anonymous, int voters, List<Answer> answers) implements ExportableResult {

        @Override
        public String markdown() {
            StringBuilder text = new StringBuilder("# Poll: ").append(question).append("\n\n");
            text.append(voters == 1 ? "1 person voted" : voters + " people voted")
                    .append(anonymous ? ", anonymously.\n\n" : ".\n\n");
            text.append("| Answer | Votes | Share of voters |\n|---|---|---|\n");
            for (Answer answer : answers) {
                text.append("| ").append(answer.text().replace("|", "\\|")).append(" | ").append(answer.votes())
                        .append(" | ").append(share(answer)).append("% |\n");
            }
            return text.toString();
        }

        /** The answer's votes as a whole percentage of the people who voted (several choices may add up beyond 100). */
        int share(Answer answer) {
            return voters == 0 ? 0 : Math.round(answer.votes() * 100f / voters);
        }

        @Override
        public List<List<String>> table() {
            List<List<String>> rows = new java.util.ArrayList<>();
            rows.add(List.of("question", "answer", "votes", "share_of_voters_percent"));
            answers.forEach(answer -> rows.add(List.of(question, answer.text(), String.valueOf(answer.votes()), String.valueOf(share(answer)))));
            return rows;
        }
    }
}
