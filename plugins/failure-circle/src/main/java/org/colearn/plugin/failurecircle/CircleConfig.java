package org.colearn.plugin.failurecircle;

import org.colearn.plugin.api.ActivityException;

/**
 * What the facilitator sets up for a failure-story circle.
 *
 * @param prompt the question the circle answers, 1 to 300 characters
 * @param inRooms whether each breakout room forms a circle of its own (people in no room form the plenary circle);
 *     otherwise everyone is in one circle
 * @param minutesPerStory how long each story has once it is shared, 1 to 60 minutes
 */
public record CircleConfig(String prompt, boolean inRooms, int minutesPerStory) {

    static CircleConfig defaults() {
        return new CircleConfig("What did we try that did not work, and what did we learn?", false, 8);
    }

    void check() throws ActivityException {
        if (prompt == null || prompt.isBlank() || prompt.length() > 300) {
            throw new ActivityException("invalid_config", "prompt", "The prompt must have 1 to 300 characters.");
        }
        if (minutesPerStory < 1 || minutesPerStory > 60) {
            throw new ActivityException("invalid_config", "minutesPerStory", "A story has 1 to 60 minutes.");
        }
    }
}
