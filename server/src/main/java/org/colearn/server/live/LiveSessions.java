package org.colearn.server.live;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import jakarta.websocket.CloseReason;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.colearn.server.auth.AuthService;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.Access;
import org.colearn.server.community.Member;
import org.colearn.server.community.Site;
import org.colearn.server.plugin.Plugins;
import org.colearn.server.session.AgendaItem;
import org.colearn.server.session.AgendaListener;
import org.colearn.server.session.Guests;
import org.colearn.server.session.SessionGuest;
import org.colearn.server.session.LearningSession;
import org.colearn.server.system.ApiException;
import org.hibernate.SessionFactory;

/**
 * The live sessions of this server: each is loaded from its event log the first time someone connects, and stays in
 * memory while the server runs. Also answers who a connecting person is in a session.
 */
public final class LiveSessions implements AutoCloseable, AgendaListener {

    private final SessionFactory sessions;
    private final EventLog eventLog;
    private final AuthService auth;
    private final Clock clock;
    private final ExecutorService pool;
    private final Map<UUID, LiveSession> live = new ConcurrentHashMap<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat;

    private final Plugins plugins;

    private final LiveMetrics metrics;
    private volatile boolean restored;

    public LiveSessions(SessionFactory sessions, javax.sql.DataSource dataSource, AuthService auth, Clock clock, Plugins plugins,
            io.micrometer.core.instrument.MeterRegistry registry) {
        this.plugins = plugins;
        this.metrics = new LiveMetrics(registry, open, live);
        this.sessions = sessions;
        this.eventLog = new EventLog(dataSource);
        this.auth = auth;
        this.clock = clock;
        this.pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), runnable -> {
            Thread thread = new Thread(runnable, "colearn-live");
            thread.setDaemon(true);
            return thread;
        });
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "colearn-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(this::closeSilentConnections, 5, 5, TimeUnit.SECONDS);
        heartbeat.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        pool.execute(this::restoreRunning);
    }

    /** Brings back every session that was live when the server stopped, so that its timers fire on time. */
    private void restoreRunning() {
        List<UUID> running = sessions.fromTransaction(session -> session.createNativeQuery(
                        "select distinct s.session_id from session_event s where s.type = 'session.started'"
                                + " and not exists (select 1 from session_event e where e.session_id = s.session_id"
                                + " and e.type = 'session.ended')",
                        UUID.class)
                .getResultList());
        for (UUID sessionId : running) {
            try {
                get(sessionId);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(LiveSessions.class).error("could not restore live session {}", sessionId, e);
            }
        }
        restored = true;
    }

    /** Whether the sessions that were live when the server stopped are running again (their timers with them). */
    public boolean ready() {
        return restored;
    }

    /** How often the sessions check their timers: a timer fires at most this late. */
    static final long TICK_MILLIS = 200;

    private void tick() {
        live.values().forEach(LiveSession::tick);
    }

    /** Clients ping at least every {@value #PING_SECONDS} s; one silent for {@value #SILENT_SECONDS} s is dead. */
    static final int PING_SECONDS = 20;
    static final int SILENT_SECONDS = 60;
    static final CloseReason.CloseCode SILENT = CloseReason.CloseCodes.getCloseCode(4001);

    void opened(Connection connection) {
        open.add(connection);
    }

    void closed(Connection connection) {
        open.remove(connection);
    }

    private void closeSilentConnections() {
        long limit = TimeUnit.SECONDS.toNanos(SILENT_SECONDS);
        for (Connection connection : open) {
            if (connection.silentForNanos() > limit) {
                open.remove(connection);
                connection.closeLater(SILENT, "No ping for " + SILENT_SECONDS + " s; reconnect to resume.");
            }
        }
    }

    /** Who the token's owner is in this session, or a {@link LiveException} when they may not join it. */
    Viewer viewer(UUID sessionId, String token) {
        Caller caller;
        try {
            caller = auth.authenticate(token);
        } catch (ApiException e) {
            Optional<SessionGuest> guest = sessions.fromTransaction(session -> Guests.find(session, sessionId, token, clock.instant()));
            if (guest.isPresent()) {
                SessionGuest g = guest.get();
                return new Viewer(g.id(), g.displayName(), g.site(), g.profession(), false);
            }
            throw new LiveException(e.code(), e.getMessage());
        }
        return sessions.fromTransaction(session -> {
            LearningSession learningSession = session.find(LearningSession.class, sessionId);
            if (learningSession == null) {
                throw notFound();
            }
            Member member;
            try {
                member = Access.member(session, learningSession.collaborativeId(), caller);
            } catch (ApiException e) {
                throw notFound();
            }
            Site site = member.siteId() == null ? null : session.find(Site.class, member.siteId());
            return new Viewer(
                    caller.accountId(),
                    member.displayName(),
                    site == null ? null : site.name(),
                    member.profession() == null ? null : member.profession().toString(),
                    member.isFacilitator());
        });
    }

    /** The server's time, which clients use to show countdowns right whatever their own clock says. */
    java.time.Instant now() {
        return clock.instant();
    }

    /** The live session, restored from its log if it is not in memory yet. */
    LiveSession get(UUID sessionId) {
        return live.computeIfAbsent(sessionId, id -> {
            LiveSession loaded = load(id);
            // The agenda in the database wins over the log's last copy, in case the server stopped between the two.
            loaded.agendaChanged(currentAgenda(id));
            return loaded;
        });
    }

    private LiveSession load(UUID sessionId) {
        LearningSession learningSession = sessions.fromTransaction(session -> session.find(LearningSession.class, sessionId));
        if (learningSession == null) {
            throw notFound();
        }
        try {
            return new LiveSession(
                    sessionId,
                    learningSession.collaborativeId(),
                    eventLog,
                    clock,
                    pool,
                    () -> initialState(learningSession),
                    eventLog.since(sessionId, 0),
                    plugins,
                    metrics);
        } catch (SQLException e) {
            throw new LiveException("storage_failed", "The session's history could not be read; try again.");
        }
    }

    private SessionState initialState(LearningSession learningSession) {
        return new SessionState(learningSession.title(), currentAgenda(learningSession.id()));
    }

    private static com.fasterxml.jackson.databind.JsonNode config(String json) {
        if (json == null) {
            return null;
        }
        try {
            return org.colearn.server.system.Json.MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a stored activity configuration is not JSON", e);
        }
    }

    /** A facilitator changed the agenda of a session: if it is live here, it follows at once. */
    @Override
    public void agendaChanged(UUID sessionId) {
        LiveSession session = live.get(sessionId);
        if (session != null) {
            session.agendaChanged(currentAgenda(sessionId));
        }
    }

    private List<SessionState.Item> currentAgenda(UUID sessionId) {
        return sessions.fromTransaction(session -> session
                .createSelectionQuery("from AgendaItem where sessionId = :id order by position", AgendaItem.class)
                .setParameter("id", sessionId)
                .getResultList()
                .stream()
                .map(item -> new SessionState.Item(item.id().toString(), item.title(), item.activityType(), item.plannedMinutes(), config(item.config())))
                .toList());
    }

    private static LiveException notFound() {
        return new LiveException("session_not_found", "There is no learning session with this id that you can join.");
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        pool.shutdownNow();
    }
}
