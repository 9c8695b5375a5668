package org.colearn.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;

/**
 * A live world café at full size, a benchmark (not a test): N guests (default 1,500, from 60 sites) on real WebSocket
 * connections at tables of 6 (250 tables), 6 rounds, from {@code begin} to the harvest and its exports. For each round
 * it measures the time from the facilitator's command ({@code begin}, then {@code nextRound}) to each participant's
 * first view with their seat in that round, and reports p50/p95/max over every participant; then the time to the
 * harvest and to each export. The server runs in this JVM on H2, or on the PostgreSQL named by
 * {@code COLEARN_TEST_DB_URL}; the clients share its cores.
 *
 * <p>Run: {@code mvn -q -DskipTests package && mvn -q -pl server exec:exec@cafe-bench [-Dcafe.bench.n=1500]}.
 */
public final class CafeBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int TABLE_SIZE = 6;
    static final int ROUNDS = 6;
    static final int SITES = 60;

    private CafeBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
        String database = System.getenv("COLEARN_TEST_DB_URL") == null ? "H2" : "PostgreSQL";
        System.out.printf("Live world café: %,d guests from %d sites at tables of %d, %d rounds; %s; %d cores, load average %.1f%n",
                n, SITES, TABLE_SIZE, ROUNDS, database, Runtime.getRuntime().availableProcessors(), load());
        try (TestServer server = TestServer.start()) {
            String facilitatorToken = People.signUp(server.api(), "Fiona Facilitator");
            Api facilitator = server.api().as(facilitatorToken);
            String sessionId = cafeSession(facilitator);
            List<String> tokens = guestTokens(server, facilitator, sessionId, n);
            URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/ws/sessions/" + sessionId + "?v=1");
            ClientManager client = ClientManager.createClient();
            // One transport for every connection, not three threads each.
            client.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
            // The moment each guest first saw their seat in each round, in nanoseconds; 0 until then.
            AtomicLongArray seatedAt = new AtomicLongArray(n * (ROUNDS + 1));
            AtomicInteger joined = new AtomicInteger();
            AtomicInteger harvested = new AtomicInteger();
            AtomicInteger noted = new AtomicInteger();
            Map<Integer, Integer> closed = new ConcurrentHashMap<>();
            List<int[]> tables = Collections.synchronizedList(new ArrayList<>());
            long joinStart = System.nanoTime();
            Guests guests = new Guests(client, uri, tokens, seatedAt, harvested, noted, joined, closed, tables, new Session[n]);
            List<Session> sockets = Arrays.asList(guests.sessions());
            for (int i = 0; i < n; i++) {
                guests.connect(i);
            }
            // Like the web app, every client pings every 20 s; the server closes connections silent for 60 s.
            ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor();
            heartbeat.scheduleAtFixedRate(() -> sockets.forEach(socket -> {
                if (socket != null && socket.isOpen()) {
                    socket.getAsyncRemote().sendText("{\"type\":\"ping\"}");
                }
            }), 20, 20, TimeUnit.SECONDS);
            await(() -> joined.get() >= n, 600, "everyone joined");
            System.out.printf("join all: %,d ms%n", (System.nanoTime() - joinStart) / 1_000_000);
            Facilitator fiona = new Facilitator(client, uri, facilitatorToken);
            heartbeat.scheduleAtFixedRate(fiona::ping, 20, 20, TimeUnit.SECONDS);
            fiona.request("session.start");
            fiona.request("agenda.goto", "{\"index\":0}");
            List<Double> all = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                long sent = System.nanoTime();
                fiona.request(round == 1 ? "world-cafe.begin" : "world-cafe.nextRound");
                long answered = System.nanoTime();
                int r = round;
                await(() -> countSeated(seatedAt, n, r) == n, 600, "everyone seated in round " + round + " (closed so far: " + closed + ")");
                double[] latencies = latencies(seatedAt, n, round, sent);
                Arrays.stream(latencies).forEach(all::add);
                System.out.printf("round %d (%s): reply %,d ms | seated p50 %,.0f ms  p95 %,.0f ms  max %,.0f ms%n", round,
                        round == 1 ? "begin" : "nextRound", (answered - sent) / 1_000_000, percentile(latencies, 50),
                        percentile(latencies, 95), percentile(latencies, 100));
                // The round's notes, one from each table, all at once, then taken in before the next round starts.
                long noting = System.nanoTime();
                int notes = note(sockets, tables, round);
                int before = noted.get();
                await(() -> noted.get() - before >= notes, 600, "the notes of round " + round);
                System.out.printf("round %d: %d notes written at once, all taken in after %,d ms%n", round, notes,
                        (System.nanoTime() - noting) / 1_000_000);
            }
            double[] nextRounds = all.subList(n, all.size()).stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(nextRounds);
            System.out.printf("nextRound, rounds 2-%d: seated p50 %,.0f ms  p95 %,.0f ms  max %,.0f ms%n", ROUNDS,
                    percentile(nextRounds, 50), percentile(nextRounds, 95), percentile(nextRounds, 100));
            long finish = System.nanoTime();
            fiona.request("world-cafe.nextRound");
            await(() -> harvested.get() >= n, 600, "everyone at the harvest");
            System.out.printf("last nextRound to everyone at the harvest: %,d ms%n", (System.nanoTime() - finish) / 1_000_000);
            exports(facilitator, sessionId);
            System.out.printf("heap used: %,d MB; connections closed by the server: %s; load average %.1f%n",
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20, closed, load());
            heartbeat.shutdownNow();
            sockets.forEach(CafeBench::close);
            fiona.close();
        }
        System.exit(0);
    }

    /**
     * The guests' connections. Like the web app, a guest whose connection the server closes (too far behind, say)
     * says hello again, and finds their seat in the fresh view.
     */
    private record Guests(ClientManager client, URI uri, List<String> tokens, AtomicLongArray seatedAt, AtomicInteger harvested,
            AtomicInteger noted, AtomicInteger joined, Map<Integer, Integer> closed, List<int[]> tables, Session[] sessions) {

        void connect(int guest) throws Exception {
            sessions[guest] = client.connectToServer(new Endpoint() {
                @Override
                public void onOpen(Session session, EndpointConfig config) {
                    session.setMaxTextMessageBufferSize(16 * 1024 * 1024);
                    session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                        long now = System.nanoTime();
                        if (text.startsWith("{\"re\":\"h\"")) {
                            joined.incrementAndGet();
                            seen(guest, text, now, view -> view.path("body").path("view").path("activity").path("view"));
                        } else if (text.startsWith("{\"re\":\"note")) {
                            noted.incrementAndGet();
                        } else if (text.startsWith("{\"type\":\"activity.view\"")) {
                            seen(guest, text, now, view -> view.path("body").path("view"));
                        }
                    });
                    session.getAsyncRemote().sendText("{\"type\":\"hello\",\"ref\":\"h\",\"body\":{\"token\":\"" + tokens.get(guest) + "\"}}");
                }

                @Override
                public void onClose(Session session, CloseReason reason) {
                    closed.merge(reason.getCloseCode().getCode(), 1, Integer::sum);
                    if (reason.getCloseCode().getCode() != CloseReason.CloseCodes.NORMAL_CLOSURE.getCode()) {
                        Thread reconnect = new Thread(() -> {
                            try {
                                connect(guest);
                            } catch (Exception e) {
                                System.out.println("guest " + guest + " could not reconnect: " + e);
                            }
                        });
                        reconnect.start();
                    }
                }
            }, ClientEndpointConfig.Builder.create().build(), uri);
        }

        /** Notes the first view in which a guest has a seat in a round, and the harvest. */
        private void seen(int guest, String text, long now, java.util.function.Function<JsonNode, JsonNode> viewOf) {
            seenView(guest, text, now, viewOf, seatedAt, harvested, tables);
        }
    }

    private static void seenView(int guest, String text, long now, java.util.function.Function<JsonNode, JsonNode> viewOf,
            AtomicLongArray seatedAt, AtomicInteger harvested, List<int[]> tables) {
        try {
            JsonNode view = viewOf.apply(JSON.readTree(text));
            if (view.path("phase").asText().equals("done")) {
                if (seatedAt.get(guest * (ROUNDS + 1)) == 0) {
                    seatedAt.set(guest * (ROUNDS + 1), now);
                    harvested.incrementAndGet();
                }
                return;
            }
            int round = view.path("round").asInt();
            int table = view.path("table").path("number").asInt(0);
            if (table > 0 && round >= 1 && round <= ROUNDS && seatedAt.compareAndSet(guest * (ROUNDS + 1) + round, 0, now)) {
                tables.add(new int[] {guest, round, table});
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One guest at each table writes a note in each round, so that the harvest has something in it. */
    private static int note(List<Session> sockets, List<int[]> tables, int round) {
        Map<Integer, Integer> writer = new ConcurrentHashMap<>();
        synchronized (tables) {
            tables.stream().filter(seat -> seat[1] == round).forEach(seat -> writer.putIfAbsent(seat[2], seat[0]));
        }
        writer.forEach((table, guest) -> sockets.get(guest).getAsyncRemote().sendText(
                "{\"type\":\"world-cafe.note\",\"ref\":\"note" + round + "-" + table + "\",\"body\":{\"kind\":\"insight\",\"text\":\"Round "
                        + round + ", table " + table + ": sepsis six by the door\"}}"));
        return writer.size();
    }

    private static void exports(Api facilitator, String sessionId) {
        long started = System.nanoTime();
        JsonNode results = facilitator.get("sessions/" + sessionId + "/results").json();
        System.out.printf("results list: %,d ms%n", (System.nanoTime() - started) / 1_000_000);
        for (JsonNode result : results) {
            for (String format : List.of("json", "csv", "md")) {
                long at = System.nanoTime();
                Api.Reply reply = facilitator.get("sessions/" + sessionId + "/results/" + result.path("seq").asLong() + "." + format);
                System.out.printf("export \"%s\" .%s: HTTP %d, %,d bytes, %,d ms%n", result.path("title").asText(), format, reply.status(),
                        reply.text().length(), (System.nanoTime() - at) / 1_000_000);
            }
        }
    }

    private static String cafeSession(Api facilitator) {
        String collaborative = People.collaborative(facilitator, "Sepsis at scale");
        JsonNode created = facilitator.post("collaboratives/" + collaborative + "/sessions", Map.of(
                "title", "Learning session 3", "startsAt", "2026-12-01T09:30:00Z", "durationMinutes", 180,
                "agenda", List.of(Map.of("title", "World café", "activityType", "world-cafe", "plannedMinutes", 120,
                        "config", Map.of("tableSize", TABLE_SIZE, "tables", 0, "rounds", ROUNDS, "roundMinutes", 15,
                                "questions", List.of("What helped?"), "hosts", "automatic",
                                "noteKinds", List.of("insight", "change idea"), "mixSites", true,
                                "mixProfessions", true, "avoidEarlierMeetings", true))))).json();
        String sessionId = created.path("id").asText();
        facilitator.put("sessions/" + sessionId + "/guests", Map.of("allowed", true));
        return sessionId;
    }

    private static List<String> guestTokens(TestServer server, Api facilitator, String sessionId, int n) throws Exception {
        String code = People.guestCode(facilitator, sessionId);
        List<String> professions = List.of("nurse", "doctor", "allied_health_professional", "manager");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int guest = i;
            tokens.add(pool.submit(() -> server.api().post("sessions/join", Map.of("code", code, "displayName", "Guest " + (guest + 1),
                    "site", "Trust " + (guest % SITES + 1), "profession", professions.get(guest % professions.size())))
                    .json().path("guestToken").asText()));
        }
        List<String> result = new ArrayList<>();
        for (Future<String> token : tokens) {
            result.add(token.get());
        }
        pool.shutdown();
        return result;
    }

    private static int countSeated(AtomicLongArray seatedAt, int n, int round) {
        int seated = 0;
        for (int guest = 0; guest < n; guest++) {
            if (seatedAt.get(guest * (ROUNDS + 1) + round) != 0) {
                seated++;
            }
        }
        return seated;
    }

    private static double[] latencies(AtomicLongArray seatedAt, int n, int round, long sent) {
        double[] latencies = new double[n];
        for (int guest = 0; guest < n; guest++) {
            latencies[guest] = (seatedAt.get(guest * (ROUNDS + 1) + round) - sent) / 1e6;
        }
        Arrays.sort(latencies);
        return latencies;
    }

    private static double percentile(double[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void await(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within " + seconds + " s: " + what);
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    private static void close(Session session) {
        try {
            session.close();
        } catch (Exception ignored) {
            // Closing at the end of the run.
        }
    }

    /** The facilitator's connection: commands one at a time, each waiting for its reply. */
    private static final class Facilitator {
        private final Session session;
        private final Map<String, String> replies = new ConcurrentHashMap<>();
        private int next;

        Facilitator(ClientManager client, URI uri, String token) throws Exception {
            session = client.connectToServer(new Endpoint() {
                @Override
                public void onOpen(Session opened, EndpointConfig config) {
                    opened.setMaxTextMessageBufferSize(64 * 1024 * 1024);
                    opened.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                        if (text.startsWith("{\"re\":")) {
                            replies.put(text.substring(7, text.indexOf('"', 7)), text);
                        } else if (text.startsWith("{\"type\":\"activity.work\"") && !text.contains("\"status\":\"running\"")) {
                            System.out.println("seating: " + text);
                        }
                    });
                }
            }, ClientEndpointConfig.Builder.create().build(), uri);
            session.getBasicRemote().sendText("{\"type\":\"hello\",\"ref\":\"hello\",\"body\":{\"token\":\"" + token + "\"}}");
            await(() -> replies.containsKey("hello"), 120, "the facilitator's hello");
        }

        void request(String type) throws Exception {
            request(type, "{}");
        }

        void request(String type, String body) throws Exception {
            String ref = "f" + next++;
            session.getBasicRemote().sendText("{\"type\":\"" + type + "\",\"ref\":\"" + ref + "\",\"body\":" + body + "}");
            await(() -> replies.containsKey(ref), 600, "a reply to " + type);
            if (!replies.get(ref).contains("\"ok\":true")) {
                throw new IllegalStateException(type + " refused: " + replies.get(ref));
            }
        }

        void ping() {
            session.getAsyncRemote().sendText("{\"type\":\"ping\"}");
        }

        void close() {
            CafeBench.close(session);
        }
    }
}
