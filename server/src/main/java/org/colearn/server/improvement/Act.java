package org.colearn.server.improvement;

import java.util.Locale;

/** What a team decides at the end of a PDSA cycle. */
public enum Act {
    ADOPT,
    ADAPT,
    ABANDON;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
