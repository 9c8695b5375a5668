package org.colearn.server.session;

import java.util.UUID;

/** Told when a facilitator has changed a session's agenda, after the change is committed; the live engine listens. */
@FunctionalInterface
public interface AgendaListener {
    void agendaChanged(UUID sessionId);
}
