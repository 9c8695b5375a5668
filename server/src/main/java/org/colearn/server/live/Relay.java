package org.colearn.server.live;

import io.micrometer.core.instrument.Timer;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.client.ClientManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries one client's connection to the node that owns its session, when the client reached another node: the
 * client's frames go up as they came, the owner's frames come down through the client's own bounded queue. The owner
 * does everything else (the hello, the views, the privacy of each projection), so a client sees exactly what it would
 * see on the owner. When the owner goes away the client is told to reconnect (1012), and resumes from its last
 * sequence number on whichever node has taken the session over; so it is too when another node takes the session
 * over from an owner that stopped answering while its connections stay open.
 */
final class Relay {

    static final CloseReason.CloseCode MOVED = CloseReason.CloseCodes.SERVICE_RESTART;
    private static final Logger log = LoggerFactory.getLogger(Relay.class);

    final UUID sessionId;
    final Connection client;
    private final String ownerUrl;
    private final Clock clock;
    private final Timer lag;
    private final Instant opened;
    private volatile Session upstream;
    private volatile boolean closed;

    Relay(UUID sessionId, String ownerUrl, Connection client, Clock clock, Timer lag) {
        this.sessionId = sessionId;
        this.ownerUrl = ownerUrl;
        this.client = client;
        this.clock = clock;
        this.lag = lag;
        this.opened = clock.instant();
    }

    /**
     * Opens the way to the owner and sends it the client's {@code hello}. Blocks for the connection (the caller is the
     * client's own reading thread). When the owner cannot be reached, the client is asked to reconnect. Each event
     * passed down is timed into {@code lag}, from its time on the owner.
     */
    void open(ClientManager sockets, String hello) {
        URI uri = URI.create(ownerUrl.replaceFirst("^http", "ws").replaceAll("/+$", "") + "/ws/sessions/" + sessionId + "?v=1");
        try {
            upstream = sockets.connectToServer(new Upstream(), ClientEndpointConfig.Builder.create().build(), uri);
            if (closed) {
                // The client went away, or was asked to reconnect, while the way up was opening.
                close();
                return;
            }
            forward(hello);
        } catch (DeploymentException | IOException | RuntimeException e) {
            log.info("session {}: its owner at {} cannot be reached ({}); the client will reconnect", sessionId, ownerUrl, e.getMessage());
            client.closeLater(MOVED, "The session is moving to another server; reconnecting.");
        }
    }

    /**
     * Another node has taken the session over, at {@code newOwnerUrl}: a relay to any other node leads to an owner
     * that was replaced (it may be paused, with its connections still open), so the client is asked to reconnect.
     */
    void ownerMoved(String newOwnerUrl) {
        if (!ownerUrl.equals(newOwnerUrl)) {
            client.closeLater(MOVED, "The session is moving to another server; reconnecting.");
            close();
        }
    }

    /** A frame from the client, passed on as it is, in order. */
    void forward(String text) {
        Session session = upstream;
        if (session == null || !session.isOpen()) {
            client.closeLater(MOVED, "The session is moving to another server; reconnecting.");
            return;
        }
        try {
            synchronized (this) {
                session.getBasicRemote().sendText(text);
            }
        } catch (IOException | RuntimeException e) {
            client.closeLater(MOVED, "The session is moving to another server; reconnecting.");
        }
    }

    /**
     * Times an event frame from the owner's time of the event until now (nodes keep their clocks in step; a
     * difference that would make it negative counts as none). Events from before the relay opened are what a resuming
     * client missed: late because the client was away, not because of the relay, so they are not timed.
     */
    private void measure(String frame) {
        Instant at = Frames.eventTime(frame);
        if (at != null && !at.isBefore(opened)) {
            lag.record(Math.max(0, Duration.between(at, clock.instant()).toNanos()), TimeUnit.NANOSECONDS);
        }
    }

    /** The client has gone: close the way up. */
    void close() {
        closed = true;
        Session session = upstream;
        if (session != null && session.isOpen()) {
            try {
                session.close();
            } catch (IOException e) {
                log.debug("closing a relay", e);
            }
        }
    }

    /** The owner's end: every frame goes down to the client; a close asks the client to reconnect. */
    private final class Upstream extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.setMaxTextMessageBufferSize(Integer.MAX_VALUE);
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) frame -> {
                measure(frame);
                client.send(frame);
            });
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            int code = reason.getCloseCode().getCode();
            boolean ownerWentAway = code == 1001 || code == 1006 || code == 1011 || code == 1012;
            // The owner's own verdicts on the client (too slow, silent, bad frames) pass down as they are.
            client.closeLater(ownerWentAway ? MOVED : reason.getCloseCode(),
                    ownerWentAway ? "The session is moving to another server; reconnecting." : reason.getReasonPhrase());
        }

        @Override
        public void onError(Session session, Throwable failure) {
            log.debug("relay upstream error", failure);
        }
    }
}
