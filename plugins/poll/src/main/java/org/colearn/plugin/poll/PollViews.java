package org.colearn.plugin.poll;

import java.util.List;

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

    /** The results as kept with the session. */
    record Results(String question, boolean anonymous, int voters, List<Answer> answers) {}
}
