package org.colearn.server.live;

import java.util.Set;
import java.util.TreeSet;

/** The commands a live session's connection answers itself; each running activity adds its own messages. */
public final class CommandTypes {

    private CommandTypes() {}

    public static Set<String> all() {
        Set<String> types = new TreeSet<>(Set.of("hello", "ping", LiveSession.PRESENCE_PAGE, MediaSignals.TYPE));
        types.addAll(Commands.HANDLERS.keySet());
        types.addAll(Commands.ROSTER_HANDLERS.keySet());
        types.addAll(StageCommands.HANDLERS.keySet());
        return types;
    }
}
