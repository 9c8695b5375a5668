package org.colearn.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.tyrus.client.ClientManager;

/**
 * Load generator for live sessions (a benchmark, not a test). Starts the packaged server in its own JVM on an empty
 * H2 database, signs up a facilitator and N participants, opens N participant WebSockets on one session, and
 * measures: the time for all N to join, facilitator-broadcast latency to all N (p50/p95/p99 over every delivery),
 * and the server's heap per idle connection. In the same run it measures a bare Tyrus endpoint (its own JVM)
 * broadcasting the same message to N connections, and reports the ratio.
 *
 * <p>Run: {@code mvn -q -DskipTests install && mvn -q -pl server exec:exec@live-load -Dlive.load.n=1000}
 */
public final class LiveLoad {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int BROADCASTS = 30;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path jar = Path.of(args.length > 1 ? args[1] : "target/colearn.jar");
        System.out.printf("Live-session load, N = %d participants, %d broadcasts, %d cores%n", n, BROADCASTS, Runtime.getRuntime().availableProcessors());
        Result colearn = colearn(n, jar);
        Result bare = bare(n);
        System.out.printf("%-8s join all %6d ms | broadcast p50 %5.1f ms  p95 %5.1f ms  p99 %5.1f ms | heap/conn %s%n",
                "colearn", colearn.joinMillis, colearn.p50, colearn.p95, colearn.p99, colearn.bytesPerConnection < 0 ? "n/a" : (colearn.bytesPerConnection / 1024) + " KB");
        System.out.printf("%-8s join all %6d ms | broadcast p50 %5.1f ms  p95 %5.1f ms  p99 %5.1f ms%n",
                "bare", bare.joinMillis, bare.p50, bare.p95, bare.p99);
        System.out.printf("p95 ratio colearn / bare: %.2f%n", colearn.p95 / bare.p95);
        System.exit(0);
    }

    record Result(long joinMillis, double p50, double p95, double p99, long bytesPerConnection) {}

    private static Result colearn(int n, Path jar) throws Exception {
        int port = freePort();
        Path data = Files.createTempDirectory("colearn-load-");
        Process server = new ProcessBuilder("java", "-jar", jar.toString(), "--port=" + port, "--data-dir=" + data, "--host=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(data.resolve("server.log").toFile()).start();
        try {
            String base = "http://127.0.0.1:" + port + "/api/";
            await(() -> {
                try {
                    return get(base + "health", null).statusCode() == 200;
                } catch (IllegalStateException notYet) {
                    return false;
                }
            });
            String facilitator = post(base + "auth/signup", null, Map.of("email", "f@load.test", "password", "load test password", "displayName", "Facilitator")).path("token").asText();
            String collaborative = post(base + "collaboratives", facilitator, Map.of("name", "Load", "topic", "Load", "aim", "Load", "startsOn", "2026-01-01", "endsOn", "2026-12-31")).path("id").asText();
            String site = post(base + "collaboratives/" + collaborative + "/sites", facilitator, Map.of("name", "Site", "kind", "trust", "region", "Region")).path("id").asText();
            String code = post(base + "collaboratives/" + collaborative + "/invitations", facilitator, Map.of("role", "participant", "validDays", 1)).path("code").asText();
            String sessionId = post(base + "collaboratives/" + collaborative + "/sessions", facilitator, Map.of("title", "Load", "startsAt", "2026-06-01T09:00:00Z", "durationMinutes", 60)).path("id").asText();
            List<String> tokens = Collections.synchronizedList(new ArrayList<>());
            ExecutorService signups = Executors.newFixedThreadPool(8);
            for (int i = 0; i < n; i++) {
                int person = i;
                signups.execute(() -> {
                    try {
                        String token = post(base + "auth/signup", null, Map.of("email", "p" + person + "@load.test", "password", "load test password", "displayName", "Person " + person)).path("token").asText();
                        post(base + "invitations/" + code + "/accept", token, Map.of("siteId", site, "profession", "nurse"));
                        tokens.add(token);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            signups.shutdown();
            signups.awaitTermination(30, TimeUnit.MINUTES);
            long idleHeap = heapUsed(server.pid());
            URI uri = URI.create("ws://127.0.0.1:" + port + "/ws/sessions/" + sessionId + "?v=1");
            ClientManager client = ClientManager.createClient();
            Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
            List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch joined = new CountDownLatch(n);
            AtomicInteger received = new AtomicInteger();
            Map<Integer, Integer> dropped = new ConcurrentHashMap<>();
            long joinStart = System.nanoTime();
            List<Session> sockets = Collections.synchronizedList(new ArrayList<>());
            for (String token : tokens) {
                sockets.add(client.connectToServer(new Endpoint() {
                    @Override
                    public void onOpen(Session session, EndpointConfig config) {
                        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                            long now = System.nanoTime();
                            if (text.startsWith("{\"re\":\"h\"")) {
                                joined.countDown();
                            } else if (text.contains("\"session.broadcast\"")) {
                                int number = Integer.parseInt(text.replaceAll(".*\"text\":\"b(\\d+)\".*", "$1"));
                                latencies.add((now - sentAt.get(number)) / 1e6);
                                received.incrementAndGet();
                            }
                        });
                        session.getAsyncRemote().sendText("{\"type\":\"hello\",\"ref\":\"h\",\"body\":{\"token\":\"" + token + "\"}}");
                    }

                    @Override
                    public void onClose(Session session, CloseReason reason) {
                        // A connection the server drops (4008: too far behind) will not see the broadcasts: count it.
                        dropped.merge(reason.getCloseCode().getCode(), 1, Integer::sum);
                    }
                }, ClientEndpointConfig.Builder.create().build(), uri));
            }
            // Like the web app, every client pings every 20 s; the server closes connections silent for 60 s.
            java.util.concurrent.ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor();
            heartbeat.scheduleAtFixedRate(() -> sockets.forEach(socket -> {
                if (socket.isOpen()) {
                    socket.getAsyncRemote().sendText("{\"type\":\"ping\"}");
                }
            }), 20, 20, TimeUnit.SECONDS);
            if (!joined.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("not everyone joined");
            }
            long joinMillis = (System.nanoTime() - joinStart) / 1_000_000;
            long connectedHeap = heapUsed(server.pid());
            Session host = client.connectToServer(new Endpoint() {
                @Override
                public void onOpen(Session session, EndpointConfig config) {
                    session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {});
                }
            }, ClientEndpointConfig.Builder.create().build(), uri);
            host.getBasicRemote().sendText("{\"type\":\"hello\",\"ref\":\"h\",\"body\":{\"token\":\"" + facilitator + "\"}}");
            host.getBasicRemote().sendText("{\"type\":\"session.start\",\"ref\":\"s\",\"body\":{}}");
            for (int b = 0; b < BROADCASTS; b++) {
                int expected = (b + 1) * n;
                sentAt.put(b, System.nanoTime());
                host.getBasicRemote().sendText("{\"type\":\"session.broadcast\",\"body\":{\"text\":\"b" + b + "\"}}");
                int broadcast = b + 1;
                await(() -> received.get() + broadcast * dropped.values().stream().mapToInt(Integer::intValue).sum() >= expected);
                Thread.onSpinWait();
                pace();
            }
            heartbeat.shutdownNow();
            if (!dropped.isEmpty()) {
                System.out.println("connections the server closed during the run, by close code: " + dropped);
            }
            sockets.forEach(LiveLoad::close);
            close(host);
            long perConnection = idleHeap < 0 || connectedHeap < 0 ? -1 : (connectedHeap - idleHeap) / n;
            return summarise(joinMillis, latencies, perConnection);
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Result bare(int n) throws Exception {
        int port = freePort();
        Process server = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"), BareBroadcastServer.class.getName(), String.valueOf(port))
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream()));
            while (!"ready".equals(out.readLine())) {
                // wait for the bare server
            }
            URI uri = URI.create("ws://127.0.0.1:" + port + "/bare");
            ClientManager client = ClientManager.createClient();
            Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
            List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger received = new AtomicInteger();
            long joinStart = System.nanoTime();
            List<Session> sockets = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sockets.add(client.connectToServer(new Endpoint() {
                    @Override
                    public void onOpen(Session session, EndpointConfig config) {
                        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                            long now = System.nanoTime();
                            int number = Integer.parseInt(text.substring("broadcast:".length()));
                            latencies.add((now - sentAt.get(number)) / 1e6);
                            received.incrementAndGet();
                        });
                    }
                }, ClientEndpointConfig.Builder.create().build(), uri));
            }
            long joinMillis = (System.nanoTime() - joinStart) / 1_000_000;
            Session host = sockets.get(0);
            for (int b = 0; b < BROADCASTS; b++) {
                int expected = (b + 1) * n;
                sentAt.put(b, System.nanoTime());
                host.getBasicRemote().sendText("broadcast:" + b);
                await(() -> received.get() >= expected);
                pace();
            }
            sockets.forEach(LiveLoad::close);
            return summarise(joinMillis, latencies, -1);
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static Result summarise(long joinMillis, List<Double> latencies, long perConnection) {
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(joinMillis, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), perConnection);
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Heap in use after a full GC, read with jcmd; -1 when jcmd is not available. */
    private static long heapUsed(long pid) {
        try {
            run("jcmd", String.valueOf(pid), "GC.run");
            String info = run("jcmd", String.valueOf(pid), "GC.heap_info");
            java.util.regex.Matcher used = java.util.regex.Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
            long total = 0;
            while (used.find()) {
                total += Long.parseLong(used.group(2)) * 1024;
            }
            return total == 0 ? -1 : total;
        } catch (Exception e) {
            return -1;
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    /** A short pause between broadcasts so they do not queue behind each other (this is a benchmark, not a test). */
    static void pace() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(100);
    }

    static void close(Session session) {
        try {
            session.close();
        } catch (Exception e) {
            // closing at the end of a run
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void await(java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }

    static HttpResponse<String> get(String url, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode post(String url, String token, Map<String, Object> body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
