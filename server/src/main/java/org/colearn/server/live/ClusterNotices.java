package org.colearn.server.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the nodes of a cluster what changed on another node, with PostgreSQL's LISTEN/NOTIFY: that a session's agenda
 * was edited (the owner reads the rest; a notice missed while not listening is caught by the owner's regular look at
 * the agenda), that a node took a session over (relays to its previous owner are closed), and {@link Rights}' notices
 * that someone's rights changed, to every node, whose connections follow.
 */
final class ClusterNotices implements AutoCloseable {

    static final String AGENDA = "colearn_agenda";
    static final String OWNER = "colearn_owner";
    static final String RIGHTS = "colearn_rights";
    private static final Logger log = LoggerFactory.getLogger(ClusterNotices.class);

    private final DataSource dataSource;
    private final Consumer<UUID> agendaChanged;
    private final BiConsumer<UUID, String> ownerChanged;
    private final Consumer<String> rightsChanged;
    private final Thread listener;
    private volatile boolean running = true;

    ClusterNotices(DataSource dataSource, Consumer<UUID> agendaChanged, BiConsumer<UUID, String> ownerChanged,
            Consumer<String> rightsChanged) {
        this.dataSource = dataSource;
        this.agendaChanged = agendaChanged;
        this.ownerChanged = ownerChanged;
        this.rightsChanged = rightsChanged;
        this.listener = new Thread(this::listen, "colearn-cluster-notices");
        listener.setDaemon(true);
        listener.start();
    }

    /** Tells every node that the session's agenda changed; its owner follows. */
    void agendaChanged(UUID sessionId) {
        notify(AGENDA, sessionId.toString());
    }

    /** Tells every node that the node at {@code ownerUrl} has taken the session over. */
    void ownerChanged(UUID sessionId, String ownerUrl) {
        notify(OWNER, sessionId + " " + ownerUrl);
    }

    /** Tells every node (this one too) a notice of {@link Rights}. */
    void rightsChanged(String notice) {
        notify(RIGHTS, notice);
    }

    private void notify(String channel, String payload) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, channel);
            notify.setString(2, payload);
            notify.execute();
        } catch (SQLException e) {
            log.warn("could not tell the other nodes on {}: {}", channel, e.getMessage());
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + AGENDA);
                    statement.execute("listen " + OWNER);
                    statement.execute("listen " + RIGHTS);
                }
                PGConnection notices = connection.unwrap(PGConnection.class);
                try {
                    while (running) {
                        PGNotification[] arrived = notices.getNotifications(1000);
                        for (PGNotification notice : arrived == null ? new PGNotification[0] : arrived) {
                            deliver(notice.getName(), notice.getParameter());
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

    private void deliver(String channel, String payload) {
        try {
            if (channel.equals(OWNER)) {
                int space = payload.indexOf(' ');
                ownerChanged.accept(UUID.fromString(payload.substring(0, space)), payload.substring(space + 1));
            } else if (channel.equals(RIGHTS)) {
                rightsChanged.accept(payload);
            } else {
                agendaChanged.accept(UUID.fromString(payload));
            }
        } catch (RuntimeException e) {
            log.warn("could not apply a notice on {}", channel, e);
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
