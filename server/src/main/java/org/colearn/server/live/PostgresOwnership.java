package org.colearn.server.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session ownership among nodes that share one PostgreSQL: a node owns a session while it holds a session-level
 * advisory lock on it, on one connection kept for the purpose. When the node dies, or its connection does,
 * PostgreSQL itself releases the locks, and another node can take the sessions over; no home-made consensus. The
 * {@code session_owner} row only says where the owner can be reached.
 */
final class PostgresOwnership implements Ownership {

    private static final Logger log = LoggerFactory.getLogger(PostgresOwnership.class);

    private final DataSource dataSource;
    private final String nodeUrl;
    private final Clock clock;
    private final Set<UUID> held = new HashSet<>();
    private Connection locks;
    private boolean lost;

    PostgresOwnership(DataSource dataSource, String nodeUrl, Clock clock) {
        this.dataSource = dataSource;
        this.nodeUrl = nodeUrl;
        this.clock = clock;
    }

    @Override
    public synchronized boolean tryOwn(UUID sessionId) {
        if (held.contains(sessionId)) {
            return !lost;
        }
        try {
            Connection connection = locks();
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                lock.setLong(1, key(sessionId));
                try (ResultSet result = lock.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        return false;
                    }
                }
            }
            held.add(sessionId);
            try (PreparedStatement advertise = connection.prepareStatement(
                    "insert into session_owner (session_id, node_url, since) values (?, ?, ?)"
                            + " on conflict (session_id) do update set node_url = excluded.node_url, since = excluded.since")) {
                advertise.setObject(1, sessionId);
                advertise.setString(2, nodeUrl);
                advertise.setTimestamp(3, Timestamp.from(clock.instant()));
                advertise.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            log.warn("could not take session {}: {}", sessionId, e.getMessage());
            return false;
        }
    }

    @Override
    public synchronized void release(UUID sessionId) {
        if (!held.remove(sessionId) || locks == null) {
            return;
        }
        try (PreparedStatement unlock = locks.prepareStatement("select pg_advisory_unlock(?)")) {
            unlock.setLong(1, key(sessionId));
            unlock.execute();
        } catch (SQLException e) {
            log.warn("could not release session {}: {}", sessionId, e.getMessage());
        }
    }

    @Override
    public Optional<String> owner(UUID sessionId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select node_url from session_owner where session_id = ?")) {
            query.setObject(1, sessionId);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            log.warn("could not read the owner of session {}: {}", sessionId, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Checks the connection that holds the locks. Once it has failed, every lock it held is gone (another node may
     * already own those sessions), so this node must let them go: holding stays false until the next {@link
     * #tryOwn} opens a new connection.
     */
    @Override
    public synchronized boolean holding() {
        if (lost) {
            return false;
        }
        if (locks == null) {
            return true;
        }
        try (Statement check = locks.createStatement()) {
            check.setQueryTimeout(5);
            check.execute("select 1");
            return true;
        } catch (SQLException e) {
            log.warn("lost the database connection that holds {} live session(s): {}", held.size(), e.getMessage());
            lost = true;
            return false;
        }
    }

    /** After a loss, forgets what was held, so that this node can own sessions again on a new connection. */
    synchronized void forgetLost() {
        closeQuietly();
        held.clear();
        lost = false;
    }

    @Override
    public synchronized void close() {
        held.clear();
        closeQuietly();
    }

    /**
     * Gives the lock connection back. A pooled connection keeps its session's advisory locks, so they are released
     * first; if that fails, the connection is aborted, which ends its database session and the locks with it.
     */
    private void closeQuietly() {
        if (locks == null) {
            return;
        }
        try (Statement unlock = locks.createStatement()) {
            unlock.setQueryTimeout(5);
            unlock.execute("select pg_advisory_unlock_all()");
            locks.close();
        } catch (SQLException e) {
            try {
                locks.abort(Runnable::run);
            } catch (SQLException | RuntimeException ignored) {
                log.debug("aborting the lock connection", ignored);
            }
        }
        locks = null;
    }

    private Connection locks() throws SQLException {
        if (locks == null || locks.isClosed()) {
            locks = dataSource.getConnection();
            locks.setAutoCommit(true);
        }
        return locks;
    }

    /** One 64-bit lock key per session; two sessions sharing one only means one node runs both. */
    static long key(UUID sessionId) {
        return sessionId.getMostSignificantBits() ^ sessionId.getLeastSignificantBits();
    }
}
