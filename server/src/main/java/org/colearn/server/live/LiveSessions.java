package org.colearn.server.live;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jakarta.websocket.CloseReason;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.colearn.server.auth.AuthService;
import org.colearn.server.auth.Caller;
import org.colearn.server.media.MediaRooms;
import org.colearn.server.plugin.Plugins;
import org.colearn.server.session.AgendaItem;
import org.colearn.server.community.MembershipListener;
import org.colearn.server.session.AgendaListener;
import org.colearn.server.session.GuestsListener;
import org.colearn.server.session.LearningSession;
import org.colearn.server.stories.SessionCatalogue;
import org.hibernate.SessionFactory;

/**
 * The live sessions of this server: each is loaded from its latest snapshot and the events after it the first time
 * someone connects, and stays in memory while the server runs. Also answers who a connecting person is in a session.
 */
public final class LiveSessions implements AutoCloseable, AgendaListener, MembershipListener, GuestsListener {

    private final SessionFactory sessions;
    private final EventLog eventLog;
    private final Viewers viewers;
    private final Clock clock;
    private final ExecutorService pool;
    private final Map<UUID, LiveSession> live = new ConcurrentHashMap<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat;
    /** Where activities' long work runs (seating a large café), so that it never holds a session's thread. */
    private final ExecutorService workers;

    private final Plugins plugins;
    /** Voice and video for the sessions this node runs. */
    private final MediaRooms media;

    private final LiveMetrics metrics;
    private volatile boolean restored;

    private final Ownership ownership;
    /** On a cluster: when this node next looks for sessions to take over, and at the agendas of its own. */
    private Instant nextOwnershipCheck;
    /** On a cluster: the leases this node keeps on its sessions. */
    private final Leases leases;
    /** On a cluster: how a node tells the others what changed over REST, and which sessions it took over. */
    private final ClusterNotices notices;
    private final Optional<String> nodeUrl;
    private final Relays relays;
    /** Set when the server stops: hellos are asked to reconnect elsewhere. */
    private volatile boolean closing;
    /** Keeps open connections' rights true to what is stored. */
    private final Rights rights;

