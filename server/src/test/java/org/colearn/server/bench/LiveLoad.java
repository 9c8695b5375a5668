package org.colearn.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.websocket.ClientEndpointConfig;
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
import java.util.StringJoiner;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.client.ClientManager;

/**
 * Load generator for live sessions (a benchmark, not a test). For each N given, it starts the packaged server in its
 * own JVM (default options) on an empty H2 database, lets N guests join one session over WebSockets, and measures the
 * time for all N to join, a facilitator's broadcast latency to all N (p50/p95/p99 over every delivery) and the
 * server's heap per idle joined connection; then the same for a bare Tyrus endpoint in its own JVM, broadcasting to N
 * connections. Both servers are warmed the same way first (a round of joins and broadcasts that is not counted). The
 * clients run in {@value #CLIENT_PROCESSES} JVMs of their own ({@link LoadClients}), never in the server's or this
 * one's, and the CPU they used is reported beside each figure, so that a generator at its limit shows.
 *
 * <p>Run: {@code mvn -q -DskipTests package && mvn -q -pl server exec:exec@live-load -Dlive.load.n=1000,3000,5000}
 */
public final class LiveLoad {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int BROADCASTS = 30;
    static final int CLIENT_PROCESSES = 2;
    /** How many connections warm a server before it is measured. */
    static final int WARM_UP = 500;
    static final int SITES = 16;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final int CORES = Runtime.getRuntime().availableProcessors();

    public static void main(String[] args) throws Exception {
        String sizes = args.length > 0 ? args[0] : "1000";
        Path jar = Path.of(args.length > 1 ? args[1] : "target/colearn.jar");
        System.out.printf("Live-session load, N = %s guests, %d broadcasts, %d cores, clients in %d JVMs, load average %s%n",
                sizes, BROADCASTS, CORES, CLIENT_PROCESSES, loadAverage());
        for (String size : sizes.split(",")) {
            int n = Integer.parseInt(size.strip());
            Result colearn = colearn(n, jar);
            Result bare = bare(n);
            print("colearn", n, colearn);
            print("bare", n, bare);
            System.out.printf("N = %d: join colearn / bare %.2f, p95 colearn / bare %.2f, load average now %s%n",
                    n, (double) colearn.joinMillis / bare.joinMillis, colearn.p95 / bare.p95, loadAverage());
        }
        System.exit(0);
    }

    record Result(long joinMillis, double p50, double p95, double p99, long bytesPerConnection, double clientCpu,
            double serverCpu, long presenceBytes, String closes) {}

