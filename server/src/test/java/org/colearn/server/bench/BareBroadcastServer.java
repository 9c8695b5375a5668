package org.colearn.server.bench;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.concurrent.CountDownLatch;
import org.glassfish.tyrus.server.Server;

/**
 * The transport's own limit, for comparison: a bare Tyrus endpoint on Grizzly that sends every text it receives to
 * every open connection, with the asynchronous API. Run in its own JVM by {@link LiveLoad}.
 */
public final class BareBroadcastServer {

    /** Broadcasts each message to all open sessions of the endpoint. */
    @ServerEndpoint("/bare")
    public static final class Broadcast {
        @OnMessage
        public void message(Session session, String text) {
            if (text.startsWith("broadcast:")) {
                for (Session open : session.getOpenSessions()) {
                    open.getAsyncRemote().sendText(text);
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server("127.0.0.1", Integer.parseInt(args[0]), "/", null, Broadcast.class);
        server.start();
        System.out.println("ready");
        new CountDownLatch(1).await();
    }
}
