package org.colearn.server.live;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which node runs each live session. On one node (H2) this node runs them all; with several nodes on one PostgreSQL,
 * exactly one holds each session at a time, on a lease it keeps renewing (see {@link PostgresOwnership}). Also the
 * {@link LogFence} of the log: a node that is no longer a session's owner cannot write to its log. Thread-safe.
 */
interface Ownership extends LogFence, AutoCloseable {

    /** Makes this node the session's owner if no node is; true if this node owns it now. */
    boolean tryOwn(UUID sessionId);

    /**
     * Ends the hold of another node on the session if its lease has run out (it stopped answering although its
     * connection is still open); true if it did, and the session is free to take.
     */
    boolean endStaleHold(UUID sessionId);

    /** Lets another node take the session. */
    void release(UUID sessionId);

    /** The address of the node that owns the session, as it advertised it, if any node does. */
    Optional<String> owner(UUID sessionId);

    /** Whether this node surely still owns the session now: it holds it and its lease has not run out. */
    boolean current(UUID sessionId);

    /** Renews the lease on every session this node holds; returns those it turned out not to hold any more. */
    Set<UUID> renew();

    /** Lets go of every session (on shutdown, so that other nodes take over at once). */
    @Override
    void close();

    /** The single node of an embedded database: it owns every session, and its writes need no fence. */
    static Ownership singleNode() {
        return new Ownership() {
            @Override
            public boolean tryOwn(UUID sessionId) {
                return true;
            }

            @Override
            public boolean endStaleHold(UUID sessionId) {
                return false;
            }

            @Override
            public void release(UUID sessionId) {}

            @Override
            public Optional<String> owner(UUID sessionId) {
                return Optional.empty();
            }

            @Override
            public boolean current(UUID sessionId) {
                return true;
            }

            @Override
            public Set<UUID> renew() {
                return Set.of();
            }

            @Override
            public void check(java.sql.Connection transaction, UUID sessionId) {}

            @Override
            public void close() {}
        };
    }
}
