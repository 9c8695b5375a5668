package org.colearn.server.live;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.colearn.server.auth.AuthService;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.MembershipListener;
import org.colearn.server.media.MediaRooms;
import org.colearn.server.plugin.Plugins;
import org.colearn.server.session.AgendaListener;
import org.colearn.server.session.GuestsListener;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live sessions of this server: each is loaded ({@link SessionLoader}) from its latest snapshot and the events
 * after it the first time someone connects, and kept in the registry ({@link LoadedSessions}) while someone is in it;
 * the {@link Ticker} beats for them, and {@link ClusterOwnership} says which node runs each. Also answers who a
 * connecting person is in a session.
 */
public final class LiveSessions implements AutoCloseable, AgendaListener, MembershipListener, GuestsListener {

    private static final Logger log = LoggerFactory.getLogger(LiveSessions.class);

    private final EventLog eventLog;
    private final Viewers viewers;
    private final Clock clock;
    private final ExecutorService pool;
    /** Where activities' long work runs (seating a large café), so that it never holds a session's thread. */
    private final ExecutorService workers;
    private final OpenConnections open = new OpenConnections();
    private final Ticker ticker;
    private final ClusterOwnership cluster;
    private final SessionLoader loader;
    private final LoadedSessions live;
    private final Plugins plugins;
    private final Relays relays;
    /** Keeps open connections' rights true to what is stored. */
    private final Rights rights;
    private volatile boolean restored;
    /** Set when the server stops: hellos are asked to reconnect elsewhere. */
    private volatile boolean closing;

    /**
     * The live sessions of this node, not running until {@link #start()}: nothing here reads the database before. With
     * {@code clusterNodeUrl} (the address other nodes reach this one at), this node is one of several on one
     * PostgreSQL: it runs the sessions it holds, relays clients of the others to their owners, and takes over running
     * sessions whose owner has gone. Without it, it runs every session itself.
     */
    public LiveSessions(SessionFactory sessions, DataSource dataSource, AuthService auth, Clock clock, Plugins plugins,
            MeterRegistry registry, Optional<String> clusterNodeUrl, MediaRooms media) {
        this.plugins = plugins;
        this.clock = clock;
        this.cluster = new ClusterOwnership(dataSource, clusterNodeUrl, clock, this::letGo);
        this.eventLog = new EventLog(dataSource, cluster.ownership());
        this.viewers = new Viewers(sessions, auth, clock);
        this.rights = new Rights(open.all(), viewers, sessions, clock, cluster::tellRightsChanged);
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
        this.ticker = new Ticker(clock);
        this.live = new LoadedSessions(cluster.ownership(), eventLog, clock);
        LiveMetrics metrics = new LiveMetrics(registry, open.all(), live.view());
        this.relays = new Relays(clock, metrics.relayLag());
        this.loader = new SessionLoader(sessions, eventLog, clock, pool, ticker.timers(), workers, plugins, metrics, media, this::ownedElsewhere);
    }

    /**
     * Starts running, once the database is open: hears the other nodes, checks rights, beats, and brings back every
     * session that was live when the server stopped.
     */
    public void start() {
        cluster.start(this::followAgenda, this::ownerChanged, rights::noticed);
        rights.start();
        ticker.start(live, open, () -> cluster.tick(pool, this::watchOwnership));
        pool.execute(this::restoreRunning);
    }

    /** Brings back every session that was live when the server stopped, so that its timers fire on time. */
    private void restoreRunning() {
        List<UUID> running;
        try {
            running = eventLog.running();
        } catch (SQLException e) {
            log.error("could not find the running sessions", e);
            return;
        }
        for (UUID sessionId : running) {
            if (live.contains(sessionId)) {
                continue;
            }
            try {
                // Empty when another node runs it; where it runs is only looked up when a client needs to get there.
                if (owned(sessionId, false).isEmpty() && cluster.endStaleHold(sessionId)) {
                    owned(sessionId, false);
                }
            } catch (RuntimeException e) {
                log.error("could not restore live session {}", sessionId, e);
            }
        }
        restored = true;
    }

    /** Whether the sessions that were live when the server stopped are running again (their timers with them). */
    public boolean ready() {
        return restored;
    }

    /** Stops the session here: another node owns it now; its clients reconnect to resume there. */
    private void letGo(UUID sessionId) {
        live.letGo(sessionId);
    }

    void opened(Connection connection) {
        open.opened(connection);
    }

    void closed(Connection connection) {
        open.closed(connection);
        relays.closed(connection);
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

    /**
     * The live session, restored from its log if it is not in memory yet.
     *
     * @throws Elsewhere when another node owns it
     */
    LiveSession get(UUID sessionId) {
        if (closing) {
            throw new Elsewhere(null);
        }
        return owned(sessionId, true).orElseThrow(() -> new Elsewhere(cluster.owner(sessionId).orElse(null)));
    }

    /**
     * The live session if this node runs it or can take it now, restored from its log; empty when another node has it.
     * Only someone who wants to be in it ({@code wake}) brings back a session that left memory for want of anyone in
     * it; this node's look for sessions to run does not.
     */
    private Optional<LiveSession> owned(UUID sessionId, boolean wake) {
        LiveSession running = live.get(sessionId);
        if (running != null && cluster.current(sessionId)) {
            return Optional.of(running);
        }
        LoadedSessions.Found found = live.load(sessionId, wake, loader);
        if (found == null) {
            return Optional.empty();
        }
        if (found.fresh()) {
            // The agenda in the database wins over the log's last copy: it may have been edited while no node ran the
            // session. Read after the session is in place, so that an edit committed later finds it and follows too.
            found.session().agendaChanged(loader.currentAgenda(sessionId));
            cluster.tookOver(sessionId);
        }
        return Optional.of(found.session());
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
        if (cluster.elsewhere(ownerUrl) && live.contains(sessionId)) {
            cluster.renewSoon();
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
            live.ids().forEach(this::followAgenda);
        } catch (RuntimeException e) {
            log.warn("could not check the live sessions' owners", e);
        }
    }

    /**
     * A session found its log written, or taken over, by another node, which owns it now: it has stopped and its
     * clients are reconnecting, so this node forgets it. Its other leases are renewed at once, since a lost lock
     * connection means every session of this node may have moved.
     */
    private void ownedElsewhere(LiveSession session) {
        live.forget(session);
        cluster.renewSoon();
    }

    /** A facilitator changed the agenda of a session: if it is live here, it follows at once. */
    @Override
    public void agendaChanged(UUID sessionId) {
        if (!followAgenda(sessionId)) {
            cluster.tellAgendaChanged(sessionId);
        }
    }

    /** If the session is live on this node, it takes the agenda from the database; returns whether it is. */
    private boolean followAgenda(UUID sessionId) {
        LiveSession session = live.get(sessionId);
        if (session != null) {
            session.agendaChanged(loader.currentAgenda(sessionId));
        }
        return session != null;
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
        ticker.close();
        rights.close();
        cluster.close();
        live.stopAll();
        open.closeAll();
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
