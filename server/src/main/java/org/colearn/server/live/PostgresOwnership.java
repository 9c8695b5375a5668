package org.colearn.server.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session ownership among nodes that share one PostgreSQL. A node owns a session while it holds a session-level
 * advisory lock on it, on one connection kept for the purpose, so that PostgreSQL itself frees the session at once
 * when the node dies. Its {@code session_owner} row says where the owner can be reached, carries a lease that the
 * owner renews four times a lease (see {@link Leases}), and an epoch that every takeover raises. A node whose lease
 * has run out (paused, hung, cut off from the database while its connection stays open) has its lock connection ended
 * by the node that replaces it; and since every append checks the epoch in its own transaction ({@link #check}), a
 * replaced node can never write to the log again, even before it notices. No home-made consensus: the row lock orders
 * each takeover after every append that passed the check.
 */
final class PostgresOwnership implements Ownership {

    private static final Logger log = LoggerFactory.getLogger(PostgresOwnership.class);

    /** How long a lease lasts when the environment does not say: a stopped owner is replaced within about 8 s. */
    static final Duration DEFAULT_LEASE = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final String nodeUrl;
    private final Clock clock;
    private final Duration lease;
    private final LongSupplier nanos;
    /** The sessions this node holds, by id: the epoch it took each at, and until when (nanos) its lease surely runs. */
    private final Map<UUID, Hold> held = new ConcurrentHashMap<>();
    private Connection locks;

    private static final class Hold {
        final long epoch;
        volatile long validUntil;

        Hold(long epoch, long validUntil) {
            this.epoch = epoch;
            this.validUntil = validUntil;
        }
    }

    PostgresOwnership(DataSource dataSource, String nodeUrl, Clock clock, Duration lease, LongSupplier nanos) {
        this.dataSource = dataSource;
        this.nodeUrl = nodeUrl;
        this.clock = clock;
        this.lease = lease;
        this.nanos = nanos;
    }

    /** The lease from {@code COLEARN_LEASE_SECONDS} (a whole number, at least 1), or {@link #DEFAULT_LEASE}. */
    static Duration lease(Map<String, String> env) {
        String value = env.get("COLEARN_LEASE_SECONDS");
        if (value == null || value.isBlank()) {
            return DEFAULT_LEASE;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds >= 1) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw new IllegalArgumentException("COLEARN_LEASE_SECONDS must be a whole number of seconds, at least 1; got '" + value + "'");
    }

    @Override
    public synchronized boolean tryOwn(UUID sessionId) {
        if (held.containsKey(sessionId)) {
            return true;
        }
        try {
            Connection connection = locks();
            if (!lock(connection, sessionId)) {
                return false;
            }
            long started = nanos.getAsLong();
            try {
                held.put(sessionId, new Hold(takeOver(connection, sessionId), started + lease.toNanos()));
            } catch (SQLException e) {
                unlock(sessionId);
                throw e;
            }
            return true;
        } catch (SQLException e) {
            log.warn("could not take session {}: {}", sessionId, e.getMessage());
            forgetBrokenConnection();
            return false;
        }
    }

    private static boolean lock(Connection connection, UUID sessionId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, key(sessionId));
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /**
     * Raises the session's epoch and advertises this node, with a fresh lease; returns the new epoch. The row lock
     * waits for an append of the previous owner that is under way (it has passed its check and will commit), but no
     * longer than a lease: an append paused halfway is ended by the database after a lease of idleness.
     */
    private long takeOver(Connection connection, UUID sessionId) throws SQLException {
        connection.setAutoCommit(false);
        try {
            try (PreparedStatement timeout = connection.prepareStatement("select set_config('lock_timeout', ?, true)")) {
                timeout.setString(1, Long.toString(lease.toMillis()));
                timeout.execute();
            }
            long epoch;
            try (PreparedStatement advertise = connection.prepareStatement(
                    "insert into session_owner (session_id, node_url, since, epoch, lease_until)"
                            + " values (?, ?, ?, 1, now() + ? * interval '1 millisecond')"
                            + " on conflict (session_id) do update set node_url = excluded.node_url, since = excluded.since,"
                            + " epoch = session_owner.epoch + 1, lease_until = excluded.lease_until"
                            + " returning epoch")) {
                advertise.setObject(1, sessionId);
                advertise.setString(2, nodeUrl);
                advertise.setTimestamp(3, Timestamp.from(clock.instant()));
                advertise.setLong(4, lease.toMillis());
                try (ResultSet result = advertise.executeQuery()) {
                    result.next();
                    epoch = result.getLong(1);
                }
            }
            connection.commit();
            return epoch;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    @Override
    public synchronized boolean endStaleHold(UUID sessionId) {
        try {
            Connection connection = locks();
            try (PreparedStatement stale = connection.prepareStatement(
                    "select 1 from session_owner where session_id = ? and lease_until < now()")) {
                stale.setObject(1, sessionId);
                try (ResultSet rows = stale.executeQuery()) {
                    if (!rows.next()) {
                        return false;
                    }
                }
            }
            long key = key(sessionId);
            // Ending the holder's database session frees its advisory locks; it waits up to a lease for it to end.
            try (PreparedStatement end = connection.prepareStatement(
                    "select pg_terminate_backend(pid, ?) from pg_locks where locktype = 'advisory' and granted"
                            + " and database = (select oid from pg_database where datname = current_database())"
                            + " and classid = ?::bigint::oid and objid = ?::bigint::oid and objsubid = 1"
                            + " and pid <> pg_backend_pid()")) {
                end.setLong(1, lease.toMillis());
                end.setLong(2, key >>> 32);
                end.setLong(3, key & 0xffffffffL);
                boolean ended = false;
                try (ResultSet rows = end.executeQuery()) {
                    while (rows.next()) {
                        ended |= rows.getBoolean(1);
                    }
                }
                if (ended) {
                    log.warn("session {}: its owner stopped renewing its lease; ended its hold on the database", sessionId);
                }
                return ended;
            }
        } catch (SQLException e) {
            log.warn("could not end a stale hold on session {}: {}", sessionId, e.getMessage());
            forgetBrokenConnection();
            return false;
        }
    }

    @Override
    public synchronized void release(UUID sessionId) {
        Hold hold = held.remove(sessionId);
        if (hold == null || locks == null) {
            return;
        }
        // The lease ends with the hold, so that no node waits for it; the epoch stays, for the next owner to raise.
        try (PreparedStatement expire = locks.prepareStatement(
                "update session_owner set lease_until = now() where session_id = ? and epoch = ?")) {
            expire.setObject(1, sessionId);
            expire.setLong(2, hold.epoch);
            expire.executeUpdate();
        } catch (SQLException e) {
            log.warn("could not end the lease on session {}: {}", sessionId, e.getMessage());
        }
        unlock(sessionId);
    }

    private void unlock(UUID sessionId) {
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
     * Whether the lease surely still runs: it was renewed, by this node's monotonic clock, less than a lease ago. The
     * database's lease began after that renewal started, so no other node can have taken the session yet.
     */
    @Override
    public boolean current(UUID sessionId) {
        Hold hold = held.get(sessionId);
        return hold != null && nanos.getAsLong() - hold.validUntil < 0;
    }

    /**
     * Renews every lease on the lock connection, which checks that connection too. A session whose epoch has moved on
     * was taken over; if the connection failed, every lock it held is gone (another node may already own those
     * sessions), so they are all given up, and the next {@link #tryOwn} opens a new connection.
     */
    @Override
    public synchronized Set<UUID> renew() {
        if (held.isEmpty()) {
            return Set.of();
        }
        long started = nanos.getAsLong();
        List<UUID> sessions = new ArrayList<>(held.keySet());
        try (PreparedStatement renew = locks().prepareStatement(
                "update session_owner set lease_until = now() + ? * interval '1 millisecond' where session_id = ? and epoch = ?")) {
            renew.setQueryTimeout((int) Math.max(1, lease.toSeconds()));
            for (UUID sessionId : sessions) {
                renew.setLong(1, lease.toMillis());
                renew.setObject(2, sessionId);
                renew.setLong(3, held.get(sessionId).epoch);
                renew.addBatch();
            }
            int[] renewed = renew.executeBatch();
            Set<UUID> lost = new HashSet<>();
            for (int i = 0; i < sessions.size(); i++) {
                UUID sessionId = sessions.get(i);
                if (renewed[i] == 0) {
                    lost.add(sessionId);
                    held.remove(sessionId);
                    unlock(sessionId);
                } else {
                    held.get(sessionId).validUntil = started + lease.toNanos();
                }
            }
            if (!lost.isEmpty()) {
                log.warn("{} live session(s) were taken over by another node", lost.size());
            }
            return lost;
        } catch (SQLException e) {
            log.warn("lost the database connection that holds {} live session(s): {}", held.size(), e.getMessage());
            Set<UUID> lost = Set.copyOf(held.keySet());
            held.clear();
            closeQuietly();
            return lost;
        }
    }

    /**
     * The fence of the log: in the append's transaction, the session's epoch must still be the one this node took it
     * at. The share lock on the row makes a takeover (which raises the epoch) wait until the append has committed, so
     * the new owner reads the log with it; an append that comes after the takeover finds the new epoch and is refused.
     * The append's transaction may not sit idle longer than a lease, so a node paused halfway cannot block a takeover.
     */
    @Override
    public void check(Connection transaction, UUID sessionId) throws SQLException {
        Hold hold = held.get(sessionId);
        if (hold == null) {
            throw fenced(sessionId);
        }
        try (PreparedStatement check = transaction.prepareStatement(
                "select epoch, set_config('idle_in_transaction_session_timeout', ?, true) from session_owner"
                        + " where session_id = ? for share")) {
            check.setString(1, Long.toString(lease.toMillis()));
            check.setObject(2, sessionId);
            try (ResultSet row = check.executeQuery()) {
                if (!row.next() || row.getLong(1) != hold.epoch) {
                    throw fenced(sessionId);
                }
            }
        }
    }

    private static SQLException fenced(UUID sessionId) {
        return new SQLException("session " + sessionId + " is owned by another node now", LogFence.FENCED);
    }

    /**
     * After a failure, a lock connection that holds nothing is opened afresh next time (it may have been ended); one
     * that holds sessions is left to the next {@link #renew}, which gives those up if it has indeed failed.
     */
    private void forgetBrokenConnection() {
        if (held.isEmpty()) {
            closeQuietly();
        }
    }

    @Override
    public synchronized void close() {
        for (UUID sessionId : List.copyOf(held.keySet())) {
            release(sessionId);
        }
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
