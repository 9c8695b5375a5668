package org.colearn.server.session;

import java.util.UUID;

/** Told when a facilitator has switched guests on or off for a session, after the change is committed. */
@FunctionalInterface
public interface GuestsListener {
    void guestsSwitched(UUID sessionId);
}
