package org.colearn.server.realtime;

import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.colearn.server.system.Version;

/**
 * A WebSocket that tells a browser whether live sessions can reach it from where it is: hospital networks often sit
 * behind proxies that block WebSockets, and people should learn that before a session, not in it. Greets with the
 * server version and answers every {@code ping} with a {@code pong}.
 */
@ServerEndpoint("/ws/connectivity")
public final class ConnectivityEndpoint {

    static final int MAX_MESSAGE_BYTES = 1024;

    @OnOpen
    public void open(Session session) {
        session.getAsyncRemote().sendText("{\"type\":\"hello\",\"body\":{\"version\":\"" + Version.current() + "\"}}");
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
    public void message(Session session, String text) {
        String reply = text.contains("\"ping\"")
                ? "{\"type\":\"pong\"}"
                : "{\"type\":\"error\",\"error\":{\"code\":\"unknown_type\",\"message\":\"This socket only answers {\\\"type\\\":\\\"ping\\\"}.\"}}";
        session.getAsyncRemote().sendText(reply);
    }
}
