package org.colearn.server.live;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.colearn.server.live.StoredSession.url;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.ServerProcess;
import org.colearn.server.live.StoredSession.Logged;
import org.colearn.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three server processes on one PostgreSQL, with a short lease, and an owner that stops answering while its sockets
 * and database connections stay open (SIGSTOP): another node replaces it, its clients resume there, an agenda edited
 * meanwhile reaches them all, and when the paused node wakes up it writes nothing.
 */
@Timeout(240)
class LiveFencingIT {

    static final Map<String, String> SHORT_LEASE = Map.of("COLEARN_LEASE_SECONDS", "2");
    static final ObjectMapper JSON = new ObjectMapper();

    TestDatabase database;
    final List<ServerProcess> nodes = new ArrayList<>();
    String sessionId;
    String facilitatorToken;
    final List<String> participantTokens = new ArrayList<>();
    /** Connections given up on a node that did not answer, left for the node to close. */
    final List<LiveClient> abandoned = new ArrayList<>();

    @BeforeEach
    void startThreeNodes() {
        assumeTrue(TestDatabase.onPostgresql(), "several nodes share one PostgreSQL");
        database = TestDatabase.fresh();
        for (int i = 0; i < 3; i++) {
            nodes.add(ServerProcess.start(database, SHORT_LEASE));
        }
        Api api = nodes.get(0).api();
        facilitatorToken = People.signUp(api, "Fiona Facilitator");
        Api facilitator = api.as(facilitatorToken);
        String collaborative = People.collaborative(facilitator, "Regional sepsis programme");
        String site = People.site(facilitator, collaborative, "Ashford", "trust");
        String code = People.invitation(facilitator, collaborative, "participant");
        for (int i = 1; i <= 5; i++) {
            String token = People.signUp(api, "Person " + i);
            People.join(api.as(token), code, site, "nurse");
            participantTokens.add(token);
        }
        sessionId = People.session(facilitator, collaborative, "Learning session 5", 90, List.of(
                LiveClient.agendaItem("Welcome", "plenary", 10)));
    }

    @AfterEach
    void stopNodes() {
        abandoned.forEach(LiveClient::close);
        nodes.forEach(ServerProcess::close);
    }

    @Test
    void aPausedOwnerIsReplacedWithinTenSecondsItsClientsResumeElsewhereAndOnWakingItWritesNothing() throws Exception {
        ServerProcess paused = nodes.get(0);
        // Fiona and Paula reach node 0 first, so it owns the session; the others reach it through nodes 1 and 2.
        Person fiona = new Person("fiona", facilitatorToken, 0);
        Person paula = new Person("paula", participantTokens.get(0), 0);
        List<Person> relayed = new ArrayList<>();
        for (int i = 1; i < participantTokens.size(); i++) {
            relayed.add(new Person("person-" + i, participantTokens.get(i), 1 + i % 2));
        }
        List<Person> everyone = new ArrayList<>(List.of(fiona, paula));
        everyone.addAll(relayed);
        for (Person person : everyone) {
            person.join(person.node, null);
        }
        assertTrue(fiona.client.request("session.start", bodyOf()).path("ok").asBoolean());
        long before = 0;
        for (Person person : everyone) {
            JsonNode reply = person.client.request("chat.send", bodyOf("text", "Before the pause, from " + person.name));
            assertTrue(reply.path("ok").asBoolean(), reply::toString);
            before = reply.path("body").path("seq").asLong();
        }
        for (Person person : everyone) {
            person.client.awaitSeq(before);
        }
        assertEquals(Optional.of(url(paused)), owner(), "the node Fiona reached first owns the session");

        paused.pause();
        Instant pausedAt = Instant.now();
        // What reaches the paused owner, straight or through a relay, is never written by it.
        for (int i = 1; i <= 3; i++) {
            paula.client.sendWithRef("chat.send", "paused-" + i, bodyOf("text", "Sent to a paused owner " + i));
        }
        relayed.get(0).client.sendWithRef("chat.send", "paused-relayed", bodyOf("text", "Relayed to a paused owner"));
        // The agenda is edited through a node that does not own the session, before and just after the takeover.
        editAgenda(nodes.get(2), "Break");

        Optional<String> newOwner = owner();
        while (newOwner.equals(Optional.of(url(paused))) && Instant.now().isBefore(pausedAt.plusSeconds(10))) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            newOwner = owner();
        }
        Duration takeover = Duration.between(pausedAt, Instant.now());
        assertTrue(newOwner.isPresent() && !newOwner.get().equals(url(paused)), "another node owns the session: " + newOwner);
        assertTrue(takeover.compareTo(Duration.ofSeconds(10)) < 0, "replaced within 10 s, took " + takeover);
        editAgenda(nodes.get(1), "Next steps");

        // Relayed clients are told to reconnect, and resume on their own node; Fiona gives up on the silent node (as
        // the web app does when a ping goes unanswered) and resumes on node 1.
        for (Person person : relayed) {
            assertEquals(1012, person.client.awaitClose().getCloseCode().getCode(), person.name + " is asked to reconnect elsewhere");
            person.resume(person.node);
        }
        fiona.resume(1);
        Duration back = Duration.between(pausedAt, Instant.now());
        assertTrue(back.compareTo(Duration.ofSeconds(10)) < 0, "every client is back within 10 s of the pause, took " + back);
        List<Person> resumed = new ArrayList<>(relayed);
        resumed.add(fiona);
        for (Person person : resumed) {
            person.client.await(frame -> isAgenda(frame, 3), person.name + " sees the agenda edited during the takeover");
        }
        JsonNode after = relayed.get(1).client.request("chat.send", bodyOf("text", "After the takeover"));
        assertTrue(after.path("ok").asBoolean(), after::toString);
        for (Person person : resumed) {
            person.client.awaitSeq(after.path("body").path("seq").asLong());
        }

