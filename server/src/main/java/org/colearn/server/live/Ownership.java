package org.colearn.server.live;

import java.util.Optional;
import java.util.UUID;

/**
 * Which node runs each live session. On one node (H2) this node runs them all; with several nodes on one PostgreSQL,
 * exactly one holds each session at a time (see {@link PostgresOwnership}). Thread-safe.
 */
interface Ownership extends AutoCloseable {

    /** Makes this node the session's owner if no node is; true if this node owns it now. */
    boolean tryOwn(UUID sessionId);

    /** Lets another node take the session. */
    void release(UUID sessionId);

    /** The address of the node that owns the session, as it advertised it, if any node does. */
    Optional<String> owner(UUID sessionId);

    /** Whether this node still holds what it owned; false once its hold on the database is lost. */
    boolean holding();

    /** Lets go of every session (on shutdown, so that other nodes take over at once). */
    @Override
    void close();

    /** The single node of an embedded database: it owns every session. */
    static Ownership singleNode() {
        return new Ownership() {
            @Override
            public boolean tryOwn(UUID sessionId) {
                return true;
            }

            @Override
            public void release(UUID sessionId) {}

            @Override
            public Optional<String> owner(UUID sessionId) {
                return Optional.empty();
            }

            @Override
            public boolean holding() {
                return true;
            }

            @Override
            public void close() {}
        };
    }
}
