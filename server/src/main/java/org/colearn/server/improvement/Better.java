package org.colearn.server.improvement;

import java.util.Locale;

/** Which way a measure improves, so that the charts tell improvement from concern. */
public enum Better {
    UP,
    DOWN;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
