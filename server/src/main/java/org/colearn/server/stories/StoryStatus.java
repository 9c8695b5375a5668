package org.colearn.server.stories;

import java.util.Locale;

/** Where a story or comment stands in moderation. */
enum StoryStatus {
    /** Waiting for a facilitator's approval; only the author and the collaborative's facilitators see it. */
    PENDING,
    PUBLISHED,
    /** Hidden by a facilitator, with a note the author sees. */
    HIDDEN,
    /**
     * Only in answers, never stored: an anonymous story or comment acknowledged and waiting to be written, which it
     * is within {@link Mixer#LONGEST_DELAY}.
     */
    POSTING;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
