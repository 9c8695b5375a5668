package org.colearn.server.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.colearn.server.system.Json;

/**
 * The durable log of live-session events, and the snapshots of each session's whole state beside it. Appends are
 * batched: one transaction for everything a session applied while its previous write was in flight, with a snapshot
 * when one is due. The primary key {@code (session_id, seq)} makes a forked log impossible.
 */
final class EventLog {

    private final DataSource dataSource;
    private final LogFence fence;

    EventLog(DataSource dataSource, LogFence fence) {
        this.dataSource = dataSource;
        this.fence = fence;
    }

    /**
     * An event to write, with the client command it came from (for recognising retries after a restart); an event of a
     * message an activity marks unattributed is {@code unattributed}: it is kept with only the week it happened in.
     */
    record Entry(Event event, String clientId, String clientRef, boolean unattributed) {}

    /** A logged event as read back. */
    record Logged(Event event, String clientId, String clientRef) {}

    /** The whole state of a session as of event {@code seq}, as {@link SessionState#snapshot} wrote it. */
    record Snapshot(long seq, String state) {}

    /** What a session is restored from: its latest snapshot (null when it has none), the events after it. */
    record Stored(Snapshot snapshot, List<Logged> tail) {}

    /**
     * Writes a batch of events and, when given, a snapshot of the state they lead to, in one transaction; older
     * snapshots of the session go in the same transaction. Returns how many characters of event bodies it wrote.
     */
    long append(UUID sessionId, List<Entry> entries, Snapshot snapshot) throws SQLException {
        if (entries.isEmpty()) {
            return 0;
        }
        long written = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into session_event (session_id, seq, type, audience, body, client_id, client_ref, created_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                fence.check(connection, sessionId);
                for (Entry entry : entries) {
                    Event event = entry.event();
                    String body = write(event.body());
                    written += body.length();
                    insert.setObject(1, sessionId);
                    insert.setLong(2, event.seq());
                    insert.setString(3, event.type());
                    insert.setString(4, event.audience().wire());
                    insert.setString(5, body);
                    insert.setString(6, entry.clientId());
                    insert.setString(7, entry.clientRef());
                    insert.setTimestamp(8, Timestamp.from(entry.unattributed() ? weekOf(event.at()) : event.at()));
                    insert.addBatch();
                }
                insert.executeBatch();
                if (snapshot != null) {
                    Entry last = entries.get(entries.size() - 1);
                    writeSnapshot(connection, sessionId, snapshot, last.unattributed() ? weekOf(last.event().at()) : last.event().at());
                }
                updateStatus(connection, sessionId, entries);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        return written;
    }

    private static void writeSnapshot(Connection connection, UUID sessionId, Snapshot snapshot, java.time.Instant at)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                        "insert into session_snapshot (session_id, seq, state, created_at) values (?, ?, ?, ?)");
                PreparedStatement older = connection.prepareStatement(
                        "delete from session_snapshot where session_id = ? and seq < ?")) {
            insert.setObject(1, sessionId);
            insert.setLong(2, snapshot.seq());
            insert.setString(3, snapshot.state());
            insert.setTimestamp(4, Timestamp.from(at));
            insert.executeUpdate();
            older.setObject(1, sessionId);
            older.setLong(2, snapshot.seq());
            older.executeUpdate();
        }
    }

    /** The session's latest snapshot and the events after it. */
    Stored stored(UUID sessionId) throws SQLException {
        Snapshot snapshot = null;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select seq, state from session_snapshot where session_id = ? order by seq desc fetch first 1 rows only")) {
            select.setObject(1, sessionId);
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    snapshot = new Snapshot(rows.getLong(1), rows.getString(2));
                }
            }
        }
        return new Stored(snapshot, since(sessionId, snapshot == null ? 0 : snapshot.seq()));
    }

    /**
     * The command refs of the latest attributed events before {@code upToSeq}, oldest first, so that a client that
     * retries a command after a restart is answered again even when its event is older than the snapshot.
     */
    List<Logged> recentRefs(UUID sessionId, long upToSeq) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select seq, client_id, client_ref from session_event where session_id = ? and seq <= ?"
                                + " and client_ref is not null order by seq desc fetch first " + REFS_RESTORED + " rows only")) {
            select.setObject(1, sessionId);
            select.setLong(2, upToSeq);
            List<Logged> refs = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    refs.add(new Logged(new Event(rows.getLong(1), null, null, null, null), rows.getString(2), rows.getString(3)));
                }
            }
            java.util.Collections.reverse(refs);
            return refs;
        }
    }

    /** How many of the latest command refs come back with a session restored from a snapshot. */
    static final int REFS_RESTORED = 20_000;

    /**
     * Keeps {@code learning_session.status} in step with the log, in the same transaction, so that the running
     * sessions can be found by an index rather than by reading every session's events.
     */
    private static void updateStatus(Connection connection, UUID sessionId, List<Entry> entries) throws SQLException {
        String status = null;
        for (Entry entry : entries) {
            switch (entry.event().type()) {
                case "session.started" -> status = "live";
                case "session.ended" -> status = "ended";
                default -> {
                    // Other events leave the status as it is.
                }
            }
        }
        if (status == null) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("update learning_session set status = ? where id = ?")) {
            update.setString(1, status);
            update.setObject(2, sessionId);
            update.executeUpdate();
        }
    }

    /** The sessions that have started and not ended: those a node must run, or take over when their owner has gone. */
    List<UUID> running() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select id from learning_session where status = 'live' and unloaded_at is null")) {
            List<UUID> running = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    running.add(rows.getObject(1, UUID.class));
                }
            }
            return running;
        }
    }

    /** Marks a running session as left out of memory for want of anyone in it: no node needs to run it until a hello. */
    void unloaded(UUID sessionId, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update learning_session set unloaded_at = ? where id = ? and status = 'live'")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setObject(2, sessionId);
            update.executeUpdate();
        }
    }

    /** Whether the session left memory for want of anyone in it, and nobody has come back to it since. */
    boolean unloaded(UUID sessionId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select 1 from learning_session where id = ? and unloaded_at is not null")) {
            select.setObject(1, sessionId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** A node runs the session again. */
    void loaded(UUID sessionId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update learning_session set unloaded_at = null where id = ? and unloaded_at is not null")) {
            update.setObject(1, sessionId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark session " + sessionId + " as running", e);
        }
    }

    /** Whether the session has started and not ended. */
    boolean running(UUID sessionId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select 1 from learning_session where id = ? and status = 'live'")) {
            select.setObject(1, sessionId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * Whether a failed append failed because its sequence numbers are taken (a unique-key violation, SQLSTATE 23505,
     * which a batch may report on the exception it chains), or the {@link LogFence} refused it: another writer has
     * appended to the session's log, or has taken it over.
     */
    static boolean writtenByAnother(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (SQLException e = cause instanceof SQLException sql ? sql : null; e != null; e = e.getNextException()) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState()) || LogFence.FENCED.equals(e.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final String UNIQUE_VIOLATION = "23505";

    /** Every event after {@code afterSeq}, in order. */
    List<Logged> since(UUID sessionId, long afterSeq) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select seq, type, audience, body, client_id, client_ref, created_at from session_event"
                                + " where session_id = ? and seq > ? order by seq")) {
            select.setObject(1, sessionId);
            select.setLong(2, afterSeq);
            List<Logged> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Event event = new Event(
                            rows.getLong(1),
                            rows.getString(2),
                            Audience.parse(rows.getString(3)),
                            (ObjectNode) Json.MAPPER.readTree(rows.getString(4)),
                            rows.getTimestamp(7).toInstant());
                    events.add(new Logged(event, rows.getString(5), rows.getString(6)));
                }
            } catch (JsonProcessingException e) {
                throw new SQLException("an event body in the log is not JSON", e);
            }
            return events;
        }
    }

    /**
     * The results activities of this type published in the collaborative's other sessions, oldest session first (by
     * planned start, then by when they were first published): the last one under each title of each session.
     */
    List<JsonNode> results(UUID collaborativeId, UUID exceptSessionId, String typeId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select e.session_id, e.body from session_event e join learning_session s on s.id = e.session_id"
                                + " where s.collaborative_id = ? and e.session_id <> ? and e.type = 'activity.result'"
                                + " order by s.starts_at, e.session_id, e.seq")) {
            select.setObject(1, collaborativeId);
            select.setObject(2, exceptSessionId);
            java.util.Map<String, JsonNode> results = new java.util.LinkedHashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    JsonNode body = Json.MAPPER.readTree(rows.getString(2));
                    if (typeId.equals(body.path("type").asText())) {
                        results.put(rows.getString(1) + "\n" + body.path("title").asText(), body.path("result"));
                    }
                }
            } catch (JsonProcessingException e) {
                throw new SQLException("a result in the log is not JSON", e);
            }
            return List.copyOf(results.values());
        }
    }

    /** Monday 00:00 UTC of the instant's week: no exact time that could be set beside the sender's other actions. */
    private static java.time.Instant weekOf(java.time.Instant at) {
        java.time.LocalDate day = at.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        return day.minusDays(day.getDayOfWeek().getValue() - 1L).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    private static String write(ObjectNode body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event body could not be written as JSON", e);
        }
    }
}
