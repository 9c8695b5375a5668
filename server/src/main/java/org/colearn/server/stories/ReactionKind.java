package org.colearn.server.stories;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The supportive reactions a reader can give; there is deliberately no negative one and no ranking. */
enum ReactionKind {
    THANK_YOU,
    SEEN_THIS_TOO,
    HELPS_ME;

    static Optional<ReactionKind> of(String code) {
        return Arrays.stream(values()).filter(kind -> kind.toString().equals(code)).findFirst();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
