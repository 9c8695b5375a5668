package org.colearn.server.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Which node runs each of the sessions, and this node's part in a cluster of nodes on one PostgreSQL: its hold on
 * its sessions ({@link PostgresOwnership}) and the leases it keeps renewing, the notices it sends and hears (agenda
 * edits, rights, a session taken over), and its look every {@value #TAKEOVER_SECONDS} s for running sessions that no
 * live node holds. On a single node this node owns every session and has nobody to tell.
 */
final class ClusterOwnership implements AutoCloseable {

    /** How often a node of a cluster checks its hold on its sessions and takes over those whose owner has gone. */
    static final long TAKEOVER_SECONDS = 2;

    private final DataSource dataSource;
    private final Optional<String> nodeUrl;
    private final Clock clock;
    private final Ownership ownership;
    /** On a cluster: the leases this node keeps on its sessions. */
    private final Leases leases;
    /** On a cluster, once started: how a node tells the others what changed, and which sessions it took over. */
    private volatile ClusterNotices notices;
    /** On a cluster: when this node next looks for sessions to take over, and at the agendas of its own. */
    private Instant nextCheck;

    /**
     * With {@code nodeUrl} (the address other nodes reach this one at), this node is one of several on one
     * PostgreSQL; without it, it owns every session. {@code lost} hears of a session whose lease turned out lost.
     */
    ClusterOwnership(DataSource dataSource, Optional<String> nodeUrl, Clock clock, Consumer<UUID> lost) {
        this.dataSource = dataSource;
        this.nodeUrl = nodeUrl;
        this.clock = clock;
        Duration lease = PostgresOwnership.lease(System.getenv());
        this.ownership = nodeUrl.<Ownership>map(url -> new PostgresOwnership(dataSource, url, clock, lease, System::nanoTime))
                .orElseGet(Ownership::singleNode);
        this.leases = nodeUrl.isPresent() ? new Leases(ownership, lease.dividedBy(4), lost, clock) : null;
        this.nextCheck = nodeUrl.isPresent() ? clock.instant().plusSeconds(TAKEOVER_SECONDS) : null;
    }

    Ownership ownership() {
        return ownership;
    }

    /**
     * Starts hearing the other nodes' notices, once the database is open: an agenda edited, a session taken over by
     * the node at an address, a change of rights.
     */
    void start(Consumer<UUID> agendaChanged, BiConsumer<UUID, String> ownerChanged, Consumer<String> rightsChanged) {
        if (nodeUrl.isPresent()) {
            notices = new ClusterNotices(dataSource, agendaChanged, ownerChanged, rightsChanged);
        }
    }

    /**
     * Whether this node surely still owns the session. When its lease has not been renewed for a lease (the node was
     * paused, or its renewals are late), renews it first.
     */
    boolean current(UUID sessionId) {
        if (ownership.current(sessionId)) {
            return true;
        }
        leases.renew();
        return ownership.current(sessionId);
    }

    /** The address of the node that owns the session, as it advertised it, if any node does. */
    Optional<String> owner(UUID sessionId) {
        return ownership.owner(sessionId);
    }

    /** Ends the hold of another node on the session if its lease has run out; true if the session is free to take. */
    boolean endStaleHold(UUID sessionId) {
        return ownership.endStaleHold(sessionId);
    }

    /** Whether {@code ownerUrl} is another node than this one. */
    boolean elsewhere(String ownerUrl) {
        return !nodeUrl.orElse("").equals(ownerUrl);
    }

    /** On the sessions' beat: renews leases when it is time, and runs {@code watch} on {@code pool} every few seconds. */
    void tick(Executor pool, Runnable watch) {
        // On the same clock as the sessions' timers, so that a test decides when a node looks at its hold.
        if (nextCheck != null && !clock.instant().isBefore(nextCheck)) {
            nextCheck = clock.instant().plusSeconds(TAKEOVER_SECONDS);
            pool.execute(watch);
        }
        if (leases != null) {
            leases.tick();
        }
    }

    /** Renews every lease at once: a lost lock connection means every session of this node may have moved. */
    void renewSoon() {
        if (leases != null) {
            leases.renewSoon();
        }
    }

    /** Tells the other nodes that this one has taken the session over. */
    void tookOver(UUID sessionId) {
        nodeUrl.ifPresent(url -> notices.ownerChanged(sessionId, url));
    }

    /** Tells the other nodes that the session's agenda changed, if there are any. */
    void tellAgendaChanged(UUID sessionId) {
        if (notices != null) {
            notices.agendaChanged(sessionId);
        }
    }

    /** Tells the other nodes a change of rights, if there are any. */
    void tellRightsChanged(String rightsNotice) {
        if (notices != null) {
            notices.rightsChanged(rightsNotice);
        }
    }

    /** Stops renewing and hearing; the holds themselves are let go with the sessions ({@link Ownership#close()}). */
    @Override
    public void close() {
        if (leases != null) {
            leases.close();
        }
        if (notices != null) {
            notices.close();
        }
    }
}
