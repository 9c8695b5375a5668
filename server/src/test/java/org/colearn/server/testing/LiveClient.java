package org.colearn.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.glassfish.tyrus.client.ClientManager;

/** A real WebSocket client of a live session that records every frame it receives, for tests to await and inspect. */
public final class LiveClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    /**
     * One client container for all test clients, kept alive for the whole run: a container per client shuts its
     * scheduler down when its last socket closes, and a client opened just then can be handed the dying scheduler.
     */
    private static final ClientManager CLIENT = shared();
    private JsonNode welcome;

    private static ClientManager shared() {
        ClientManager client = ClientManager.createClient();
        client.getProperties().put(org.glassfish.tyrus.client.ClientProperties.SHARED_CONTAINER, true);
        // Never idle out: between two uses (a long browser test, a slow machine) it would shut down while being reused.
        client.getProperties().put(org.glassfish.tyrus.client.ClientProperties.SHARED_CONTAINER_IDLE_TIMEOUT, 24 * 3600);
        return client;
    }

    private final List<JsonNode> frames = new ArrayList<>();
    private volatile CloseReason closeReason;
    private final Session socket;
    private final AtomicInteger refs = new AtomicInteger();

    private LiveClient(URI uri, Map<String, String> handshakeHeaders) {
        ClientEndpointConfig.Configurator headers = new ClientEndpointConfig.Configurator() {
            @Override
            public void beforeRequest(Map<String, List<String>> sent) {
                handshakeHeaders.forEach((name, value) -> {
                    sent.keySet().removeIf(name::equalsIgnoreCase);
                    sent.put(name, List.of(value));
                });
            }
        };
        try {
            socket = CLIENT.connectToServer(
                    new Endpoint() {
                        @Override
                        public void onOpen(Session session, EndpointConfig config) {
                            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) LiveClient.this::received);
                        }

                        @Override
                        public void onClose(Session session, CloseReason reason) {
                            closeReason = reason;
                            synchronized (frames) {
                                frames.notifyAll();
                            }
                        }
                    },
                    ClientEndpointConfig.Builder.create().configurator(headers).build(),
                    uri);
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect to " + uri, e);
        }
    }

    public static LiveClient connect(TestServer server, String sessionId) {
        return connect(server.port(), sessionId);
    }

    /** Connects to the server listening on {@code port} of this machine. */
    public static LiveClient connect(int port, String sessionId) {
        return connect(port, sessionId, Map.of());
    }

    /**
     * Connects with these headers in the handshake, as a browser sends them ({@code Origin}, {@code Cookie}); throws
     * {@link IllegalStateException} when the server refuses the handshake.
     */
    public static LiveClient connect(int port, String sessionId, Map<String, String> handshakeHeaders) {
        return new LiveClient(URI.create("ws://127.0.0.1:" + port + "/ws/sessions/" + sessionId + "?v=1"), handshakeHeaders);
    }

    /** Connects and says hello; returns once the server has answered. */
    public static LiveClient join(TestServer server, String sessionId, String token, String clientId, Long lastSeq) {
        return join(server.port(), sessionId, token, clientId, lastSeq);
    }

    /** Connects to the server listening on {@code port} and says hello; returns once the server has answered. */
    public static LiveClient join(int port, String sessionId, String token, String clientId, Long lastSeq) {
        LiveClient client = connect(port, sessionId);
        JsonNode reply = client.request("hello", bodyOf("token", token, "clientId", clientId, "lastSeq", lastSeq));
        if (!reply.path("ok").asBoolean()) {
            throw new AssertionError("hello refused: " + reply);
        }
        client.welcome = reply;
        return client;
    }

    /** The server's answer to {@code hello}: a view, or {@code resumed} with the sequence number it resumes from. */
    public JsonNode hello() {
        return welcome;
    }

    /** The whole view the server sent in answer to {@code hello} (missing when the client resumed instead). */
    public JsonNode view() {
        return welcome.path("body").path("view");
    }

    private void received(String text) {
        try {
            JsonNode frame = JSON.readTree(text);
            synchronized (frames) {
                frames.add(frame);
                frames.notifyAll();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode bodyOf(Object... keysAndValues) {
        ObjectNode body = JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                body.set((String) keysAndValues[i], JSON.valueToTree(value));
            }
        }
        return body;
    }

    /** Sends a command with a fresh ref and waits for its reply (ok or error). */
    public JsonNode request(String type, ObjectNode body) {
        String ref = "r" + refs.incrementAndGet();
        sendWithRef(type, ref, body);
        return reply(ref);
    }

    /**
     * Sends an unattributed command (an anonymous story told in a circle), which the server holds a random while before
     * it takes effect, and returns its answer, with time passing on the server's {@code clock} meanwhile.
     */
    public JsonNode requestHeld(MutableClock clock, String type, ObjectNode body) {
        return HeldTime.during(clock, () -> request(type, body));
    }

    /** The answer to {@code ref} of an unattributed command sent before, with time passing on the server's clock. */
    public JsonNode replyHeld(MutableClock clock, String ref) {
        return HeldTime.during(clock, () -> reply(ref));
    }

    public void sendWithRef(String type, String ref, ObjectNode body) {
        ObjectNode frame = JSON.createObjectNode().put("type", type);
        if (ref != null) {
            frame.put("ref", ref);
        }
        frame.set("body", body);
        sendRaw(frame.toString());
    }

    public void sendRaw(String text) {
        try {
            socket.getBasicRemote().sendText(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a binary frame, which the protocol does not use. */
    public void sendBinary(byte[] bytes) {
        try {
            socket.getBasicRemote().sendBinary(java.nio.ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reply to a ref, waiting for it. */
    public JsonNode reply(String ref) {
        return await(frame -> ref.equals(frame.path("re").asText(null)), "a reply to " + ref);
    }

    /** The first frame matching, waiting up to the deadline. */
    public JsonNode await(Predicate<JsonNode> matches, String what) {
        return await(matches, what, DEADLINE);
    }

    /** The first frame matching, waiting up to {@code limit} (for what a real clock brings, such as a timer's end). */
    public JsonNode await(Predicate<JsonNode> matches, String what, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        synchronized (frames) {
            while (true) {
                for (JsonNode frame : frames) {
                    if (matches.test(frame)) {
                        return frame;
                    }
                }
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0 || closeReason != null && frames.stream().noneMatch(matches)) {
                    throw new AssertionError("no " + what + " within " + limit + (closeReason == null ? "" : " (closed: " + closeReason + ")")
                            + "; received " + lastFrames());
                }
                try {
                    frames.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** The last few frames received, each cut short: enough to see what went wrong without drowning the report. */
    private String lastFrames() {
        List<JsonNode> last = frames.subList(Math.max(0, frames.size() - 12), frames.size());
        return frames.size() + " frames, the last: " + last.stream()
                .map(frame -> frame.toString().length() > 300 ? frame.toString().substring(0, 300) + "…" : frame.toString())
                .toList();
    }

    /** The event with this type and the highest sequence so far, waiting for one. */
    public JsonNode awaitEvent(String type) {
        return await(frame -> type.equals(frame.path("type").asText()) && frame.has("seq"), "event " + type);
    }

    /**
     * The activity's view ({@code view} of the latest {@code activity.view} signal) once the latest one received
     * matches: an earlier view that matched says nothing about what the person sees now.
     */
    public JsonNode awaitActivityView(Predicate<JsonNode> matches, String what) {
        return awaitLatestSignal("activity.view", body -> matches.test(body.path("view")), what).path("view");
    }

    /**
     * The body of the latest signal of this type ({@code media.room}, {@code activity.view}) once it matches: an earlier
     * one that matched says nothing about what the person has now.
     */
    public JsonNode awaitLatestSignal(String type, Predicate<JsonNode> matches, String what) {
        return await(frame -> frame == latest(type) && matches.test(frame.path("body")), what).path("body");
    }

    private JsonNode latest(String type) {
        synchronized (frames) {
            for (int i = frames.size() - 1; i >= 0; i--) {
                if (type.equals(frames.get(i).path("type").asText())) {
                    return frames.get(i);
                }
            }
            return null;
        }
    }

    /** Waits until an event with sequence number {@code seq} has arrived. */
    public void awaitSeq(long seq) {
        await(frame -> frame.path("seq").asLong(-1) >= seq, "event " + seq);
    }

    /** How many frames received so far match. */
    public long count(Predicate<JsonNode> matches) {
        synchronized (frames) {
            return frames.stream().filter(matches).count();
        }
    }

    /** Waits until at least {@code n} frames match, or the connection is closed; returns whether they arrived. */
    public boolean awaitCount(Predicate<JsonNode> matches, long n) {
        Instant deadline = Instant.now().plus(DEADLINE);
        synchronized (frames) {
            while (frames.stream().filter(matches).count() < n) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (closeReason != null) {
                    return false;
                }
                if (left <= 0) {
                    throw new AssertionError("only " + frames.stream().filter(matches).count() + " of " + n + " frames within " + DEADLINE);
                }
                try {
                    frames.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            return true;
        }
    }

    /** How the server closed this connection, or null while it is open. */
    public CloseReason closeReason() {
        return closeReason;
    }

    /** Every frame received, in arrival order. */
    public List<JsonNode> frames() {
        synchronized (frames) {
            return List.copyOf(frames);
        }
    }

    /** Every sequenced event received, in arrival order. */
    public List<JsonNode> events() {
        synchronized (frames) {
            return frames.stream().filter(frame -> frame.has("seq")).toList();
        }
    }

    /** How the server closed this connection, waiting for it. */
    public CloseReason awaitClose() {
        Instant deadline = Instant.now().plus(DEADLINE);
        synchronized (frames) {
            while (closeReason == null) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    throw new AssertionError("the server did not close the connection within " + DEADLINE);
                }
                try {
                    frames.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            return closeReason;
        }
    }

    public static Map<String, Object> agendaItem(String title, String type, int minutes) {
        return Map.of("title", title, "activityType", type, "plannedMinutes", minutes);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException | IllegalStateException e) {
            // already closed
        }
    }
}
