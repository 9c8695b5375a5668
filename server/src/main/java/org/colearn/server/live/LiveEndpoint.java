package org.colearn.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.colearn.server.auth.LoginCookie;
import org.colearn.server.system.Json;
import org.glassfish.tyrus.core.HandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket of a live session, {@code /ws/sessions/{sessionId}?v=1}. The first frame must be {@code hello} with
 * the login token (never in the URL, which proxies log), or, from the web app, without one: the browser's login
 * cookie sent with the handshake stands for it. After it, every frame is a command for the session. A bad frame gets
 * an error reply and changes nothing. A handshake from a page of another site is refused (403).
 */
public final class LiveEndpoint extends Endpoint {

    public static final String PATH = "/ws/sessions/{sessionId}";
    static final int MAX_FRAME_BYTES = 64 * 1024;
    private static final String CONNECTION = "colearn.connection";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Logger log = LoggerFactory.getLogger(LiveEndpoint.class);

    /** Where hellos are admitted: a few threads, so that a crowd arriving at once does not open a thread each. */
    private static final Executor ADMISSIONS = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "colearn-admission");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Where the handshake leaves its login cookie's token for the connection it opens: the user properties of the
     * configuration given to {@code modifyHandshake}, which are the connection's own since WebSocket 2.1 (Tyrus copies
     * them per handshake and hands that copy to the session it opens), so no handshake ever sees another's.
     */
    private static final String COOKIE_TOKEN = "colearn.cookieToken";

    private final LiveSessions live;

    private LiveEndpoint(LiveSessions live) {
        this.live = live;
    }

    /**
     * The endpoint's deployment, with its instances built around {@code live}; {@code publicUrl} is the server's
     * configured public address (blank when none), whose origin pages may connect from besides the one they reached.
     */
    public static ServerEndpointConfig config(LiveSessions live, String publicUrl) {
        return ServerEndpointConfig.Builder.create(LiveEndpoint.class, PATH)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
                        // checkOrigin is given the Origin alone; the Host the page reached is needed too, so the
                        // check is made here, where Tyrus answers a HandshakeException with its status just the same.
                        String origin = header(request, "Origin");
                        if (origin != null && !LoginCookie.sameSite(origin, header(request, "Host"), publicUrl)) {
                            LiveEndpoint.<RuntimeException>refuse(
                                    new HandshakeException(403, "Live sessions accept connections from Colearn's own pages only."));
                        }
                        String token = LoginCookie.token(header(request, "Cookie"));
                        if (token != null) {
                            config.getUserProperties().put(COOKIE_TOKEN, token);
                        }
                    }

                    @Override
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        return endpointClass.cast(new LiveEndpoint(live));
                    }
                })
                .build();
    }

    /**
     * Throws Tyrus's checked HandshakeException from {@code modifyHandshake}, which does not declare it but is called
     * inside the handshake that answers it with its status.
     */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void refuse(Throwable refusal) throws E {
        throw (E) refusal;
    }

    /** A header of the handshake, case-insensitively (the map's keys are as the client spelled them). */
    private static String header(HandshakeRequest request, String name) {
        return request.getHeaders().entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
                .map(entry -> String.join("; ", entry.getValue()))
                .findFirst()
                .orElse(null);
    }

    @Override
    public void onOpen(Session socket, EndpointConfig config) {
        List<String> version = socket.getRequestParameterMap().get("v");
        if (version != null && !version.contains("1")) {
            close(socket, CloseReason.CloseCodes.PROTOCOL_ERROR, "Unsupported protocol version; this server speaks v=1.");
            return;
        }
        UUID sessionId;
        try {
            sessionId = UUID.fromString(socket.getPathParameters().get("sessionId"));
        } catch (IllegalArgumentException e) {
            close(socket, CloseReason.CloseCodes.CANNOT_ACCEPT, "There is no learning session with this id.");
            return;
        }
        // Tyrus's own idle timeout races with its set-up and can close a fresh connection at once; the heartbeat
        // sweep of LiveSessions closes silent connections instead.
        Connection connection = new Connection(socket, (String) socket.getUserProperties().remove(COOKIE_TOKEN));
        socket.getUserProperties().put(CONNECTION, connection);
        live.opened(connection);
        socket.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> receive(sessionId, connection, text));
        socket.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) bytes -> refuseBinary(connection));
    }

    @Override
    public void onClose(Session socket, CloseReason reason) {
        if (socket.getUserProperties().get(CONNECTION) instanceof Connection connection) {
            inOrder(connection, afterHello -> closed(connection));
        }
    }

    private void closed(Connection connection) {
        live.closed(connection);
        if (connection.relay != null) {
            connection.relay.close();
        }
        if (connection.session != null) {
            connection.session.leave(connection);
        }
    }

    @Override
    public void onError(Session socket, Throwable failure) {
        log.debug("live socket error", failure);
    }

    /** Frames are JSON text; a binary frame gets an error reply (throttled as any frame is) and changes nothing. */
    private static void refuseBinary(Connection connection) {
        connection.heard();
        if (connection.allowInbound()) {
            connection.send(Frames.error(null, "binary_frame", "Frames are JSON text; this binary frame was ignored."));
        }
    }

    /**
     * Frames arrive on the network's own threads, which also accept new connections; a hello looks its token up in the
     * database, so it is admitted on {@link #ADMISSIONS} instead, and the frames that follow it on the same connection
     * (and its close) wait there, in order, until it has been.
     */
    private void receive(UUID sessionId, Connection connection, String text) {
        inOrder(connection, admitting -> handle(sessionId, connection, text, admitting));
    }

    /** Runs {@code work} now, or after the hello being admitted, with {@code true} when it runs after one. */
    private static void inOrder(Connection connection, Consumer<Boolean> work) {
        synchronized (connection.arrivals) {
            CompletableFuture<Void> admitting = connection.arrivals.admitting;
            if (admitting != null && !admitting.isDone()) {
                connection.arrivals.admitting = admitting.handleAsync((done, failure) -> {
                    work.accept(true);
                    return null;
                }, ADMISSIONS);
                return;
            }
        }
        work.accept(false);
    }

    private void handle(UUID sessionId, Connection connection, String text, boolean admitting) {
        connection.heard();
        if (text.length() > MAX_FRAME_BYTES) {
            connection.closeLater(CloseReason.CloseCodes.TOO_BIG, "Frames may be at most 64 KiB.");
            return;
        }
        if (connection.relay != null) {
            connection.relay.forward(text);
            return;
        }
        Inbound frame;
        try {
            frame = Inbound.parse(text);
        } catch (LiveException e) {
            connection.send(e.frame(e.ref()));
            return;
        }
        if (!frame.type().equals("ping") && !connection.allowInbound()) {
            connection.send(Frames.error(frame.ref(), "too_fast", "Too many frames; at most 20 a second. This one was ignored."));
            return;
        }
        if (frame.type().equals("ping")) {
            // Heartbeats are never throttled: they cost nothing and prove the connection alive.
            connection.send(Frames.signal("pong", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    .put("serverTime", live.now().toString())));
        } else if (connection.viewer == null && (admitting || !frame.type().equals("hello"))) {
            hello(sessionId, connection, frame, text);
        } else if (connection.viewer == null) {
            synchronized (connection.arrivals) {
                connection.arrivals.admitting = CompletableFuture.runAsync(() -> {
                    try {
                        hello(sessionId, connection, frame, text);
                    } catch (RuntimeException e) {
                        log.error("could not admit a hello to session {}", sessionId, e);
                        connection.send(Frames.error(frame.ref(), "internal_error", "The server could not let you in just now; reconnect to try again."));
                    }
                }, ADMISSIONS);
            }
        } else if (frame.type().equals("hello")) {
            connection.send(Frames.error(frame.ref(), "already_joined", "This connection has already joined the session."));
        } else {
            connection.session.command(connection, frame);
        }
    }

    private void hello(UUID sessionId, Connection connection, Inbound frame, String text) {
        if (!frame.type().equals("hello")) {
            connection.send(Frames.error(frame.ref(), "hello_required", "Send hello with your login token first."));
            return;
        }
        try {
            frame.only("token", "clientId", "lastSeq");
            String token = frame.body().has("token") || connection.cookieToken == null ? frame.text("token", 200) : connection.cookieToken;
            JsonNode clientId = frame.body().get("clientId");
            if (clientId != null && !(clientId.isTextual() && CLIENT_ID.matcher(clientId.asText()).matches())) {
                throw new LiveException("invalid_body", "body.clientId must be 8 to 64 letters, digits, _ or -.", frame.ref());
            }
            JsonNode lastSeq = frame.body().get("lastSeq");
            if (lastSeq != null && !lastSeq.isNull() && !(lastSeq.isIntegralNumber() && lastSeq.asLong() >= 0)) {
                throw new LiveException("invalid_body", "body.lastSeq must be a sequence number you received.", frame.ref());
            }
            Viewers.Admission admission = live.admit(sessionId, token);
            connection.pass = Rights.Pass.of(sessionId, token, admission);
            LiveSession session;
            try {
                session = live.get(sessionId);
            } catch (LiveSessions.Elsewhere elsewhere) {
                if (elsewhere.ownerUrl == null) {
                    connection.closeLater(Relay.MOVED, "The session is moving to another server; reconnecting.");
                } else {
                    connection.relay = live.relay(elsewhere.ownerUrl, sessionId, connection, withToken(text, token));
                }
                return;
            }
            connection.viewer = admission.viewer();
            connection.clientId = clientId == null ? null : clientId.asText();
            session.join(connection, frame.ref(), lastSeq == null || lastSeq.isNull() ? null : lastSeq.asLong());
        } catch (LiveException e) {
            connection.send(e.frame(frame.ref()));
        }
    }

    /**
     * The hello as the session's owner must see it: with the login token in the body, since the owner does not see
     * the cookie this node's handshake carried.
     */
    private static String withToken(String hello, String token) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode frame = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(hello);
            frame.with("body").put("token", token);
            return Json.MAPPER.writeValueAsString(frame);
        } catch (IOException | ClassCastException e) {
            return hello;
        }
    }

    private static void close(Session socket, CloseReason.CloseCode code, String reason) {
        try {
            socket.close(new CloseReason(code, reason));
        } catch (IOException e) {
            log.debug("could not close a live socket", e);
        }
    }
}
