package org.colearn.server.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the other nodes of a cluster that someone's rights changed, with PostgreSQL's LISTEN/NOTIFY, so that their
 * open connections follow at once (a client may be connected, or relayed, through any node). A notice carries what
 * changed and an id only (an account, or a session whose guests were switched); each node reads the rest itself.
 */
final class RightsNotices implements AutoCloseable {

    static final String CHANNEL = "colearn_rights";
    static final String MEMBER = "member";
    static final String GUESTS = "guests";
    private static final Logger log = LoggerFactory.getLogger(RightsNotices.class);

    /** Tells this node's own notices from the others': it has acted on them already. */
    private final String node = UUID.randomUUID().toString();
    private final DataSource dataSource;
    private final BiConsumer<String, UUID> noticed;
    private final Thread listener;
    private volatile boolean running = true;

    RightsNotices(DataSource dataSource, BiConsumer<String, UUID> noticed) {
        this.dataSource = dataSource;
        this.noticed = noticed;
        this.listener = new Thread(this::listen, "colearn-rights-notices");
        listener.setDaemon(true);
        listener.start();
    }

    /** Tells every other node that {@code kind} changed for {@code id}. */
    void tell(String kind, UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, node + " " + kind + " " + id);
            notify.execute();
        } catch (SQLException e) {
            log.warn("could not tell the other nodes that rights changed ({}): {}", kind, e.getMessage());
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                PGConnection notices = connection.unwrap(PGConnection.class);
                try {
                    while (running) {
                        PGNotification[] arrived = notices.getNotifications(1000);
                        for (PGNotification notice : arrived == null ? new PGNotification[0] : arrived) {
                            deliver(notice.getParameter());
                        }
                    }
                } finally {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("unlisten *");
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("listening for rights changes from other nodes failed; listening again: {}", e.getMessage());
                    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                }
            }
        }
    }

    private void deliver(String notice) {
        String[] parts = notice.split(" ");
        if (parts.length != 3 || parts[0].equals(node)) {
            return;
        }
        try {
            noticed.accept(parts[1], UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            log.warn("could not apply a rights notice {}", parts[1], e);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            listener.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
