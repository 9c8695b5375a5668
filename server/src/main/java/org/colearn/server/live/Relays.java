package org.colearn.server.live;

import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;

/** This node's clients relayed to the owners of their sessions on other nodes, and the WebSocket client carrying them. */
final class Relays implements AutoCloseable {

    /** An owner that accepts the connection but never answers (paused) must not hold a client longer than this. */
    static final int HANDSHAKE_MILLIS = 5000;

    private final Clock clock;
    private final Timer lag;
    private final Map<Connection, Relay> relays = new ConcurrentHashMap<>();
    private volatile ClientManager sockets;

    Relays(Clock clock, Timer lag) {
        this.clock = clock;
        this.lag = lag;
    }

    /** Carries a client's connection to the owner of its session at {@code ownerUrl}, starting with its hello. */
    Relay open(String ownerUrl, UUID sessionId, Connection client, String hello) {
        Relay relay = new Relay(sessionId, ownerUrl, client, clock, lag);
        relays.put(client, relay);
        relay.open(sockets(), hello);
        return relay;
    }

    /** The client has gone. */
    void closed(Connection client) {
        relays.remove(client);
    }

    /** A node took the session over: clients relayed to another node reconnect, to reach it. */
    void ownerMoved(UUID sessionId, String ownerUrl) {
        relays.values().stream().filter(relay -> relay.sessionId.equals(sessionId)).forEach(relay -> relay.ownerMoved(ownerUrl));
    }

    /** The WebSocket client that relays connections to other nodes, made on first use. */
    private ClientManager sockets() {
        if (sockets == null) {
            synchronized (this) {
                if (sockets == null) {
                    ClientManager client = ClientManager.createClient();
                    client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, HANDSHAKE_MILLIS);
                    sockets = client;
                }
            }
        }
        return sockets;
    }

    @Override
    public void close() {
        if (sockets != null) {
            sockets.shutdown();
        }
    }
}
