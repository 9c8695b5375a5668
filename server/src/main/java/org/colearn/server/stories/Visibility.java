package org.colearn.server.stories;

import java.util.Locale;

/** Who may read a story, as its author chose: never widened by anyone but the author. */
enum Visibility {
    /** The author's site and the sites it is actively paired with as buddies. */
    PAIR,
    /** The members of the collaborative who can see one learning session. */
    SESSION,
    /** Every member of the collaborative, once a facilitator has approved it. */
    COLLABORATIVE,
    /** Every member of every collaborative on this server, once a facilitator has approved it. */
    SERVER;

    boolean needsApproval() {
        return this == COLLABORATIVE || this == SERVER;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
