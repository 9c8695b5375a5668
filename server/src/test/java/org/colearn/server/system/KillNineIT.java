package org.colearn.server.system;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.ServerProcess;
import org.colearn.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The packaged server killed with SIGKILL at random moments while clients chat over WebSockets and a facilitator adds
 * sites over REST, then started again on the same data: whatever was acknowledged is there, and every sequence number
 * holds what clients were sent under it.
 */
@Timeout(900)
class KillNineIT {

    /** How many times the server is killed; fewer with {@code -Dcolearn.kills=N} while working on this test. */
    static final int KILLS = Integer.getInteger("colearn.kills", 20);
    static final int SENDERS = 3;

    ServerProcess node;

    @AfterEach
    void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void twentyKillsAtRandomMomentsLoseNothingAcknowledgedAndGiveNoNumberOutTwice() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        TestDatabase database = TestDatabase.fresh();
        node = ServerProcess.start(database);
        Api api = node.api();
        String token = People.signUp(api, "Fiona Facilitator");
        String collaborative = People.collaborative(api.as(token), "Sepsis");
        String sessionId = People.session(api.as(token), collaborative, "Learning session 3", 120,
                List.of(LiveClient.agendaItem("Welcome", "plenary", 100)));
        Log log = new Log();
        try (LiveClient fiona = LiveClient.join(node.port(), sessionId, token, "fiona-laptop", null)) {
            assertTrue(fiona.request("session.start", bodyOf()).path("ok").asBoolean());
            assertTrue(fiona.request("agenda.goto", bodyOf("index", 0)).path("ok").asBoolean());
            fiona.awaitSeq(2);
            log.saw(fiona.events());
        }
        Set<String> sitesCreated = ConcurrentHashMap.newKeySet();
        long started = System.nanoTime();
        for (int kill = 1; kill <= KILLS; kill++) {
            String round = "kill " + kill + " (seed " + seed + ")";
            int target = 1 + random.nextInt(80);
            Stream stream = new Stream(node, sessionId, token, collaborative, kill, sitesCreated, target);
            stream.start();
            stream.awaitAcknowledged();
            node.kill();
            log.saw(stream.finish());
            log.acknowledged(stream.acknowledged);

            System.out.printf("%s: killed after %d acknowledged messages (%d wanted), %d sites so far%n",
                    round, stream.acknowledged.size(), target, sitesCreated.size());
            node = ServerProcess.start(database);
            log.check(node.port(), sessionId, token, round);
            Set<String> sitesNow = new HashSet<>();
            node.api().as(token).get("collaboratives/" + collaborative + "/sites").json()
                    .forEach(site -> sitesNow.add(site.path("id").asText()));
            Set<String> lostSites = new HashSet<>(sitesCreated);
            lostSites.removeAll(sitesNow);
            assertEquals(Set.of(), lostSites, round + ": sites answered 201 and gone after the restart");
        }
        System.out.printf("%s: %d kills, %d acknowledged chat messages, %d sites, %d events checked, in %d s%n",
                database.kind(), KILLS, log.acknowledgedCount(), sitesCreated.size(), log.checked(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /** What clients were sent and told, by sequence number, checked against the log after each restart. */
    static final class Log {
        /** Type and body of each event a client was sent, by its number. */
        private final Map<Long, JsonNode> seen = new TreeMap<>();
        private final Map<Long, String> acknowledgedChats = new TreeMap<>();
        private long checkedUpTo;

        void saw(List<JsonNode> events) {
            for (JsonNode event : events) {
                long seq = event.path("seq").asLong();
                JsonNode content = content(event);
                JsonNode earlier = seen.putIfAbsent(seq, content);
                assertTrue(earlier == null || earlier.equals(content),
                        "two clients were sent different events under " + seq + ": " + earlier + " and " + content);
            }
        }

        void acknowledged(Map<Long, String> chats) {
            acknowledgedChats.putAll(chats);
        }

        int acknowledgedCount() {
            return acknowledgedChats.size();
        }

        long checked() {
            return checkedUpTo;
        }

        /**
         * Resumes from the last number checked: the server must resume (not find the client ahead of its log) and
         * replay, under each number sent or acknowledged before the kill, that very event.
         */
        void check(int port, String sessionId, String token, String round) {
            try (LiveClient checker = LiveClient.connect(port, sessionId)) {
                JsonNode reply = checker.request("hello", bodyOf("token", token, "clientId", "checker-tab", "lastSeq", checkedUpTo));
                assertTrue(reply.path("ok").asBoolean(), () -> round + ": hello refused: " + reply);
                long lastSent = seen.isEmpty() ? 0 : ((TreeMap<Long, JsonNode>) seen).lastKey();
                assertTrue(reply.path("body").path("resumed").asBoolean(), () -> round + ": resuming from " + checkedUpTo
                        + " gave a fresh view (events lost); clients had been sent up to " + lastSent + ": " + reply);
                long logSeq = reply.path("body").path("seq").asLong();
                if (logSeq > checkedUpTo) {
                    checker.awaitSeq(logSeq);
                }
                Map<Long, JsonNode> logged = new TreeMap<>();
                checker.events().forEach(event -> logged.put(event.path("seq").asLong(), content(event)));
                List<String> problems = new ArrayList<>();
                seen.forEach((seq, content) -> {
                    if (seq > checkedUpTo && !content.equals(logged.get(seq))) {
                        problems.add(seq + ": sent " + content + ", the log holds " + logged.get(seq));
                    }
                });
                acknowledgedChats.forEach((seq, text) -> {
                    if (seq > checkedUpTo && (logged.get(seq) == null
                            || !text.equals(logged.get(seq).path("body").path("text").asText()))) {
                        problems.add(seq + ": acknowledged '" + text + "', the log holds " + logged.get(seq));
                    }
                });
                assertEquals(List.of(), problems, round + ": events sent or acknowledged before the kill, against the log");
                saw(checker.events());
                checkedUpTo = logSeq;
            }
        }

        private static JsonNode content(JsonNode event) {
            return bodyOf("type", event.path("type").asText(), "body", event.path("body"));
        }
    }

    /** Chat from a few WebSocket clients and sites added over REST, each waiting for its answer, until the kill. */
    static final class Stream {
        final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        private final CountDownLatch reached;
        private final CountDownLatch siteAdded = new CountDownLatch(1);
        private final List<LiveClient> clients = new ArrayList<>();
        private final List<Thread> threads = new ArrayList<>();

        Stream(ServerProcess node, String sessionId, String token, String collaborative, int kill, Set<String> sites, int target) {
            reached = new CountDownLatch(target);
            for (int i = 0; i < SENDERS; i++) {
                // A client id of its own in each round: refs start again at r1, which would be taken as retries.
                LiveClient client = LiveClient.join(node.port(), sessionId, token, "sender-" + kill + "-" + i, null);
                clients.add(client);
                String prefix = "kill " + kill + ", sender " + i + ", message ";
                threads.add(new Thread(() -> {
                    for (int n = 0; ; n++) {
                        JsonNode reply;
                        try {
                            reply = client.request("chat.send", bodyOf("text", prefix + n));
                        } catch (AssertionError | RuntimeException closed) {
                            System.out.println(prefix + n + " ended: " + closed.getMessage());
                            return;
                        }
                        if (!reply.path("ok").asBoolean()) {
                            if (reply.path("error").path("code").asText().equals("too_fast")) {
                                // Ignored, not logged: a client slows down and sends it again.
                                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                                n--;
                                continue;
                            }
                            System.out.println(prefix + n + " refused: " + reply);
                            return;
                        }
                        acknowledged.put(reply.path("body").path("seq").asLong(), prefix + n);
                        reached.countDown();
                    }
                }));
            }
            Api facilitator = node.api().as(token);
            threads.add(new Thread(() -> {
                for (int n = 0; ; n++) {
                    Api.Reply reply;
                    try {
                        reply = facilitator.post("collaboratives/" + collaborative + "/sites",
                                Map.of("name", "Site " + kill + "-" + n, "kind", "trust", "region", "South East"));
                    } catch (RuntimeException refused) {
                        return;
                    }
                    if (reply.status() != 201) {
                        System.out.println("adding a site stopped with " + reply);
                        return;
                    }
                    sites.add(reply.json().path("id").asText());
                    siteAdded.countDown();
                }
            }));
        }

        void start() {
            threads.forEach(Thread::start);
        }

        /**
         * Returns once {@code target} messages and a site are acknowledged: a moment that falls anywhere in a commit,
         * with more of both on their way.
         */
        void awaitAcknowledged() throws InterruptedException {
            assertTrue(reached.await(30, TimeUnit.SECONDS), "only " + acknowledged.size() + " messages acknowledged in 30 s");
            assertTrue(siteAdded.await(30, TimeUnit.SECONDS), "no site added in 30 s");
        }

        /** Waits for the senders to notice the kill; returns every event the clients were sent. */
        List<JsonNode> finish() throws InterruptedException {
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(40).toMillis());
            }
            List<JsonNode> events = new ArrayList<>();
            for (LiveClient client : clients) {
                events.addAll(client.events());
                client.close();
            }
            return events;
        }
    }
}