    /**
     * The live sessions of this node. With {@code clusterNodeUrl} (the address other nodes reach this one at), this
     * node is one of several on one PostgreSQL: it runs the sessions it holds, relays clients of the others to their
     * owners, and takes over running sessions whose owner has gone. Without it, it runs every session itself.
     */
    public LiveSessions(SessionFactory sessions, javax.sql.DataSource dataSource, AuthService auth, Clock clock, Plugins plugins,
            io.micrometer.core.instrument.MeterRegistry registry, Optional<String> clusterNodeUrl, MediaRooms media) {
        this.plugins = plugins;
        this.media = media;
        java.time.Duration lease = PostgresOwnership.lease(System.getenv());
        this.nodeUrl = clusterNodeUrl;
        this.ownership = clusterNodeUrl.<Ownership>map(url -> new PostgresOwnership(dataSource, url, clock, lease, System::nanoTime))
                .orElseGet(Ownership::singleNode);
        this.leases = clusterNodeUrl.isPresent() ? new Leases(ownership, lease.dividedBy(4), this::letGo, clock) : null;
                this.metrics = new LiveMetrics(registry, open, live);
        this.relays = new Relays(clock, metrics.relayLag());
        this.sessions = sessions;
        this.eventLog = new EventLog(dataSource, ownership);
        this.viewers = new Viewers(sessions, auth, clock);
        this.rights = new Rights(open, viewers, sessions, clock, this::tellOtherNodes);
        this.notices = clusterNodeUrl.map(url -> new ClusterNotices(dataSource, this::followAgenda, this::ownerChanged, rights::noticed))
                .orElse(null);
        this.clock = clock;
        this.nextOwnershipCheck = clusterNodeUrl.isPresent() ? clock.instant().plusSeconds(TAKEOVER_SECONDS) : null;
        this.pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), runnable -> {
            Thread thread = new Thread(runnable, "colearn-live");
            thread.setDaemon(true);
            return thread;
        });
        this.workers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), runnable -> {
            Thread thread = new Thread(runnable, "colearn-work");
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY - 1);
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
        List<UUID> running;
        try {
            running = eventLog.running();
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(LiveSessions.class).error("could not find the running sessions", e);
            return;
        }
        for (UUID sessionId : running) {
            if (live.containsKey(sessionId)) {
                continue;
            }
            try {
                // Empty when another node runs it; where it runs is only looked up when a client needs to get there.
                if (owned(sessionId, false).isEmpty() && ownership.endStaleHold(sessionId)) {
                    owned(sessionId, false);
                }
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

    /**
     * How often the sessions check their timers: a timer fires at most this late, plus what waits before it in the
     * session's queue, so well within the 200 ms a timer may be late.
     */
    static final long TICK_MILLIS = 100;

    /** A session nobody has been connected to for this long leaves memory; it comes back on the next hello. */
    static final Duration IDLE = Duration.ofMinutes(10);
    /** The same for an ended session, which has no timers to fire. */
    static final Duration ENDED_IDLE = Duration.ofSeconds(30);

    private void tick() {
        live.values().forEach(LiveSession::tick);
        Instant now = clock.instant();
        live.values().forEach(session -> session.unloadIfIdle(now, IDLE, ENDED_IDLE, () -> unload(session)));
        // On the same clock as the sessions' timers, so that a test decides when a node looks at its hold.
        if (nextOwnershipCheck != null && !clock.instant().isBefore(nextOwnershipCheck)) {
            nextOwnershipCheck = clock.instant().plusSeconds(TAKEOVER_SECONDS);
            pool.execute(this::watchOwnership);
        }
        if (leases != null) {
            leases.tick();
        }
    }

    /** Stops the session here: another node owns it now; its clients reconnect to resume there. */
    private void letGo(UUID sessionId) {
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
    private void unload(LiveSession session) {
        synchronized (live) {
            if (live.get(session.id) != session) {
                return;
            }
            // Marked first, under the same lock as a look for sessions to run, which so never brings it straight back.
            try {
                eventLog.unloaded(session.id, clock.instant());
            } catch (SQLException e) {
                org.slf4j.LoggerFactory.getLogger(LiveSessions.class).warn("session {}: could not mark it unloaded", session.id, e);
            }
            live.remove(session.id, session);
            ownership.release(session.id);
        }
        org.slf4j.LoggerFactory.getLogger(LiveSessions.class).info("session {} left memory: nobody is in it", session.id);
    }

    private boolean unloaded(UUID sessionId) {
        try {
            return eventLog.unloaded(sessionId);
        } catch (SQLException e) {
            return false;
        }
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
        relays.closed(connection);
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
    Viewers.Admission admit(UUID sessionId, String token) {
        return viewers.admit(sessionId, token);
    }

    /** A person's membership changed: their open connections follow at once, on every node. */
    @Override
    public void membershipChanged(UUID collaborativeId, UUID accountId) {
        rights.membershipChanged(accountId);
    }

    private void tellOtherNodes(String rightsNotice) {
        if (notices != null) {
            notices.rightsChanged(rightsNotice);
        }
    }

    /** Guests were switched on or off: guests connected to the session follow at once, on every node. */
    @Override
    public void guestsSwitched(UUID sessionId) {
        rights.guestsSwitched(sessionId);
    }

    /**
     * Delivers an activity's message from {@code caller} to the running session, exactly as if they had sent it over
     * their WebSocket (the same checks, the same errors); completes with the last sequence number once committed.
     *
     * @throws LiveException when the message cannot be delivered ({@code session_not_live}, {@code unknown_type}, ...)
     * @throws Elsewhere when another node owns the session
     */
    CompletableFuture<Long> deliver(UUID sessionId, Caller caller, Inbound message) {
        String activity = message.type().substring(0, message.type().indexOf('.'));
        if (plugins.get(activity).isEmpty()) {
            throw new LiveException("unknown_type", "There is no activity called " + activity + " on this server.");
        }
        Viewer viewer = viewers.of(sessionId, caller);
        boolean running;
        try {
            running = eventLog.running(sessionId);
        } catch (SQLException e) {
            throw new LiveException("storage_failed", "The session could not be read; try again.");
        }
        if (!running) {
            throw new LiveException("session_not_live", "The session is not live: it has not started, or it has ended.");
        }
        return get(sessionId).message(viewer, message);
    }

    /** The server's time, which clients use to show countdowns right whatever their own clock says. */
    Instant now() {
        return clock.instant();
    }

    /** How often a node of a cluster checks its hold on its sessions and takes over those whose owner has gone. */
    static final long TAKEOVER_SECONDS = 2;

    /**
     * The live session, restored from its log if it is not in memory yet.
     *
     * @throws Elsewhere when another node owns it
     */
    LiveSession get(UUID sessionId) {
        if (closing) {
            throw new Elsewhere(null);
        }
        return owned(sessionId, true).orElseThrow(() -> new Elsewhere(ownership.owner(sessionId).orElse(null)));
    }

    /**
     * The live session if this node runs it or can take it now, restored from its log; empty when another node has it.
     * Only someone who wants to be in it ({@code wake}) brings back a session that left memory for want of anyone in
     * it; this node's look for sessions to run does not.
     */
    private Optional<LiveSession> owned(UUID sessionId, boolean wake) {
        LiveSession running = live.get(sessionId);
        if (running != null && (ownership.current(sessionId) || renewed(sessionId))) {
            return Optional.of(running);
        }
        LiveSession loaded;
        synchronized (live) {
            running = live.get(sessionId);
            if (running != null) {
                return Optional.of(running);
            }
            if (!wake && unloaded(sessionId)) {
                return Optional.empty();
            }
            if (!ownership.tryOwn(sessionId)) {
                return Optional.empty();
            }
            try {
                loaded = load(sessionId);
                eventLog.loaded(sessionId);
                live.put(sessionId, loaded);

            } catch (RuntimeException e) {
                ownership.release(sessionId);
                throw e;
            }
        }
        // The agenda in the database wins over the log's last copy: it may have been edited while no node ran the
        // session. Read after the session is in place, so that an edit committed later finds it and follows too.
        loaded.agendaChanged(currentAgenda(sessionId));
        nodeUrl.ifPresent(url -> notices.ownerChanged(sessionId, url));
        return Optional.of(loaded);
    }

    /**
     * This node's lease on a session it runs has not been renewed for a lease (the node was paused, or its renewals
     * are late): renews it now, and lets the session go if another node has taken it.
     */
    private boolean renewed(UUID sessionId) {
        leases.renew();
        return ownership.current(sessionId);
    }

    /** The session is run by another node, reachable at {@code ownerUrl} (null while it changes hands). */
    static final class Elsewhere extends RuntimeException {
        final String ownerUrl;

        Elsewhere(String ownerUrl) {
            super(null, null, false, false);
            this.ownerUrl = ownerUrl;
        }
    }

    /** Carries a client's connection to the owner of its session at {@code ownerUrl}, starting with its hello. */
    Relay relay(String ownerUrl, UUID sessionId, Connection client, String hello) {
        return relays.open(ownerUrl, sessionId, client, hello);
    }

    /**
     * A node took the session over: relays to another node lead to an owner that was replaced, so their clients
     * reconnect; and if this node ran it, it was replaced itself (its writes are refused already), so it lets it go.
     */
    private void ownerChanged(UUID sessionId, String ownerUrl) {
        relays.ownerMoved(sessionId, ownerUrl);
        if (!nodeUrl.orElse("").equals(ownerUrl) && live.containsKey(sessionId)) {
            leases.renewSoon();
        }
    }

    /**
     * A node of a cluster, every few seconds: it takes over any running session that no node holds, or whose owner's
     * lease has run out, so that timers fire even before a client comes back; and its own sessions follow their
     * agendas, in case a notice of an edit was missed.
     */
    private void watchOwnership() {
        try {
            restoreRunning();
            live.keySet().forEach(this::followAgenda);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(LiveSessions.class).warn("could not check the live sessions' owners", e);
        }
    }

    /**
     * A session found its log written, or taken over, by another node, which owns it now: it has stopped and its
     * clients are reconnecting, so this node forgets it. Its other leases are renewed at once, since a lost lock
     * connection means every session of this node may have moved.
     */
    private void ownedElsewhere(LiveSession session) {
        synchronized (live) {
            live.remove(session.id, session);
            ownership.release(session.id);
        }
        if (leases != null) {
            leases.renewSoon();
        }
    }

    private LiveSession load(UUID sessionId) {
        LearningSession learningSession = sessions.fromTransaction(session -> session.find(LearningSession.class, sessionId));
        if (learningSession == null) {
            throw notFound();
        }
        try {
            EventLog.Stored stored = eventLog.stored(sessionId);
            return new LiveSession(
                    sessionId,
                    learningSession.collaborativeId(),
                    eventLog,
                    clock,
                    pool,
                    heartbeat,
                    workers,
                    () -> initialState(learningSession),
                    stored,
                    stored.snapshot() == null ? List.of() : eventLog.recentRefs(sessionId, stored.snapshot().seq()),
                    plugins,
                    metrics,
                    new SessionCatalogue(sessions, clock, learningSession.collaborativeId(), sessionId),
                    new CollaborativeBuddyPairs(sessions, learningSession.collaborativeId(), clock),
                    new org.colearn.server.improvement.CollaborativeMeasures(sessions, learningSession.collaborativeId(), clock),
                    this::ownedElsewhere,
                    media);
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
        if (!followAgenda(sessionId) && notices != null) {
            notices.agendaChanged(sessionId);
        }
    }

    /** If the session is live on this node, it takes the agenda from the database; returns whether it is. */
    private boolean followAgenda(UUID sessionId) {
        LiveSession session = live.get(sessionId);
        if (session != null) {
            session.agendaChanged(currentAgenda(sessionId));
        }
        return session != null;
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

    /**
     * Asks every client of this node, relayed or not, to reconnect elsewhere (1012), and waits a moment for the
     * closes to go out, before the server closes its sockets (which clients would see as 1006, an abnormal end).
     */
    private void closeConnections() {
        for (Connection connection : List.copyOf(open)) {
            connection.closeLater(Relay.MOVED, "This server is stopping; reconnecting.");
        }
        Instant deadline = Instant.now().plusSeconds(2);
        while (!open.isEmpty() && Instant.now().isBefore(deadline)) {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    static LiveException notFound() {
        return new LiveException("session_not_found", "There is no learning session with this id that you can join.");
    }

    /**
     * Stops this node's sessions and lets go of them first, so that on a cluster the clients, told to reconnect,
     * find another node ready to take each session over at once.
     */
    @Override
    public void close() {
        closing = true;
        heartbeat.shutdownNow();
        rights.close();
        if (notices != null) {
            leases.close();
            notices.close();
        }
        synchronized (live) {
            live.values().forEach(LiveSession::stop);
            ownership.close();
        }
        closeConnections();
        workers.shutdownNow();
        pool.shutdown();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        relays.close();
    }
}
