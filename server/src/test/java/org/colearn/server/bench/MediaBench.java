package org.colearn.server.bench;

import static org.colearn.server.testing.LiveClient.bodyOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.colearn.server.system.MediaSettings;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.Browser;
import org.colearn.server.testing.JanusServer;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.LivePage;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.openqa.selenium.By;

/**
 * Voice and video with real browsers (headless Chromium, fake camera and microphone). Two measures, see
 * docs/benchmarks.md:
 * <ul>
 *   <li>{@code rounds janus|peer N R T}: N browsers with microphone and camera on, seated R times at random tables of T
 *       (as a café round seats them); for each person and round, the time from the new seating to audio flowing from
 *       every tablemate (read from {@code getStats()} in the page every 50 ms);</li>
 *   <li>{@code cpu N SECONDS}: N browsers in one Janus room, first with microphones only, then with cameras too
 *       (simulcast); the Janus process's CPU over SECONDS in each state, per forwarded stream.</li>
 * </ul>
 */
public final class MediaBench {

    private static final By MEDIA = Browser.section("Voice and video");
    private static final long TICKS = 100; // USER_HZ on Linux

    /** In the page: for each peer connection made since the mark, when its inbound audio first grew. */
    private static final String WATCH = """
            window.colearnBenchMark = (window.colearnTestPeerConnections || []).length;
            window.colearnBenchFirst = new Map();
            clearInterval(window.colearnBenchTimer);
            window.colearnBenchTimer = setInterval(() => {
              (window.colearnTestPeerConnections || []).slice(window.colearnBenchMark).forEach((pc, i) => {
                if (pc.connectionState === 'closed' || window.colearnBenchFirst.has(i)) return;
                pc.getStats().then((report) => report.forEach((s) => {
                  if (s.type === 'inbound-rtp' && s.kind === 'audio' && s.bytesReceived > 0 && !window.colearnBenchFirst.has(i)) {
                    window.colearnBenchFirst.set(i, Date.now());
                  }
                }));
              });
            }, 50);
            """;

    /** The time the last of {@code arguments[0]} open connections started receiving audio, or null before then. */
    private static final String FLOWING = """
            const open = (window.colearnTestPeerConnections || []).slice(window.colearnBenchMark)
              .map((pc, i) => [pc, i]).filter(([pc]) => pc.connectionState !== 'closed' && pc.signalingState !== 'closed');
            const times = open.map(([, i]) => window.colearnBenchFirst.get(i)).filter((t) => t !== undefined);
            return times.length >= arguments[0] ? Math.max(...times) : null;
            """;

