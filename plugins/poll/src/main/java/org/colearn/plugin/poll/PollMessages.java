package org.colearn.plugin.poll;

import java.util.List;

/** The messages of a poll: {@code poll.vote}, {@code poll.reveal}, {@code poll.close}, {@code poll.hide}, {@code poll.split}. */
final class PollMessages {

    private PollMessages() {}

    /**
     * An answer, by the poll's kind: {@code choices}, the indexes of the chosen answers (one, unless the poll is
     * multiple choice); {@code rating}, a whole number on the scale; {@code words}, 1 to 3 words or short phrases;
     * {@code order}, for a ranking, every answer's index once, first place first. Answering again replaces the answer.
     */
    record Vote(List<Integer> choices, Integer rating, List<String> words, List<Integer> order) {}

    /** The facilitator shows the results to everyone. */
    record Reveal() {}

    /** The facilitator stops the voting. */
    record Close() {}

    /** The facilitator hides a word from the word cloud, whatever its case (or shows it again: {@code hidden} false). */
    record Hide(String word, Boolean hidden) {}

    /**
     * The facilitator splits the results into groups side by side ({@code by}: {@code clinicians_managers},
     * {@code profession} or {@code site}), or shows them whole again ({@code all}); refused when comparing its groups
     * with those of the splits shown before would single someone out ({@link PollSplits}).
     */
    record Split(String by) {}
}
