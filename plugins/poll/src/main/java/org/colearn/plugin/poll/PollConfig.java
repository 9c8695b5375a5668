package org.colearn.plugin.poll;

import java.util.HashSet;
import java.util.List;
import org.colearn.plugin.api.ActivityException;

/**
 * What the facilitator sets up.
 *
 * @param question the question, 1 to 300 characters
 * @param kind {@code choice} (the answers given, left out: choice), {@code rating} (a number on a scale),
 *     {@code words} (a few words each, shown as a word cloud) or {@code ranking} (everyone orders the answers)
 * @param scale for a rating: 5 (from 1 to 5, when left out) or 10 (from 0 to 10)
 * @param options for a choice: 2 to 12 distinct answers, for a ranking 3 to 10, each 1 to 120 characters; not used
 *     by the other kinds
 * @param multipleChoice for a choice: whether people may pick more than one
 * @param anonymous whether nobody, facilitators included, may see who answered what
 */
public record PollConfig(String question, String kind, Integer scale, List<String> options, boolean multipleChoice, boolean anonymous) {

    static final String CHOICE = "choice";
    static final String RATING = "rating";
    static final String WORDS = "words";
    static final String RANKING = "ranking";

    /** A choice poll. */
    public PollConfig(String question, List<String> options, boolean multipleChoice, boolean anonymous) {
        this(question, CHOICE, null, options, multipleChoice, anonymous);
    }

    /** The kind, {@code choice} when left out. */
    String kindOrChoice() {
        return kind == null || kind.isBlank() ? CHOICE : kind;
    }

    /** A rating's scale, 5 when left out. */
    int scaleOrFive() {
        return scale == null ? 5 : scale;
    }

    void check() throws ActivityException {
        if (question == null || question.isBlank() || question.length() > 300) {
            throw new ActivityException("invalid_config", "question", "The question must have 1 to 300 characters.");
        }
        switch (kindOrChoice()) {
            case CHOICE -> checkOptions(2, 12);
            case RANKING -> checkOptions(3, 10);
            case RATING -> {
                if (scale != null && scale != 5 && scale != 10) {
                    throw new ActivityException("invalid_config", "scale", "A rating's scale is 5 (from 1 to 5) or 10 (from 0 to 10).");
                }
            }
            case WORDS -> {
                // Nothing more to set up: people answer in their own words.
            }
            default -> throw new ActivityException("invalid_config", "kind",
                    "The kind is choice (answers to choose from), rating (a number on a scale), words (a word cloud) or ranking (answers to put in order).");
        }
    }

    /** Whether people answer with the options given: a choice or a ranking. */
    boolean hasOptions() {
        return kindOrChoice().equals(CHOICE) || kindOrChoice().equals(RANKING);
    }

    private void checkOptions(int fewest, int most) throws ActivityException {
        if (options == null || options.size() < fewest || options.size() > most) {
            throw new ActivityException("invalid_config", "options", kindOrChoice().equals(RANKING)
                    ? "A ranking needs " + fewest + " to " + most + " answers to put in order." : "A poll needs " + fewest + " to " + most + " answers.");
        }
        if (options.stream().anyMatch(o -> o == null || o.isBlank() || o.length() > 120)
                || new HashSet<>(options).size() != options.size()) {
            throw new ActivityException("invalid_config", "options", "Answers must be different, each 1 to 120 characters.");
        }
    }
}