    private MediaBench() {}

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "rounds";
        System.out.printf("cores: %d, load: %s%n", Runtime.getRuntime().availableProcessors(), uptime());
        if (what.equals("cpu")) {
            cpu(args.length > 1 ? Integer.parseInt(args[1]) : 4, args.length > 2 ? Integer.parseInt(args[2]) : 20);
        } else {
            rounds(args.length > 1 ? args[1] : "janus", args.length > 2 ? Integer.parseInt(args[2]) : 6,
                    args.length > 3 ? Integer.parseInt(args[3]) : 5, args.length > 4 ? Integer.parseInt(args[4]) : 3);
        }
        System.exit(0);
    }

    private static void rounds(String mode, int n, int rounds, int tableSize) throws Exception {
        JanusServer janus = mode.equals("janus") ? JanusServer.start() : null;
        try (TestServer server = janus == null ? TestServer.start()
                : TestServer.startWithMedia(new MediaSettings(List.of(janus.url()), JanusServer.ADMIN_KEY, List.of(), "", Duration.ofHours(1)))) {
            Gathering gathering = gather(server, n);
            try {
                for (Browser browser : gathering.browsers) {
                    browser.press("Turn microphone on");
                    browser.press("Turn camera on");
                }
                Random random = new Random(1);
                List<Long> millis = new ArrayList<>();
                int[] roomOf = new int[n];
                for (int round = 1; round <= rounds; round++) {
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        order.add(i);
                    }
                    Collections.shuffle(order, random);
                    List<Map<String, Object>> tables = new ArrayList<>();
                    int[] table = new int[n];
                    for (int start = 0, number = 1; start < n; start += tableSize, number++) {
                        List<Integer> seated = order.subList(start, Math.min(n, start + tableSize));
                        for (int i : seated) {
                            table[i] = number;
                        }
                        tables.add(Map.of("name", "Round " + round + " table " + number, "members", seated.stream().map(gathering.ids::get).toList()));
                    }
                    // The connections each person must make: to everyone at a table whose room is new to them, else to
                    // the tablemates who were not in that room before (the others' calls go on as they were).
                    int[] fresh = new int[n];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            if (i != j && table[i] == table[j] && (roomOf[i] != table[i] || roomOf[j] != table[j])) {
                                fresh[i]++;
                            }
                        }
                    }
                    for (Browser browser : gathering.browsers) {
                        browser.script(WATCH);
                    }
                    // The facilitator's socket never pings: a fresh one for each round, before the server finds it silent.
                    try (LiveClient fiona = gathering.facilitator()) {
                        long seated = System.currentTimeMillis();
                        fiona.request("rooms.open", bodyOf("rooms", tables));
                        millis.addAll(await(gathering.browsers, fresh, seated, round));
                    }
                    roomOf = table;
                }

                if (millis.isEmpty()) {
                    System.out.printf("%s: no one heard all their new tablemates within 60 s of a seating; load %s%n", mode, uptime());
                    return;
                }
                Collections.sort(millis);
                System.out.printf("%s, %d browsers, tables of %d, %d rounds: %d samples, p50 %d ms, p95 %d ms, max %d ms; load %s%n",
                        mode, n, tableSize, rounds, millis.size(), percentile(millis, 50), percentile(millis, 95), millis.get(millis.size() - 1), uptime());
            } finally {
                gathering.close();
            }
        } finally {
            if (janus != null) {
                janus.close();
            }
        }
    }

    /** Waits for each person with new tablemates to hear all of them; returns how long each took from the seating. */
    private static List<Long> await(List<Browser> browsers, int[] fresh, long seated, int round) {
        int n = browsers.size();
        List<Long> millis = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int expected = (int) java.util.Arrays.stream(fresh).filter(count -> count > 0).count();
        boolean[] done = new boolean[n];
        while (millis.size() < expected && System.nanoTime() < deadline) {
            for (int i = 0; i < n; i++) {
                if (done[i] || fresh[i] == 0) {
                    continue;
                }
                Object at = browsers.get(i).script(FLOWING, fresh[i]);
                if (at != null) {
                    done[i] = true;
                    millis.add(((Number) at).longValue() - seated);
                }
            }
        }
        System.out.printf("round %d: %d of %d people with new tablemates hear all of them; load %s%n", round, millis.size(), expected, uptime());
        return millis;
    }

    private static void cpu(int n, int seconds) throws Exception {
        JanusServer janus = JanusServer.start();
        try (TestServer server = TestServer.startWithMedia(new MediaSettings(List.of(janus.url()), JanusServer.ADMIN_KEY, List.of(), "", Duration.ofHours(1)))) {
            Gathering gathering = gather(server, n);
            try {
                double idle = cpuPercent(janus.pid(), seconds);
                System.out.printf("idle, %d in the room: Janus %.1f%% of one core; load %s%n", n, idle, uptime());
                for (Browser browser : gathering.browsers) {
                    browser.press("Turn microphone on");
                }
                awaitEveryoneHearing(gathering.browsers, n - 1);
                double audio = cpuPercent(janus.pid(), seconds);
                int streams = n * (n - 1);
                System.out.printf("audio: %d publishers, %d forwarded audio streams: Janus %.1f%% of one core, %.2f%% per stream; load %s%n",
                        n, streams, audio, (audio - idle) / streams, uptime());
                for (Browser browser : gathering.browsers) {
                    browser.press("Turn camera on");
                }
                awaitEveryoneSeeing(gathering.browsers);
                double video = cpuPercent(janus.pid(), seconds);
                System.out.printf("audio and video: %d forwarded video streams (simulcast, layer %s): Janus %.1f%% of one core, %.2f%% per video stream; load %s%n",
                        streams, n - 1 >= 4 ? "low" : "high", video, (video - audio) / streams, uptime());
            } finally {
                gathering.close();
            }
        } finally {
            janus.close();
        }
    }

    /** The session, its facilitator on a socket, and N people in browsers with fake devices, all in the plenary's call. */
    private record Gathering(LiveClient fiona, List<Browser> browsers, List<String> ids, TestServer server, String sessionId, String token) {
        LiveClient facilitator() {
            return LiveClient.join(server, sessionId, token, "fiona-laptop", null);
        }

        void close() {
            browsers.forEach(Browser::close);
            fiona.close();
        }
    }

    private static Gathering gather(TestServer server, int n) {
        Api api = server.api();
        String fionaToken = People.signUp(api, "Fiona Facilitator");
        Api facilitator = api.as(fionaToken);
        String collaborative = People.collaborative(facilitator, "Sepsis collaborative");
        String code = People.invitation(facilitator, collaborative, "participant");
        String site = People.site(facilitator, collaborative, "Ashford", "trust");
        Map<String, String> people = new LinkedHashMap<>();
        for (int i = 1; i <= n; i++) {
            String name = "Person " + (char) ('A' + i - 1) + " Bench";
            String token = People.signUp(api, name);
            People.join(api.as(token), code, site, "nurse");
            people.put(name.toLowerCase().replace(' ', '.') + "@example.nhs.uk", api.as(token).get("me").json().path("id").asText());
        }
        String sessionId = People.session(facilitator, collaborative, "Learning session", 90, List.of(LiveClient.agendaItem("Tables", "plenary", 30)));
        LiveClient fiona = LiveClient.join(server, sessionId, fionaToken, "fiona-laptop", null);
        fiona.request("session.start", bodyOf());
        List<Browser> browsers = new ArrayList<>();
        for (String email : people.keySet()) {
            Browser browser = Browser.loggedInWithMedia(server.baseUrl(), email, "/sessions/" + sessionId);
            browsers.add(browser);
            browser.waitForTextIn(LivePage.CONNECTION, "Connected");
        }
        for (Browser browser : browsers) {
            browser.waitForTextIn(MEDIA, "You are in the call of");
        }
        fiona.close();
        return new Gathering(fiona, browsers, List.copyOf(people.values()), server, sessionId, fionaToken);
    }

    private static void awaitEveryoneHearing(List<Browser> browsers, int others) {
        for (Browser browser : browsers) {
            browser.script(WATCH.replace("window.colearnBenchMark = (window.colearnTestPeerConnections || []).length;", "window.colearnBenchMark = 0;"));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        for (Browser browser : browsers) {
            while (browser.script(FLOWING, others) == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not everyone hears everyone within 90 s");
                }
            }
        }
    }

    private static void awaitEveryoneSeeing(List<Browser> browsers) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        for (Browser browser : browsers) {
            while (browser.inboundMediaGrowth()[1] <= 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not everyone sees video within 90 s");
                }
            }
        }
    }

    /** The process's CPU (user and system) over this many seconds, in percent of one core, from /proc. */
    private static double cpuPercent(long pid, int seconds) throws IOException {
        long before = ticks(pid);
        long started = System.nanoTime();
        long end = started + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            java.util.concurrent.locks.LockSupport.parkNanos(end - System.nanoTime()); // the measuring window
        }
        long used = ticks(pid) - before;
        double elapsed = (System.nanoTime() - started) / 1e9;
        return 100.0 * used / TICKS / elapsed;
    }

    private static long ticks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
