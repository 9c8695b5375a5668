package org.colearn.server.live;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * One open WebSocket of one person. Frames to it go through a bounded queue and are written one at a time with the
 * asynchronous API; a client that falls {@value #MAX_QUEUED} frames behind is disconnected (it resumes later), so a
 * slow reader never slows anyone else. Also limits how fast the client may send.
 */
final class Connection {

    static final int MAX_QUEUED = 1024;
    static final CloseReason.CloseCode TOO_SLOW = CloseReason.CloseCodes.getCloseCode(4008);
    static final double FRAMES_PER_SECOND = 20;
    static final double BURST = 40;

    /** Closing writes a close frame; never do it on the thread that is delivering frames. */
    private static final Executor CLOSER = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "colearn-ws-close");
        thread.setDaemon(true);
        return thread;
    });

    final String id = UUID.randomUUID().toString();
    private final Session socket;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;
    private double allowance = BURST;
    private long lastCheck = System.nanoTime();
    private volatile long lastHeard = System.nanoTime();

    /** Set by the session when the connection has joined: the sequence number its view already includes. */
    long viewSeq = Long.MAX_VALUE;
    Viewer viewer;
    String clientId;
    LiveSession session;
    /** Set when the session is owned by another node: this connection's frames go there. */
    volatile Relay relay;
    /**
     * The last {@code activity.view} frame this connection was given (in a view, a resume or on its own), so that an
     * unchanged view is not sent again; null when it must get the next one whatever it is. Session thread only.
     */
    String lastView;
    /** Set at hello, also for a relayed connection: what {@link Rights} checks again when rights change or time passes. */
    volatile Rights.Pass pass;

    /** The login token of the handshake's cookie, or null: what a hello without a token stands for. */
    final String cookieToken;

    /** The hello being admitted, if one is: frames that arrive meanwhile are handled after it, in order. */
    final Arrivals arrivals = new Arrivals();

    /** Guarded by itself. */
    static final class Arrivals {
        java.util.concurrent.CompletableFuture<Void> admitting;
    }

    Connection(Session socket, String cookieToken) {
        this.socket = socket;
        this.cookieToken = cookieToken;
    }

    /** Queues a frame; never blocks. */
    void send(String frame) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (queue.size() >= MAX_QUEUED) {
                closeLater(TOO_SLOW, "You fell too far behind; reconnect to catch up.");
                return;
            }
            queue.addLast(frame);
            if (sending) {
                return;
            }
            sending = true;
        }
        writeNext();
    }

    /** Queues an {@code activity.view} frame unless it is the one this connection was given last. */
    void sendView(String frame) {
        if (frame.equals(lastView)) {
            return;
        }
        lastView = frame;
        send(frame);
    }

    private void writeNext() {
        String frame;
        synchronized (this) {
            frame = closed ? null : queue.pollFirst();
            if (frame == null) {
                sending = false;
                return;
            }
        }
        try {
            socket.getAsyncRemote().sendText(frame, result -> {
                if (result.isOK()) {
                    writeNext();
                } else {
                    closeLater(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "send failed");
                }
            });
        } catch (RuntimeException e) {
            closeLater(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "send failed");
        }
    }

    /** Notes that the client sent something: it is alive. */
    void heard() {
        lastHeard = System.nanoTime();
    }

    /** Nanoseconds since the client last sent anything. */
    long silentForNanos() {
        return System.nanoTime() - lastHeard;
    }

    /** Whether the client may send another frame now (a token bucket of {@value #FRAMES_PER_SECOND} a second). */
    synchronized boolean allowInbound() {
        long now = System.nanoTime();
        allowance = Math.min(BURST, allowance + (now - lastCheck) / 1e9 * FRAMES_PER_SECOND);
        lastCheck = now;
        if (allowance < 1) {
            return false;
        }
        allowance -= 1;
        return true;
    }

    void closeLater(CloseReason.CloseCode code, String reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
        }
        CLOSER.execute(() -> {
            try {
                socket.close(new CloseReason(code, reason));
            } catch (IOException | IllegalStateException e) {
                // Already gone: nothing more to do.
            }
        });
    }

    synchronized int queued() {
        return queue.size();
    }
}
