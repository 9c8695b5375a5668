package org.colearn.server.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * What every append to the {@link EventLog} checks inside its own transaction, before its inserts: that this node may
 * still write the session's log. It throws an {@link SQLException} with SQLSTATE {@link #FENCED} when another node
 * owns the session now, and keeps whoever would replace this node waiting until the append has committed.
 */
interface LogFence {

    /** The SQLSTATE of an append refused by the fence. */
    String FENCED = "CL001";

    void check(Connection transaction, UUID sessionId) throws SQLException;
}
