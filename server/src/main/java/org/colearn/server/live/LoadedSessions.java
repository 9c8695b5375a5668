package org.colearn.server.live;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of the live sessions this node has in memory, by id. A session enters it together with this node's
 * hold on it and leaves it together with that hold, under one lock, so that a session is never loaded twice nor
 * brought back while it is being put away; reading it takes no lock.
 */
final class LoadedSessions {

    private static final Logger log = LoggerFactory.getLogger(LoadedSessions.class);

    private final Map<UUID, LiveSession> live = new ConcurrentHashMap<>();
    /** Held here: a gauge keeps only a weak reference to what it reads. */
    private final Map<UUID, LiveSession> view = Collections.unmodifiableMap(live);
    private final Ownership ownership;
    private final EventLog eventLog;
    private final Clock clock;

    LoadedSessions(Ownership ownership, EventLog eventLog, Clock clock) {
        this.ownership = ownership;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    /** A session newly loaded ({@code fresh}) or one that was in memory already. */
    record Found(LiveSession session, boolean fresh) {}

    /** The session if it is in memory, or null. */
    LiveSession get(UUID sessionId) {
        return live.get(sessionId);
    }

    boolean contains(UUID sessionId) {
        return live.containsKey(sessionId);
    }

    Collection<LiveSession> all() {
        return live.values();
    }

    Set<UUID> ids() {
        return live.keySet();
    }

    /** The registry as a map that follows it, for the metrics. */
    Map<UUID, LiveSession> view() {
        return view;
    }

    /**
     * The session, loaded by {@code loader} if this node can hold it now; null when another node holds it, or when it
     * left memory for want of anyone in it and nobody wants to be in it ({@code wake} false).
     */
    Found load(UUID sessionId, boolean wake, SessionLoader loader) {
        synchronized (live) {
            LiveSession running = live.get(sessionId);
            if (running != null) {
                return new Found(running, false);
            }
            if (!wake && unloaded(sessionId)) {
                return null;
            }
            if (!ownership.tryOwn(sessionId)) {
                return null;
            }
            try {
                LiveSession loaded = loader.load(sessionId);
                eventLog.loaded(sessionId);
                live.put(sessionId, loaded);
                return new Found(loaded, true);
            } catch (RuntimeException e) {
                ownership.release(sessionId);
                throw e;
            }
        }
    }

    private boolean unloaded(UUID sessionId) {
        try {
            return eventLog.unloaded(sessionId);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Stops the session here: another node owns it now; its clients reconnect to resume there. */
    void letGo(UUID sessionId) {
        synchronized (live) {
            LiveSession session = live.remove(sessionId);
            if (session != null) {
                session.stop();
            }
        }
    }

    /**
     * Forgets a session nobody is connected to, on its own thread once it has stopped, and lets another node (or a
     * later hello here) have it. A running session is marked as unloaded, so that no node takes it over only to run its
     * timers for nobody: it comes back, timers and all, when someone says hello to it.
     */
    void unload(LiveSession session) {
        synchronized (live) {
            if (live.get(session.id) != session) {
                return;
            }
            // Marked first, under the same lock as a look for sessions to run, which so never brings it straight back.
            try {
                eventLog.unloaded(session.id, clock.instant());
            } catch (SQLException e) {
                log.warn("session {}: could not mark it unloaded", session.id, e);
            }
            live.remove(session.id, session);
            ownership.release(session.id);
        }
        log.info("session {} left memory: nobody is in it", session.id);
    }

    /** Forgets a session that has stopped because another node runs it now. */
    void forget(LiveSession session) {
        synchronized (live) {
            live.remove(session.id, session);
            ownership.release(session.id);
        }
    }

    /** Stops every session and lets go of them all, so that other nodes can take them over at once. */
    void stopAll() {
        synchronized (live) {
            live.values().forEach(LiveSession::stop);
            ownership.close();
        }
    }
}
