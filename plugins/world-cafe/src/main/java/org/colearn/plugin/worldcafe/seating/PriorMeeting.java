package org.colearn.plugin.worldcafe.seating;

import java.util.Objects;

/**
 * Two people who already sat together in earlier sessions of the collaborative, and how often.
 *
 * @param pair the two people
 * @param times how many times they met, at least 1
 */
public record PriorMeeting(Pair pair, int times) {

    public PriorMeeting {
        Objects.requireNonNull(pair, "pair");
        if (times < 1) {
            throw new IllegalArgumentException("A prior meeting happened at least once: " + pair);
        }
    }
}
