package org.colearn.plugin.poll;

import java.util.List;
import java.util.Locale;
import org.colearn.plugin.api.ExportableResult;

/** What people see of a poll. */
final class PollViews {

    private PollViews() {}

    /** One answer with its count; the count is null while results are hidden from this viewer. */
    record Answer(int index, String text, Integer votes) {}

    /** Who chose what, for facilitators of a poll that is not anonymous: the choices, the rating or the words. */
    record Ballot(String name, List<Integer> choices, Integer rating, List<String> words) {}

    /** A word of a word cloud with how many people gave it; {@code hidden}, for facilitators, when they hid it. */
    record Word(String text, int count, boolean hidden) {}

    /**
     * What one person sees. {@code kind} says which parts apply: a choice's {@code answers} and {@code myChoices}; a
     * rating's {@code answers} (one per point of the scale) and {@code rating}; a word cloud's {@code cloud}. Counts
     * are null, the mean too and the words empty, while the results are hidden from this viewer.
     */
    record View(
            String question,
            String kind,
            boolean multipleChoice,
            boolean anonymous,
            boolean open,
            boolean revealed,
            int voters,
            List<Integer> myChoices,
            List<Answer> answers,
            List<Ballot> ballots,
            Rating rating,
            Cloud cloud) {}

    /** A rating's scale (from {@code lowest} to {@code scale}), this person's rating ({@code mine}) and the mean. */
    record Rating(int lowest, int scale, Integer mine, Double mean) {}

    /** A word cloud: this person's words ({@code mine}) and the words given, most often first. */
    record Cloud(List<String> mine, List<Word> words) {}

    /** The results as kept with the session, and as facilitators download them: a choice's or a rating's answers, or the words. */
    record Results(String question, String kind, boolean anonymous, int voters, List<Answer> answers, Double mean, List<Word> words)
            implements ExportableResult {

        @Override
        public String markdown() {
            StringBuilder text = new StringBuilder("# Poll: ").append(question).append("\n\n");
            text.append(voters == 1 ? "1 person " : voters + " people ").append(kind.equals(PollConfig.CHOICE) ? "voted" : "answered")
                    .append(anonymous ? ", anonymously.\n\n" : ".\n\n");
            if (kind.equals(PollConfig.WORDS)) {
                text.append("| Word | People |\n|---|---|\n");
                words.forEach(word -> text.append("| ").append(cell(word.text())).append(" | ").append(word.count()).append(" |\n"));
                return text.toString();
            }
            if (mean != null) {
                text.append("Mean rating: ").append(String.format(Locale.ROOT, "%.1f", mean)).append(".\n\n");
            }
            text.append(kind.equals(PollConfig.RATING) ? "| Rating | People | Share of voters |\n|---|---|---|\n"
                    : "| Answer | Votes | Share of voters |\n|---|---|---|\n");
            for (Answer answer : answers) {
                text.append("| ").append(cell(answer.text())).append(" | ").append(answer.votes())
                        .append(" | ").append(share(answer)).append("% |\n");
            }
            return text.toString();
        }

        private static String cell(String text) {
            return text.replace("|", "\\|");
        }

        /** The answer's votes as a whole percentage of the people who voted (several choices may add up beyond 100). */
        int share(Answer answer) {
            return voters == 0 ? 0 : Math.round(answer.votes() * 100f / voters);
        }

        @Override
        public List<List<String>> table() {
            List<List<String>> rows = new java.util.ArrayList<>();
            if (kind.equals(PollConfig.WORDS)) {
                rows.add(List.of("question", "word", "people"));
                words.forEach(word -> rows.add(List.of(question, word.text(), String.valueOf(word.count()))));
                return rows;
            }
            rows.add(List.of("question", kind.equals(PollConfig.RATING) ? "rating" : "answer", "votes", "share_of_voters_percent"));
            answers.forEach(answer -> rows.add(List.of(question, answer.text(), String.valueOf(answer.votes()), String.valueOf(share(answer)))));
            return rows;
        }
    }
}
