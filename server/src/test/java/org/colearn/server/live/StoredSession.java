package org.colearn.server.live;

import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.colearn.server.testing.ServerProcess;
import org.colearn.server.testing.TestDatabase;

/** What the database holds about one live session, read straight from it by tests of several nodes: its log, its owner. */
record StoredSession(TestDatabase database, String sessionId) {

    record Logged(long seq, String type, String audience, String body) {}

    /** Every event of the session's log, in order. */
    List<Logged> log() throws SQLException {
        try (var connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                PreparedStatement query = connection.prepareStatement(
                        "select seq, type, audience, body from session_event where session_id = ? order by seq")) {
            query.setObject(1, UUID.fromString(sessionId));
            List<Logged> log = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    log.add(new Logged(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
            return log;
        }
    }

    /** The address of the node that owns the session, as it advertised it. */
    Optional<String> owner() throws SQLException {
        try (var connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                PreparedStatement query = connection.prepareStatement("select node_url from session_owner where session_id = ?")) {
            query.setObject(1, UUID.fromString(sessionId));
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** The address a node advertises. */
    static String url(ServerProcess node) {
        return "http://127.0.0.1:" + node.port();
    }
}
