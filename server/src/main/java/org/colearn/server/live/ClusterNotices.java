package org.colearn.server.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the node that owns a live session about changes made through another node (an agenda edited over REST),
 * with PostgreSQL's LISTEN/NOTIFY: the notice carries the session id only, the owner reads the rest.
 */
final class ClusterNotices implements AutoCloseable {

    static final String AGENDA = "colearn_agenda";
    private static final Logger log = LoggerFactory.getLogger(ClusterNotices.class);

    private final DataSource dataSource;
    private final Consumer<UUID> agendaChanged;
    private final Thread listener;
    private volatile boolean running = true;

    ClusterNotices(DataSource dataSource, Consumer<UUID> agendaChanged) {
        this.dataSource = dataSource;
        this.agendaChanged = agendaChanged;
        this.listener = new Thread(this::listen, "colearn-cluster-notices");
        listener.setDaemon(true);
        listener.start();
    }

    /** Tells every node that the session's agenda changed; its owner follows. */
    void agendaChanged(UUID sessionId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, AGENDA);
            notify.setString(2, sessionId.toString());
            notify.execute();
        } catch (SQLException e) {
            log.warn("could not tell the other nodes that session {} changed its agenda: {}", sessionId, e.getMessage());
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + AGENDA);
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
                    log.warn("listening for changes from other nodes failed; listening again: {}", e.getMessage());
                    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                }
            }
        }
    }

    private void deliver(String sessionId) {
        try {
            agendaChanged.accept(UUID.fromString(sessionId));
        } catch (RuntimeException e) {
            log.warn("could not apply a change to session {}", sessionId, e);
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
