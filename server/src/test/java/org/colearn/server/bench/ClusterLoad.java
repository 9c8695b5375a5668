package org.colearn.server.bench;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.tyrus.client.ClientManager;

/**
 * Three packaged server nodes on one PostgreSQL: a facilitator's broadcast to N participants all connected to the
 * session's owner, then to N spread over the three nodes (two thirds relayed), and the time another node takes to own
 * the session after the owner is killed with SIGKILL. Run with
 * {@code mvn -q -pl server exec:exec@cluster-load -Dlive.load.n=1000} after {@code mvn -q -DskipTests install}.
 */
public final class ClusterLoad {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path jar = Path.of(args.length > 1 ? args[1] : "target/colearn.jar");
        String base = args.length > 2 ? args[2] : "jdbc:postgresql://127.0.0.1:5432/test";
        String schema = "colearn_bench_" + Long.toString(System.nanoTime(), 36);
        try (Connection connection = DriverManager.getConnection(base, "postgres", ""); Statement create = connection.createStatement()) {
            create.execute("create schema " + schema);
        }
        String db = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        System.out.printf("Cluster load, 3 nodes on one PostgreSQL, N = %d participants, %d broadcasts, %d cores%n",
                n, LiveLoad.BROADCASTS, Runtime.getRuntime().availableProcessors());
        List<Process> nodes = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                int port = LiveLoad.freePort();
                Path data = Files.createTempDirectory("colearn-cluster-");
                ProcessBuilder node = new ProcessBuilder("java", "-jar", jar.toString(), "--port=" + port, "--host=127.0.0.1",
                        "--data-dir=" + data, "--node-url=http://127.0.0.1:" + port)
                        .redirectErrorStream(true).redirectOutput(data.resolve("server.log").toFile());
                node.environment().put("COLEARN_DB_URL", db);
                node.environment().put("COLEARN_DB_USER", "postgres");
                nodes.add(node.start());
                ports.add(port);
                String health = "http://127.0.0.1:" + port + "/api/health/ready";
                LiveLoad.await(() -> {
                    try {
                        return LiveLoad.get(health, null).statusCode() == 200;
                    } catch (IllegalStateException notYet) {
                        return false;
                    }
                });
            }
            String api = "http://127.0.0.1:" + ports.get(0) + "/api/";
            String facilitator = LiveLoad.post(api + "auth/signup", null, Map.of("email", "f@load.test", "password", "load test password", "displayName", "Facilitator")).path("token").asText();
            String collaborative = LiveLoad.post(api + "collaboratives", facilitator, Map.of("name", "Load", "topic", "Load", "aim", "Load", "startsOn", "2026-01-01", "endsOn", "2026-12-31")).path("id").asText();
            String site = LiveLoad.post(api + "collaboratives/" + collaborative + "/sites", facilitator, Map.of("name", "Site", "kind", "trust", "region", "Region")).path("id").asText();
            String code = LiveLoad.post(api + "collaboratives/" + collaborative + "/invitations", facilitator, Map.of("role", "participant", "validDays", 1)).path("code").asText();
            String sessionId = LiveLoad.post(api + "collaboratives/" + collaborative + "/sessions", facilitator, Map.of("title", "Load", "startsAt", "2026-06-01T09:00:00Z", "durationMinutes", 60)).path("id").asText();
            List<String> tokens = Collections.synchronizedList(new ArrayList<>());
            ExecutorService signups = Executors.newFixedThreadPool(8);
            for (int i = 0; i < n; i++) {
                int person = i;
                signups.execute(() -> {
                    try {
                        String token = LiveLoad.post(api + "auth/signup", null, Map.of("email", "p" + person + "@load.test", "password", "load test password", "displayName", "Person " + person)).path("token").asText();
                        LiveLoad.post(api + "invitations/" + code + "/accept", token, Map.of("siteId", site, "profession", "nurse"));
                        tokens.add(token);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            signups.shutdown();
            signups.awaitTermination(30, TimeUnit.MINUTES);

            ClientManager client = ClientManager.createClient();
            Session host = client.connectToServer(new Endpoint() {
                @Override
                public void onOpen(Session session, EndpointConfig config) {
                    session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {});
                }
            }, ClientEndpointConfig.Builder.create().build(), uri(ports.get(0), sessionId));
            host.getBasicRemote().sendText("{\"type\":\"hello\",\"ref\":\"h\",\"body\":{\"token\":\"" + facilitator + "\"}}");
            host.getBasicRemote().sendText("{\"type\":\"session.start\",\"ref\":\"s\",\"body\":{}}");

            Fleet onOwner = new Fleet(client, tokens, sessionId, List.of(ports.get(0)));
            LiveLoad.Result owner = onOwner.broadcast(host, LiveLoad.BROADCASTS);
            onOwner.close();
            print("all on the owner", owner);
            Fleet spread = new Fleet(client, tokens, sessionId, ports);
            LiveLoad.Result relayed = spread.broadcast(host, LiveLoad.BROADCASTS);
            print("over 3 nodes", relayed);
            System.out.printf("p95 ratio spread / owner: %.2f%n", relayed.p95() / owner.p95());

            long killed = System.nanoTime();
            nodes.get(0).destroyForcibly();
            String dead = "http://127.0.0.1:" + ports.get(0);
            LiveLoad.await(() -> !dead.equals(owner(db, sessionId)) && owner(db, sessionId) != null);
            System.out.printf("another node owns the session %d ms after the owner was killed (SIGKILL)%n",
                    (System.nanoTime() - killed) / 1_000_000);
            System.exit(0);
        } finally {
            nodes.forEach(Process::destroyForcibly);
            try (Connection connection = DriverManager.getConnection(base, "postgres", ""); Statement drop = connection.createStatement()) {
                drop.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private static void print(String how, LiveLoad.Result result) {
        System.out.printf("%-18s join all %6d ms | broadcast p50 %5.1f ms  p95 %5.1f ms  p99 %5.1f ms%n",
                how, result.joinMillis(), result.p50(), result.p95(), result.p99());
    }

    private static String owner(String db, String sessionId) {
        try (Connection connection = DriverManager.getConnection(db, "postgres", "");
                PreparedStatement query = connection.prepareStatement("select node_url from session_owner where session_id = ?")) {
            query.setObject(1, UUID.fromString(sessionId));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (Exception e) {
            return null;
        }
    }

    private static URI uri(int port, String sessionId) {
        return URI.create("ws://127.0.0.1:" + port + "/ws/sessions/" + sessionId + "?v=1");
    }

    /** N participants joined, the i-th on the i-th port (round robin), counting the broadcasts they receive. */
    private static final class Fleet {
        final List<Session> sockets = Collections.synchronizedList(new ArrayList<>());
        final Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
        final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger received = new AtomicInteger();
        final long joinMillis;

        Fleet(ClientManager client, List<String> tokens, String sessionId, List<Integer> ports) throws Exception {
            CountDownLatch joined = new CountDownLatch(tokens.size());
            long start = System.nanoTime();
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                sockets.add(client.connectToServer(new Endpoint() {
                    @Override
                    public void onOpen(Session session, EndpointConfig config) {
                        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                            long now = System.nanoTime();
                            if (text.startsWith("{\"re\":\"h\"")) {
                                joined.countDown();
                            } else if (text.contains("\"session.broadcast\"")) {
                                int number = Integer.parseInt(text.replaceAll(".*\"text\":\"b(\\d+)\".*", "$1"));
                                Long sent = sentAt.get(number);
                                if (sent != null) {
                                    latencies.add((now - sent) / 1e6);
                                    received.incrementAndGet();
                                }
                            }
                        });
                        session.getAsyncRemote().sendText("{\"type\":\"hello\",\"ref\":\"h\",\"body\":{\"token\":\"" + token + "\"}}");
                    }
                }, ClientEndpointConfig.Builder.create().build(), uri(ports.get(i % ports.size()), sessionId)));
            }
            if (!joined.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("not everyone joined");
            }
            joinMillis = (System.nanoTime() - start) / 1_000_000;
        }

        LiveLoad.Result broadcast(Session host, int count) throws Exception {
            for (int b = 0; b < count; b++) {
                int expected = (b + 1) * sockets.size();
                sentAt.put(b, System.nanoTime());
                host.getBasicRemote().sendText("{\"type\":\"session.broadcast\",\"body\":{\"text\":\"b" + b + "\"}}");
                LiveLoad.await(() -> received.get() >= expected);
                LiveLoad.pace();
            }
            return LiveLoad.summarise(joinMillis, latencies, -1);
        }

        void close() {
            sockets.forEach(LiveLoad::close);
        }
    }
}
