package org.colearn.server.live;

import java.time.Instant;

/**
 * On whose behalf events are recorded, travelling with a command from its connection to the log: the client id and
 * reference of the command that caused them (both null for what the session does by itself, such as timers and agenda
 * edits, and for an unattributed command, which leaves no trace of its sender), whether it is unattributed, and the
 * time it is applied at.
 */
record CommandContext(String clientId, String ref, boolean unattributed, Instant at) {

    /** What the session does by itself, at {@code at}. */
    static CommandContext bySession(Instant at) {
        return new CommandContext(null, null, false, at);
    }

    /** The same cause at another time: an activity's call made later in its callback, by the clock as it then reads. */
    CommandContext at(Instant later) {
        return new CommandContext(clientId, ref, unattributed, later);
    }
}