    private static void print(String name, int n, Result result) {
        System.out.printf("%-8s N %5d | join all %6d ms | broadcast p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms | heap/conn %s"
                        + " | client JVMs CPU %.0f%% of a core, server %.0f%% | presence to clients %s | closed %s%n",
                name, n, result.joinMillis, result.p50, result.p95, result.p99,
                result.bytesPerConnection < 0 ? "n/a" : (result.bytesPerConnection / 1024) + " KB",
                result.clientCpu * 100, result.serverCpu * 100,
                result.presenceBytes < 0 ? "n/a" : String.format("%.1f MB", result.presenceBytes / 1e6), result.closes);
    }

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
            String sessionId = post(base + "collaboratives/" + collaborative + "/sessions", facilitator, Map.of("title", "Load", "startsAt", "2026-06-01T09:00:00Z", "durationMinutes", 60)).path("id").asText();
            put(base + "sessions/" + sessionId + "/guests", facilitator, Map.of("allowed", true));
            String code = JSON.readTree(get(base + "sessions/" + sessionId, facilitator).body()).path("joinCode").asText();
            List<String> tokens = Collections.synchronizedList(new ArrayList<>());
            ExecutorService joins = Executors.newFixedThreadPool(8);
            for (int i = 0; i < n + WARM_UP; i++) {
                int person = i;
                joins.execute(() -> {
                    try {
                        tokens.add(post(base + "sessions/join", null, Map.of("code", code, "displayName", "Guest " + person,
                                "site", "Trust " + (person % SITES + 1), "profession", "nurse")).path("guestToken").asText());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            joins.shutdown();
            joins.awaitTermination(30, TimeUnit.MINUTES);
            Path tokenFile = data.resolve("tokens.txt");
            Files.write(tokenFile, tokens);
            URI uri = URI.create("ws://127.0.0.1:" + port + "/ws/sessions/" + sessionId + "?v=1");
            Session host = ClientManager.createClient().connectToServer(new Endpoint() {
                @Override
                public void onOpen(Session session, EndpointConfig config) {
                    session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {});
                }
            }, ClientEndpointConfig.Builder.create().build(), uri);
            host.getBasicRemote().sendText("{\"type\":\"hello\",\"ref\":\"h\",\"body\":{\"token\":\"" + facilitator + "\"}}");
            host.getBasicRemote().sendText("{\"type\":\"session.start\",\"ref\":\"s\",\"body\":{}}");
            // The facilitator pings as the clients do: the server closes a connection silent for 60 s.
            java.util.concurrent.ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor();
            heartbeat.scheduleAtFixedRate(() -> host.getAsyncRemote().sendText("{\"type\":\"ping\"}"), 20, 20, TimeUnit.SECONDS);
            Broadcaster broadcast = b -> host.getBasicRemote().sendText(
                    "{\"type\":\"session.broadcast\",\"body\":{\"text\":\"B:" + b + ":" + System.nanoTime() + "\"}}");
            // Warming: the same joins and broadcasts, on guests who then leave, not counted.
            run(server, uri, broadcast, i -> List.of("colearn", uri.toString(), tokenFile.toString(), String.valueOf(n + WARM_UP * i / CLIENT_PROCESSES),
                    String.valueOf(n + WARM_UP * (i + 1) / CLIENT_PROCESSES)), WARM_UP, () -> {});
            long[] heap = new long[2];
            heap[0] = heapUsed(server.pid());
            Result result = run(server, uri, broadcast, i -> List.of("colearn", uri.toString(), tokenFile.toString(), String.valueOf(n * i / CLIENT_PROCESSES),
                    String.valueOf(n * (i + 1) / CLIENT_PROCESSES)), n, () -> heap[1] = heapUsed(server.pid()));
            heartbeat.shutdownNow();
            close(host);
            long perConnection = heap[0] < 0 || heap[1] < 0 ? -1 : (heap[1] - heap[0]) / n;
            return new Result(result.joinMillis, result.p50, result.p95, result.p99, perConnection, result.clientCpu,
                    result.serverCpu, result.presenceBytes, result.closes);
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
            Session host = ClientManager.createClient().connectToServer(new Endpoint() {
                @Override
                public void onOpen(Session session, EndpointConfig config) {
                    session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {});
                }
            }, ClientEndpointConfig.Builder.create().build(), uri);
            Broadcaster broadcast = b -> host.getBasicRemote().sendText("broadcast:B:" + b + ":" + System.nanoTime());
            run(server, uri, broadcast, i -> List.of("bare", uri.toString(), String.valueOf(WARM_UP / CLIENT_PROCESSES)), WARM_UP, () -> {});
            Result result = run(server, uri, broadcast, i -> List.of("bare", uri.toString(),
                    String.valueOf(n * (i + 1) / CLIENT_PROCESSES - n * i / CLIENT_PROCESSES)), n, () -> {});
            close(host);
            return new Result(result.joinMillis, result.p50, result.p95, result.p99, -1, result.clientCpu, result.serverCpu, -1, result.closes);
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    interface Broadcaster {
        void send(int number) throws Exception;
    }

    /**
     * One round: the client JVMs join their shares of {@code n}, then {@link #BROADCASTS} broadcasts go out, each once
     * every open connection has the one before; {@code joined} runs when all have joined, before the broadcasts.
     */
    private static Result run(Process server, URI uri, Broadcaster broadcast, java.util.function.IntFunction<List<String>> arguments,
            int n, Runnable joined) throws Exception {
        List<Process> clients = new ArrayList<>();
        List<BlockingQueue<String>> lines = new ArrayList<>();
        long serverCpuStart = cpuNanos(server);
        long joinStart = System.nanoTime();
        for (int i = 0; i < CLIENT_PROCESSES; i++) {
            List<String> command = new ArrayList<>(List.of("java", "-cp", System.getProperty("java.class.path"), LoadClients.class.getName()));
            command.addAll(arguments.apply(i));
            Process client = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            clients.add(client);
            BlockingQueue<String> queue = new LinkedBlockingQueue<>();
            lines.add(queue);
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream()))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        queue.add(line);
                    }
                } catch (java.io.IOException ended) {
                    // the client JVM has gone
                }
            });
            reader.setDaemon(true);
            reader.start();
        }
        for (BlockingQueue<String> queue : lines) {
            expect(queue, "joined");
        }
        long joinMillis = (System.nanoTime() - joinStart) / 1_000_000;
        joined.run();
        for (int b = 0; b < BROADCASTS; b++) {
            broadcast.send(b);
            for (BlockingQueue<String> queue : lines) {
                expect(queue, "got " + b);
            }
            pace();
        }
        long clientCpu = clients.stream().mapToLong(LiveLoad::cpuNanos).sum();
        double wall = System.nanoTime() - joinStart;
        double serverCpu = (cpuNanos(server) - serverCpuStart) / wall;
        List<Double> latencies = new ArrayList<>();
        long presence = 0;
        StringJoiner closes = new StringJoiner(" ");
        for (int i = 0; i < CLIENT_PROCESSES; i++) {
            clients.get(i).getOutputStream().write("end\n".getBytes());
            clients.get(i).getOutputStream().flush();
            String all = expect(lines.get(i), "latencies");
            for (String latency : all.substring("latencies".length()).strip().split(",")) {
                if (!latency.isEmpty()) {
                    latencies.add(Double.parseDouble(latency));
                }
            }
            presence += Long.parseLong(expect(lines.get(i), "presence").substring("presence ".length()));
            closes.add(expect(lines.get(i), "closes").substring("closes ".length()));
            clients.get(i).waitFor(60, TimeUnit.SECONDS);
        }
        Result summary = summarise(joinMillis, latencies, -1);
        return new Result(joinMillis, summary.p50, summary.p95, summary.p99, -1, clientCpu / wall, serverCpu, presence, closes.toString());
    }

    /** The next line of a client JVM that starts with {@code prefix}, waiting up to ten minutes for it. */
    private static String expect(BlockingQueue<String> lines, String prefix) throws Exception {
        while (true) {
            String line = lines.poll(10, TimeUnit.MINUTES);
            if (line == null) {
                throw new IllegalStateException("a client JVM did not say '" + prefix + "' within ten minutes");
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** CPU time a process has used so far, in nanoseconds; 0 when the system does not say. */
    private static long cpuNanos(Process process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }

    static Result summarise(long joinMillis, List<Double> latencies, long perConnection) {
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(joinMillis, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), perConnection, 0, 0, -1, "");
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
        return send(url, token, "POST", body);
    }

    static JsonNode put(String url, String token, Map<String, Object> body) throws Exception {
        return send(url, token, "PUT", body);
    }

    private static JsonNode send(String url, String token, String method, Map<String, Object> body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
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
