package org.colearn.server.live;

import jakarta.websocket.CloseReason;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The live connections open on this node, relayed or not: closes those that have gone silent, and asks them all to
 * reconnect elsewhere when the server stops.
 */
final class OpenConnections {

    /** Clients ping at least every {@value #PING_SECONDS} s; one silent for {@value #SILENT_SECONDS} s is dead. */
    static final int PING_SECONDS = 20;
    static final int SILENT_SECONDS = 60;
    static final CloseReason.CloseCode SILENT = CloseReason.CloseCodes.getCloseCode(4001);

    private final Set<Connection> open = ConcurrentHashMap.newKeySet();

    /** Every open connection, as a live set that the rights watcher and the metrics read. */
    Set<Connection> all() {
        return open;
    }

    void opened(Connection connection) {
        open.add(connection);
    }

    void closed(Connection connection) {
        open.remove(connection);
    }

    /** Closes every connection that has not been heard from for {@value #SILENT_SECONDS} s. */
    void closeSilent() {
        long limit = TimeUnit.SECONDS.toNanos(SILENT_SECONDS);
        for (Connection connection : open) {
            if (connection.silentForNanos() > limit) {
                open.remove(connection);
                connection.closeLater(SILENT, "No ping for " + SILENT_SECONDS + " s; reconnect to resume.");
            }
        }
    }

    /**
     * Asks every client of this node, relayed or not, to reconnect elsewhere (1012), and waits a moment for the
     * closes to go out, before the server closes its sockets (which clients would see as 1006, an abnormal end).
     */
    void closeAll() {
        for (Connection connection : List.copyOf(open)) {
            connection.closeLater(Relay.MOVED, "This server is stopping; reconnecting.");
        }
        Instant deadline = Instant.now().plusSeconds(2);
        while (!open.isEmpty() && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
