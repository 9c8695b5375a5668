package org.colearn.plugin.poll;

import java.util.HashSet;
import java.util.List;
import org.colearn.plugin.api.ActivityException;

/**
 * What the facilitator sets up.
 *
 * @param question the question, 1 to 300 characters
 * @param options 2 to 12 distinct answers, each 1 to 120 characters
 * @param multipleChoice whether people may pick more than one
 * @param anonymous whether nobody, facilitators included, may see who voted what
 */
public record PollConfig(String question, List<String> options, boolean multipleChoice, boolean anonymous) {

    void check() throws ActivityException {
        if (question == null || question.isBlank() || question.length() > 300) {
            throw new ActivityException("invalid_config", "question", "The question must have 1 to 300 characters.");
        }
        if (options == null || options.size() < 2 || options.size() > 12) {
            throw new ActivityException("invalid_config", "options", "A poll needs 2 to 12 answers.");
        }
        if (options.stream().anyMatch(o -> o == null || o.isBlank() || o.length() > 120)
                || new HashSet<>(options).size() != options.size()) {
            throw new ActivityException("invalid_config", "options", "Answers must be different, each 1 to 120 characters.");
        }
    }
}
