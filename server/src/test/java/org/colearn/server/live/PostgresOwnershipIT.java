package org.colearn.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestDatabase;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two owners of one PostgreSQL's sessions, as two nodes hold them, with a short lease: an owner whose lease ran
 * out is replaced, and from then on every write it tries is refused in its own transaction; a takeover waits for a
 * write under way, so the new owner reads it.
 */
@Timeout(60)
class PostgresOwnershipIT {

    static final Duration LEASE = Duration.ofSeconds(3);

    TestServer server;
    DataSource dataSource;
    UUID sessionId;
    PostgresOwnership first;
    PostgresOwnership second;

    @BeforeEach
    void twoOwners() {
        assumeTrue(TestDatabase.onPostgresql(), "ownership among nodes needs PostgreSQL");
        server = TestServer.start();
        dataSource = server.dataSource();
        People.FacilitatorAndNurse people = People.facilitatorAndNurse(server.api());
        sessionId = UUID.fromString(People.session(server.api().as(people.facilitatorToken()), people.collaborativeId(),
                "Learning session 6", 60, List.of(LiveClient.agendaItem("Welcome", "plenary", 10))));
        first = new PostgresOwnership(dataSource, "http://10.0.0.1:8080", server.clock(), LEASE, System::nanoTime);
        second = new PostgresOwnership(dataSource, "http://10.0.0.2:8080", server.clock(), LEASE, System::nanoTime);
    }

    @AfterEach
    void stop() {
        if (second != null) {
            second.close();
            first.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anOwnerWhoseLeaseRanOutIsReplacedAndNoneOfItsWritesIsKeptAfterwards() throws Exception {
        assertTrue(first.tryOwn(sessionId));
        append(first, 1, "written by the first owner");
        assertFalse(second.tryOwn(sessionId), "the session is held");
        assertFalse(second.endStaleHold(sessionId), "a lease that runs is not ended");

        // The first owner stops renewing, as a paused node does; once its lease has run out it is replaced.
        await(() -> !first.current(sessionId), "the first owner's lease runs out");
        await(() -> second.endStaleHold(sessionId), "the second owner ends the first one's hold");
        assertTrue(second.tryOwn(sessionId), "the second owner takes the session");
        assertEquals(List.of("http://10.0.0.2:8080"), owners(), "the new owner is advertised");

        SQLException refused = assertThrows(SQLException.class, () -> append(first, 2, "written by a replaced owner"));
        assertEquals(LogFence.FENCED, refused.getSQLState(), refused::toString);
        assertTrue(EventLog.writtenByAnother(refused), "the live session hands its clients over on this failure");
        append(second, 2, "written by the second owner");
        assertEquals(List.of("written by the first owner", "written by the second owner"), logged(), "the log has no write of the replaced owner");
        assertEquals(Set.of(sessionId), first.renew(), "the first owner finds out when it renews");
        assertFalse(first.current(sessionId));
        assertTrue(second.current(sessionId));
    }

    @Test
    void aTakeoverWaitsForTheWriteUnderWayOfTheOwnerItReplacesAndThenRefusesItsNext() throws Exception {
        assertTrue(first.tryOwn(sessionId));
        // A write that starts as the lease runs out, and is still under way when another owner takes over.
        await(() -> !first.current(sessionId), "the first owner's lease runs out");
        try (Connection writing = dataSource.getConnection()) {
            writing.setAutoCommit(false);
            first.check(writing, sessionId);
            insert(writing, 1, "under way while the lease runs out");

            await(() -> second.endStaleHold(sessionId), "the second owner ends the first one's hold");
            CompletableFuture<Boolean> takeover = CompletableFuture.supplyAsync(() -> second.tryOwn(sessionId));
            await(this::aTakeoverWaitsForARowLock, "the takeover waits for the write under way");
            assertFalse(takeover.isDone(), "the takeover waits");
            writing.commit();
            assertTrue(takeover.get(10, TimeUnit.SECONDS), "the takeover goes on once the write has committed");
        }
        assertThrows(SQLException.class, () -> append(first, 2, "written by a replaced owner"));
        assertEquals(List.of("under way while the lease runs out"), logged());
    }

    /** One write to the log, as {@link EventLog#append} makes it: the fence, then the insert, in one transaction. */
    private void append(PostgresOwnership owner, long seq, String text) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                owner.check(connection, sessionId);
                insert(connection, seq, text);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private void insert(Connection connection, long seq, String text) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into session_event (session_id, seq, type, audience, body, created_at) values (?, ?, 'chat.message', 'everyone', ?, ?)")) {
            insert.setObject(1, sessionId);
            insert.setLong(2, seq);
            insert.setString(3, "{\"text\":\"" + text + "\"}");
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    private boolean aTakeoverWaitsForARowLock() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement waiting = connection.prepareStatement(
                        "select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like '%into session_owner%'"
                                + " and datname = current_database()")) {
            try (ResultSet rows = waiting.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> logged() throws SQLException {
        return column("select body from session_event where session_id = ? order by seq").stream()
                .map(body -> body.replaceAll("^\\{\"text\": ?\"|\"}$", ""))
                .toList();
    }

    private List<String> owners() throws SQLException {
        return column("select node_url from session_owner where session_id = ?");
    }

    private List<String> column(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, sessionId);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + ": not within 10 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }
}
