package org.colearn.server.bench;

import static org.colearn.server.testing.LiveClient.bodyOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.ServerProcess;
import org.colearn.server.testing.TestDatabase;

/**
 * Write throughput of the live engine (a benchmark, not a test): S sessions on the packaged server, C clients in each
 * sending chat messages one after another (each waits for its acknowledgement) for a fixed time; reports the
 * acknowledged messages per second, the commits per second and their mean duration (from {@code /api/metrics}), and
 * the size of the H2 file. Give several jars to compare builds on the same machine in one run.
 *
 * <p>Run: {@code mvn -q -DskipTests package && mvn -q -pl server exec:exec@commit-load} (or with
 * {@code -Dcommit.load.sessions}, {@code .clients}, {@code .seconds} and {@code .jars}, jars separated by commas;
 * {@code -Dcommit.load.db=postgresql} with {@code COLEARN_TEST_DB_URL} set for PostgreSQL).
 */
public final class CommitLoad {

    public static void main(String[] args) throws Exception {
        int sessions = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        System.out.printf("%d sessions x %d clients, %d s each, %d cores%n", sessions, clients, seconds,
                Runtime.getRuntime().availableProcessors());
        for (String jar : args[3].split(",")) {
            run(Path.of(jar), sessions, clients, seconds);
        }
        System.exit(0);
    }

    private static void run(Path jar, int sessions, int clients, int seconds) throws Exception {
        TestDatabase database = TestDatabase.fresh();
        try (ServerProcess node = ServerProcess.start(database, jar)) {
            Api api = node.api();
            String token = People.signUp(api, "Fiona Facilitator");
            String collaborative = People.collaborative(api.as(token), "Load");
            List<LiveClient> senders = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                String sessionId = People.session(api.as(token), collaborative, "Session " + s, 120,
                        List.of(LiveClient.agendaItem("Welcome", "plenary", 100)));
                for (int c = 0; c < clients; c++) {
                    LiveClient client = LiveClient.join(node.port(), sessionId, token, "load-" + s + "-" + c, null);
                    if (c == 0) {
                        client.request("session.start", bodyOf());
                    }
                    senders.add(client);
                }
            }
            double[] before = metrics(api);
            AtomicLong acknowledged = new AtomicLong();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<Thread> threads = new ArrayList<>();
            for (LiveClient client : senders) {
                Thread thread = new Thread(() -> {
                    while (System.nanoTime() < deadline) {
                        if (client.request("chat.send", bodyOf("text", "load")).path("ok").asBoolean()) {
                            acknowledged.incrementAndGet();
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double[] after = metrics(api);
            double commits = after[0] - before[0];
            System.out.printf("%-40s %s: %7.0f messages/s acknowledged, %6.0f commits/s, %.1f events per commit,"
                            + " %.2f ms per commit; H2 file %d KB%n",
                    jar, database.kind(), acknowledged.get() / (double) seconds, commits / seconds,
                    (after[2] - before[2]) / commits, 1000 * (after[1] - before[1]) / commits, h2FileSize(database) / 1024);
            senders.forEach(LiveClient::close);
        }
    }

    /** Commits, seconds spent committing and events logged, so far. */
    private static double[] metrics(Api api) {
        double[] values = new double[3];
        api.get("metrics").text().lines().forEach(line -> {
            if (line.startsWith("colearn_live_commit_seconds_count")) {
                values[0] = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } else if (line.startsWith("colearn_live_commit_seconds_sum")) {
                values[1] = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } else if (line.startsWith("colearn_live_events_total")) {
                values[2] = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        });
        return values;
    }

    private static long h2FileSize(TestDatabase database) throws IOException {
        try (Stream<Path> files = Files.list(database.dataDir())) {
            return files.filter(file -> file.toString().endsWith(".mv.db")).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
