package org.colearn.plugin.poll;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.colearn.plugin.api.ExportableResult;

/** What people see of a poll. */
final class PollViews {

    private PollViews() {}

    /** One answer with its count; the count is null while results are hidden from this viewer. */
    record Answer(int index, String text, Integer votes) {}

    /** Who chose what, for facilitators of a poll that is not anonymous: the choices, the rating, the words or the order. */
    record Ballot(String name, List<Integer> choices, Integer rating, List<String> words, List<Integer> order) {}

    /** A word of a word cloud with how many people gave it; {@code hidden}, for facilitators, when they hid it. */
    record Word(String text, int count, boolean hidden) {}

    /** A ranking's answer with its mean rank (1 is first place; null before anyone ranked) and its Borda points. */
    record Rank(int index, String text, Double meanRank, int points) {}

    /**
     * The results of one group of people when they are split ({@code label} such as "Clinicians" or a site's name):
     * the same parts as the whole poll's, for the {@code voters} of this group only. {@code merged} when groups too
     * small to show on their own were merged into this one.
     */
    record Group(String label, int voters, boolean merged, List<Answer> answers, Double mean, List<Word> words, List<Rank> ranks) {}

    /**
     * What one person sees. {@code kind} says which parts apply: a choice's {@code answers} and {@code myChoices}; a
     * rating's {@code answers} (one per point of the scale) and {@code rating}; a word cloud's {@code cloud}; a
     * ranking's {@code answers} (the answers to order) and {@code ranking}. Counts are null, the mean too and the
     * words and ranks empty, while the results are hidden from this viewer. {@code split} is how the facilitator split
     * the results ({@code all}, {@code clinicians_managers}, {@code profession} or {@code site}); {@code groups} are
     * the results of each group, side by side, when split and shown to this viewer, otherwise null.
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
            Cloud cloud,
            Ranking ranking,
            String split,
            List<Group> groups) {}

    /** A ranking: this person's order of the answers ({@code mine}, their indexes, first place first) and the ranks. */
    record Ranking(List<Integer> mine, List<Rank> ranks) {}

    /** A rating's scale (from {@code lowest} to {@code scale}), this person's rating ({@code mine}) and the mean. */
    record Rating(int lowest, int scale, Integer mine, Double mean) {}

    /** A word cloud: this person's words ({@code mine}) and the words given, most often first. */
    record Cloud(List<String> mine, List<Word> words) {}

    /**
     * The results as kept with the session, and as facilitators download them: a choice's or a rating's answers, the
     * words, or a ranking's ranks; when the facilitator split them, each group's too ({@code groups}, otherwise null).
     */
    record Results(String question, String kind, boolean anonymous, int voters, List<Answer> answers, Double mean, List<Word> words,
            List<Rank> ranks, String split, List<Group> groups) implements ExportableResult {

        private static final Map<String, String> SPLITS = Map.of(PollGroups.CLINICIANS_MANAGERS, "Clinicians and managers",
                PollGroups.PROFESSION, "By profession", PollGroups.SITE, "By site");

        @Override
        public String markdown() {
            StringBuilder text = new StringBuilder("# Poll: ").append(question).append("\n\n");
            text.append(voters == 1 ? "1 person " : voters + " people ").append(kind.equals(PollConfig.CHOICE) ? "voted" : "answered")
                    .append(anonymous ? ", anonymously.\n\n" : ".\n\n");
            part(text, voters, answers, mean, words, ranks);
            if (groups != null) {
                text.append("\n## ").append(SPLITS.get(split)).append("\n");
                if (groups.stream().anyMatch(Group::merged)) {
                    text.append("\n").append(PollGroups.MERGED).append("\n");
                }
                for (Group group : groups) {
                    text.append("\n### ").append(group.label()).append(" (").append(group.voters()).append(" people)\n\n");
                    part(text, group.voters(), group.answers(), group.mean(), group.words(), group.ranks());
                }
            }
            return text.toString();
        }

        private void part(StringBuilder text, int voters, List<Answer> answers, Double mean, List<Word> words, List<Rank> ranks) {
            List<List<String>> rows = rows(voters, answers, words, ranks);
            if (mean != null) {
                text.append("Mean rating: ").append(String.format(Locale.ROOT, "%.1f", mean)).append(".\n\n");
            }
            List<String> header = switch (kind) {
                case PollConfig.WORDS -> List.of("Word", "People");
                case PollConfig.RANKING -> List.of("Answer", "Mean rank", "Borda points");
                case PollConfig.RATING -> List.of("Rating", "People", "Share of voters");
                default -> List.of("Answer", "Votes", "Share of voters");
            };
            text.append("| ").append(String.join(" | ", header)).append(" |\n|").append("---|".repeat(header.size())).append("\n");
            for (List<String> row : rows.subList(1, rows.size())) {
                text.append("| ").append(cell(row.get(0)));
                row.subList(1, row.size()).forEach(value -> text.append(" | ").append(value));
                text.append(header.get(header.size() - 1).startsWith("Share") ? "% |\n" : " |\n");
            }
        }

        private static String cell(String text) {
            return text.replace("|", "\\|");
        }

        /** The answer's votes as a whole percentage of the people who voted (several choices may add up beyond 100). */
        static int share(Answer answer, int voters) {
            return voters == 0 ? 0 : Math.round(answer.votes() * 100f / voters);
        }

        /** The question's table, with a {@code group} column when split: everyone's rows ("All") then each group's. */
        @Override
        public List<List<String>> table() {
            List<List<String>> rows = new ArrayList<>();
            List<List<String>> all = rows(voters, answers, words, ranks);
            List<String> header = new ArrayList<>(List.of("question"));
            if (groups != null) {
                header.add("group");
            }
            header.addAll(all.get(0));
            rows.add(header);
            addRows(rows, "All", all);
            if (groups != null) {
                groups.forEach(group -> addRows(rows, group.label(), rows(group.voters(), group.answers(), group.words(), group.ranks())));
            }
            return rows;
        }

        private void addRows(List<List<String>> rows, String group, List<List<String>> part) {
            for (List<String> row : part.subList(1, part.size())) {
                List<String> full = new ArrayList<>(List.of(question));
                if (groups != null) {
                    full.add(group);
                }
                full.addAll(row);
                rows.add(full);
            }
        }

        /** One part's rows, after their column names: everyone's results, or one group's. */
        private List<List<String>> rows(int voters, List<Answer> answers, List<Word> words, List<Rank> ranks) {
            List<List<String>> rows = new ArrayList<>();
            switch (kind) {
                case PollConfig.WORDS -> {
                    rows.add(List.of("word", "people"));
                    words.forEach(word -> rows.add(List.of(word.text(), String.valueOf(word.count()))));
                }
                case PollConfig.RANKING -> {
                    rows.add(List.of("answer", "mean_rank", "borda_points"));
                    ranks.forEach(rank -> rows.add(List.of(rank.text(),
                            rank.meanRank() == null ? "" : String.format(Locale.ROOT, "%.2f", rank.meanRank()), String.valueOf(rank.points()))));
                }
                default -> {
                    rows.add(List.of(kind.equals(PollConfig.RATING) ? "rating" : "answer", "votes", "share_of_voters_percent"));
                    answers.forEach(answer -> rows.add(List.of(answer.text(), String.valueOf(answer.votes()), String.valueOf(share(answer, voters)))));
                }
            }
            return rows;
        }
    }
}
