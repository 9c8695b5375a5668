package org.colearn.server.community;

import java.util.Locale;

/** What kind of organisation a site is. Written in JSON and CSV as its lower-case code ({@code health_board}). */
public enum SiteKind {
    TRUST,
    HEALTH_BOARD,
    GP_PRACTICE,
    CARE_HOME,
    OTHER;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
