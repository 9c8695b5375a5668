package org.colearn.server.system;

import org.colearn.server.ColearnServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.TestServer;
import org.glassfish.tyrus.client.ClientManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ServerStartIT {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthReportsVersionAndDatabaseKind() {
        Api.Reply health = server.api().get("health");
        assertEquals(200, health.status(), health::toString);
        assertEquals("ok", health.json().path("status").asText());
        assertEquals(server.database().kind(), health.json().path("database").asText());
        assertTrue(health.json().path("version").asText().matches("\\d+\\.\\d+\\.\\d+.*"), health::toString);
    }

    @Test
    void webAppIndexIsServedAtTheRootWithAStrictContentSecurityPolicy() throws Exception {
        var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        var response = client.send(
                java.net.http.HttpRequest.newBuilder(URI.create(server.baseUrl())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Colearn"), "the index page names the product");
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
    }

    @Test
    void unknownApiAddressAnswersWithAProblemNotAStackTrace() {
        Api.Reply reply = server.api().get("no/such/thing");
        assertEquals(404, reply.status());
        assertEquals("no_such_endpoint", reply.code());
        assertEquals("application/problem+json", reply.header("Content-Type"));
    }

    @Test
    void connectivitySocketGreetsAndAnswersPingOnTheSamePort() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        Session session = connectivitySocket(received, new LinkedBlockingQueue<>());
        try {
            String hello = received.poll(10, TimeUnit.SECONDS);
            assertTrue(hello != null && hello.contains("\"hello\""), "greeting: " + hello);
            session.getBasicRemote().sendText("{\"type\":\"ping\"}");
            assertEquals("{\"type\":\"pong\"}", received.poll(10, TimeUnit.SECONDS));
        } finally {
            session.close();
        }
    }

    @Test
    void connectivitySocketClosesAnOversizedFrameWithMessageTooBig() throws Exception {
        BlockingQueue<CloseReason> closed = new LinkedBlockingQueue<>();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        Session session = connectivitySocket(received, closed);
        received.poll(10, TimeUnit.SECONDS);
        session.getBasicRemote().sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(4096) + "\"}");
        CloseReason reason = closed.poll(10, TimeUnit.SECONDS);
        assertEquals(CloseReason.CloseCodes.TOO_BIG, reason == null ? null : reason.getCloseCode(), String.valueOf(reason));
    }

    @Test
    void secondServerOnATakenPortFailsWithAClearMessage() {
        Config samePort = server.config().withPort(server.port());
        ColearnServer.PortUnavailableException failure =
                assertThrows(ColearnServer.PortUnavailableException.class, () -> ColearnServer.start(samePort, server.clock()).close());
        assertTrue(failure.getMessage().contains("port " + server.port() + " is already in use"), failure.getMessage());
    }

    @Test
    void unreachableDatabaseFailsWithAClearMessage() {
        Config broken = new Config(
                "127.0.0.1",
                0,
                server.dataDir(),
                Optional.of("jdbc:postgresql://127.0.0.1:1/nothing"),
                "nobody",
                "",
                server.dataDir(),
                java.time.Duration.ofDays(1),
                "",
                "",
                org.colearn.server.system.Smtp.NONE);
        Database.DatabaseUnavailableException failure =
                assertThrows(Database.DatabaseUnavailableException.class, () -> ColearnServer.start(broken, server.clock()));
        assertTrue(failure.getMessage().startsWith("cannot open the database at jdbc:postgresql://127.0.0.1:1/nothing"), failure.getMessage());
    }

    /** A real WebSocket client on the connectivity socket that queues what it receives and how it was closed. */
    private static Session connectivitySocket(BlockingQueue<String> received, BlockingQueue<CloseReason> closed) throws Exception {
        return ClientManager.createClient().connectToServer(
                new Endpoint() {
                    @Override
                    public void onOpen(Session session, EndpointConfig config) {
                        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) received::add);
                    }

                    @Override
                    public void onClose(Session session, CloseReason reason) {
                        closed.add(reason);
                    }
                },
                ClientEndpointConfig.Builder.create().build(),
                URI.create("ws://127.0.0.1:" + server.port() + "/ws/connectivity"));
    }
}
