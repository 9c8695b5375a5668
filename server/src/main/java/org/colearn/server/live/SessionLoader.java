package org.colearn.server.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.colearn.server.media.MediaRooms;
import org.colearn.server.plugin.Plugins;
import org.colearn.server.session.AgendaItem;
import org.colearn.server.session.LearningSession;
import org.colearn.server.stories.SessionCatalogue;
import org.colearn.server.system.Json;
import org.hibernate.SessionFactory;

/**
 * Builds a live session from what is stored: the learning session, its latest snapshot and the events logged after
 * it; and reads a session's agenda as the database has it now, which wins over the log's last copy.
 */
final class SessionLoader {

    private final SessionFactory sessions;
    private final EventLog eventLog;
    private final Clock clock;
    private final ExecutorService pool;
    private final ScheduledExecutorService timers;
    private final ExecutorService workers;
    private final Plugins plugins;
    private final LiveMetrics metrics;
    private final MediaRooms media;
    private final Consumer<LiveSession> ownedElsewhere;

    /**
     * {@code pool} runs the sessions, {@code timers} schedules their delayed work, {@code workers} their activities'
     * long work; {@code ownedElsewhere} hears of a session that found another node running it.
     */
    SessionLoader(SessionFactory sessions, EventLog eventLog, Clock clock, ExecutorService pool, ScheduledExecutorService timers,
            ExecutorService workers, Plugins plugins, LiveMetrics metrics, MediaRooms media, Consumer<LiveSession> ownedElsewhere) {
        this.sessions = sessions;
        this.eventLog = eventLog;
        this.clock = clock;
        this.pool = pool;
        this.timers = timers;
        this.workers = workers;
        this.plugins = plugins;
        this.metrics = metrics;
        this.media = media;
        this.ownedElsewhere = ownedElsewhere;
    }

    /**
     * The session as stored: its latest snapshot and the events after it.
     *
     * @throws LiveException {@code session_not_found} when there is no such learning session, {@code storage_failed}
     *     when its history cannot be read
     */
    LiveSession load(UUID sessionId) {
        LearningSession learningSession = sessions.fromTransaction(session -> session.find(LearningSession.class, sessionId));
        if (learningSession == null) {
            throw LiveSessions.notFound();
        }
        try {
            EventLog.Stored stored = eventLog.stored(sessionId);
            return new LiveSession(
                    sessionId,
                    learningSession.collaborativeId(),
                    eventLog,
                    clock,
                    pool,
                    timers,
                    workers,
                    () -> initialState(learningSession),
                    stored,
                    stored.snapshot() == null ? List.of() : eventLog.recentRefs(sessionId, stored.snapshot().seq()),
                    plugins,
                    metrics,
                    new SessionCatalogue(sessions, clock, learningSession.collaborativeId(), sessionId),
                    new CollaborativeBuddyPairs(sessions, learningSession.collaborativeId(), clock),
                    new org.colearn.server.improvement.CollaborativeMeasures(sessions, learningSession.collaborativeId(), clock),
                    ownedElsewhere,
                    media);
        } catch (SQLException e) {
            throw new LiveException("storage_failed", "The session's history could not be read; try again.");
        }
    }

    private SessionState initialState(LearningSession learningSession) {
        return new SessionState(learningSession.title(), currentAgenda(learningSession.id()));
    }

    /** The session's agenda as the database has it now. */
    List<SessionState.Item> currentAgenda(UUID sessionId) {
        return sessions.fromTransaction(session -> session
                .createSelectionQuery("from AgendaItem where sessionId = :id order by position", AgendaItem.class)
                .setParameter("id", sessionId)
                .getResultList()
                .stream()
                .map(item -> new SessionState.Item(item.id().toString(), item.title(), item.activityType(), item.plannedMinutes(), config(item.config())))
                .toList());
    }

    private static JsonNode config(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored activity configuration is not JSON", e);
        }
    }
}