        paused.resume();
        // On waking, the old owner finds it was replaced: Paula is asked to reconnect, and none of her messages is kept.
        assertEquals(1012, paula.client.awaitClose().getCloseCode().getCode(), "Paula is asked to reconnect elsewhere");
        for (JsonNode frame : paula.client.frames()) {
            assertFalse(frame.path("re").asText().startsWith("paused-") && frame.path("ok").asBoolean(),
                    "nothing sent to the paused owner is acknowledged: " + frame);
        }
        long paulasLast = paula.lastSeq();
        paula.resume(0);
        JsonNode hello = paula.client.hello();
        long helloSeq = hello.path("body").path("resumed").asBoolean()
                ? hello.path("body").path("seq").asLong()
                : hello.path("body").path("view").path("seq").asLong();
        assertTrue(helloSeq >= paulasLast, "Paula's view is never older than what she had seen: " + hello);
        paula.client.await(frame -> isAgenda(frame, 3), "Paula sees the edited agenda too");
        JsonNode last = paula.client.request("chat.send", bodyOf("text", "Back after the pause"));
        assertTrue(last.path("ok").asBoolean(), last::toString);
        long lastSeq = last.path("body").path("seq").asLong();
        for (Person person : everyone) {
            person.client.awaitSeq(lastSeq);
        }

        List<Logged> log = log();
        assertEquals(lastSeq, log.size(), "one event per number, no gap: " + log);
        for (int i = 0; i < log.size(); i++) {
            assertEquals(i + 1, log.get(i).seq(), "numbered without a gap");
        }
        assertTrue(log.stream().noneMatch(e -> e.body().contains("paused owner")), "the paused owner wrote nothing: " + log);
        for (Person person : everyone) {
            List<JsonNode> seen = person.events();
            List<Long> seqs = seen.stream().map(e -> e.path("seq").asLong()).toList();
            assertEquals(seqs.stream().distinct().sorted().toList(), seqs, person.name + " saw every number once, in order");
            for (JsonNode event : seen) {
                Logged logged = log.get((int) event.path("seq").asLong() - 1);
                assertEquals(logged.type(), event.path("type").asText(), person.name + " saw what the log holds at " + logged.seq());
                assertEquals(JSON.readTree(logged.body()), event.path("body"), person.name + " saw what the log holds at " + logged.seq());
            }
        }
        for (Person person : relayed) {
            List<Long> forEveryone = log.stream().filter(e -> e.audience().equals(Audience.EVERYONE.wire()) && e.seq() > person.firstSeq)
                    .map(Logged::seq).toList();
            assertEquals(forEveryone, person.events().stream().map(e -> e.path("seq").asLong()).filter(seq -> seq > person.firstSeq).toList(),
                    person.name + " missed nothing across the takeover");
        }
    }

    private static boolean isAgenda(JsonNode frame, int items) {
        return "agenda.changed".equals(frame.path("type").asText()) && frame.path("body").path("agenda").size() == items;
    }

    /** Adds an item to the agenda over REST on {@code node}, which answers once the edit is stored. */
    private void editAgenda(ServerProcess node, String title) {
        Api facilitator = node.api().as(facilitatorToken);
        List<Object> agenda = new ArrayList<>();
        for (JsonNode item : facilitator.get("sessions/" + sessionId).json().path("agenda")) {
            agenda.add(Map.of("id", item.path("id").asText(), "title", item.path("title").asText(),
                    "activityType", item.path("activityType").asText(), "plannedMinutes", item.path("plannedMinutes").asInt()));
        }
        agenda.add(LiveClient.agendaItem(title, "plenary", 5));
        Api.Reply edited = facilitator.put("sessions/" + sessionId + "/agenda", agenda);
        assertEquals(200, edited.status(), edited::toString);
    }

    /** One person's connections over the test, and every event they received on each. */
    final class Person {
        final String name;
        final String token;
        final int node;
        final List<JsonNode> received = new ArrayList<>();
        LiveClient client;
        long firstSeq = -1;
        int connections;

        Person(String name, String token, int node) {
            this.name = name;
            this.token = token;
            this.node = node;
        }

        void join(int on, Long lastSeq) {
            // A new client id for each connection, as a new tab has: the refs of a test client start again at 1.
            client = LiveClient.join(nodes.get(on).port(), sessionId, token, name + "-tab-" + (++connections), lastSeq);
            if (firstSeq < 0) {
                firstSeq = client.view().path("seq").asLong();
            }
        }

        /** Reconnects to node {@code on} with the last sequence number seen, as the web app does, until it is back. */
        void resume(int on) {
            received.addAll(client.events());
            LiveClient old = client;
            Instant deadline = Instant.now().plusSeconds(10);
            while (true) {
                try {
                    join(on, lastSeq());
                    break;
                } catch (AssertionError | IllegalStateException notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw notYet;
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                }
            }
            if (old.closeReason() == null) {
                // Left open on a node that does not answer; it is closed when the test ends.
                abandoned.add(old);
            }
        }

        long lastSeq() {
            List<JsonNode> all = events();
            return all.isEmpty() ? 0 : all.get(all.size() - 1).path("seq").asLong();
        }

        List<JsonNode> events() {
            List<JsonNode> all = new ArrayList<>(received);
            if (client != null) {
                all.addAll(client.events());
            }
            return all;
        }
    }

    private List<Logged> log() throws SQLException {
        return new StoredSession(database, sessionId).log();
    }

    private Optional<String> owner() throws SQLException {
        return new StoredSession(database, sessionId).owner();
    }
}
