package org.colearn.server.stories;

import java.util.Locale;

/** Whom a story or comment is credited to: its author, the author's site's team, or nobody (anonymous). */
enum Credit {
    PERSON,
    TEAM,
    NOBODY;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
