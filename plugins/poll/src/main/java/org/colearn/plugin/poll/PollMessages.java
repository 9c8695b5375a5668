package org.colearn.plugin.poll;

import java.util.List;

/** The messages of a poll: {@code poll.vote}, {@code poll.reveal}, {@code poll.close}. */
final class PollMessages {

    private PollMessages() {}

    /** A vote: the indexes of the chosen answers (one, unless the poll is multiple choice). Voting again replaces it. */
    record Vote(List<Integer> choices) {}

    /** The facilitator shows the results to everyone. */
    record Reveal() {}

    /** The facilitator stops the voting. */
    record Close() {}
}
