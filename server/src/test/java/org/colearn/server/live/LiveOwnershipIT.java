package org.colearn.server.live;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestDatabase;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two nodes on one PostgreSQL in one JVM, for what happens between a session's owner and another node: the owner
 * losing its lock connection while the other node takes the session over, and an owner that cannot be reached.
 */
@Timeout(60)
class LiveOwnershipIT {

    TestServer first;
    TestServer second;
    String sessionId;
    String facilitatorToken;
    String nadiaToken;

    @BeforeEach
    void startTwoNodes() {
        assumeTrue(TestDatabase.onPostgresql(), "two nodes share one PostgreSQL");
        first = TestServer.start();
        second = first.anotherNode();
        Api api = first.api();
        People.FacilitatorAndNurse people = People.facilitatorAndNurse(api);
        facilitatorToken = people.facilitatorToken();
        nadiaToken = people.nurseToken();
        Api facilitator = api.as(facilitatorToken);
        String collaborative = people.collaborativeId();
        sessionId = People.session(facilitator, collaborative, "Learning session 4", 60, List.of(LiveClient.agendaItem("Welcome", "plenary", 10)));
    }

    @AfterEach
    void stopNodes() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void aNodeThatLostItsLockHandsTheSessionToTheNewOwnerAndWritesNothingMoreInsteadOfForkingTheLog() throws Exception {
        try (LiveClient fiona = LiveClient.join(first, sessionId, facilitatorToken, "fiona-laptop", null)) {
            assertTrue(fiona.request("session.start", bodyOf()).path("ok").asBoolean());
            terminateLockConnection();

            try (LiveClient nadia = LiveClient.join(second, sessionId, nadiaToken, "nadia-phone", null)) {
                assertEquals(second.baseUrl().replaceAll("/$", ""), owner(), "the second node took the free session over");
                long nadias = nadia.request("chat.send", bodyOf("text", "Morning from Ashford")).path("body").path("seq").asLong();

                // The first node finds out from the second node's notice, or at the latest at its next write, which the
                // raised epoch refuses in the write's own transaction.
                try {
                    fiona.sendWithRef("chat.send", "late", bodyOf("text", "Written by a node that no longer owns the session"));
                } catch (IllegalStateException alreadyClosed) {
                    // Told to reconnect before it could send.
                }
                assertEquals(1012, fiona.awaitClose().getCloseCode().getCode(), "told to reconnect, to reach the owner");
                assertTrue(fiona.frames().stream().noneMatch(frame -> frame.path("re").asText().equals("late") && frame.path("ok").asBoolean()),
                        "the message to the node that lost the session is not acknowledged: " + fiona.frames());

                // Reconnecting to the same node now reaches the owner through it.
                try (LiveClient again = LiveClient.join(first, sessionId, facilitatorToken, "fiona-tablet", 1L)) {
                    JsonNode after = again.request("chat.send", bodyOf("text", "Back, through the first node"));
                    assertTrue(after.path("ok").asBoolean(), after::toString);
                    assertEquals(nadias + 1, after.path("body").path("seq").asLong(), "written by the owner, after Nadia's message");
                    nadia.awaitSeq(nadias + 1);
                }
                assertEquals(List.of("session.started", "chat.message", "chat.message"), loggedTypes(), "one log, no fork");
                assertTrue(logged().get(1).contains("Morning from Ashford") && logged().get(2).contains("Back, through the first node"),
                        "the refused message is not in the log: " + logged());
            }
        }
    }

    @Test
    void aRestMessageSentToAnotherNodeWhileTheOwnerCannotBeReachedAsksTheCallerToTryAgain() throws Exception {
        try (LiveClient fiona = LiveClient.join(first, sessionId, facilitatorToken, "fiona-laptop", null)) {
            assertTrue(fiona.request("session.start", bodyOf()).path("ok").asBoolean());
            // The owner still holds the session, but the address it advertised leads nowhere (a network partition).
            try (Connection connection = second.dataSource().getConnection();
                    PreparedStatement move = connection.prepareStatement("update session_owner set node_url = ? where session_id = ?")) {
                move.setString(1, "http://127.0.0.1:" + closedPort());
                move.setObject(2, UUID.fromString(sessionId));
                assertEquals(1, move.executeUpdate());
            }

            Api.Reply reply = second.api().as(nadiaToken).post("sessions/" + sessionId + "/live/messages",
                    Map.of("type", "poll.vote", "body", Map.of("choices", List.of(0))));

            assertEquals(503, reply.status(), reply::toString);
            assertEquals("owner_unavailable", reply.json().path("error").path("code").asText(), reply::toString);
            assertEquals("2", reply.header("Retry-After"), "says when to try again");
            assertEquals(List.of("session.started"), loggedTypes(), "nothing was applied");
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Ends the first node's lock connection from the database side, as a network failure would. */
    private void terminateLockConnection() throws SQLException {
        long key = PostgresOwnership.key(UUID.fromString(sessionId));
        try (Connection connection = second.dataSource().getConnection();
                PreparedStatement terminate = connection.prepareStatement(
                        "select pg_terminate_backend(pid, 5000) from pg_locks where locktype = 'advisory'"
                                + " and database = (select oid from pg_database where datname = current_database())"
                                + " and classid = ?::bigint::oid and objid = ?::bigint::oid and objsubid = 1")) {
            terminate.setLong(1, key >>> 32);
            terminate.setLong(2, key & 0xffffffffL);
            try (ResultSet rows = terminate.executeQuery()) {
                assertTrue(rows.next() && rows.getBoolean(1), "the first node's lock connection was found and ended");
            }
        }
    }

    private String owner() throws SQLException {
        try (Connection connection = second.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("select node_url from session_owner where session_id = ?")) {
            query.setObject(1, UUID.fromString(sessionId));
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private List<String> loggedTypes() throws SQLException {
        return query("select type from session_event where session_id = ? order by seq");
    }

    private List<String> logged() throws SQLException {
        return query("select body from session_event where session_id = ? order by seq");
    }

    private List<String> query(String sql) throws SQLException {
        DataSource dataSource = second.dataSource();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, UUID.fromString(sessionId));
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
