package org.colearn.plugin.buddymeet;

import org.colearn.plugin.api.ActivityException;

/**
 * What the facilitator sets up.
 *
 * @param minutes how long the pairs meet, 1 to 120
 * @param prompt the question the pairs talk about, 1 to 500 characters
 */
public record BuddyMeetConfig(int minutes, String prompt) {

    static final BuddyMeetConfig DEFAULT =
            new BuddyMeetConfig(20, "What has each of us tried since we last met? What will we each do next?");

    void check() throws ActivityException {
        if (minutes < 1 || minutes > 120) {
            throw new ActivityException("invalid_config", "minutes", "The pairs meet for 1 to 120 minutes.");
        }
        if (prompt == null || prompt.isBlank() || prompt.length() > 500) {
            throw new ActivityException("invalid_config", "prompt", "The prompt must have 1 to 500 characters.");
        }
    }
}
