package org.colearn.server.live;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.colearn.server.live.StoredSession.url;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Three server processes on one PostgreSQL, as a regional programme would run them: one node owns the session, the
 * others relay their clients to it, and when the owner dies another takes over with nothing lost.
 */
@Timeout(240)
class LiveClusterIT {

    static final int PEOPLE = 30;

    TestDatabase database;
    final List<ServerProcess> nodes = new ArrayList<>();
    String sessionId;
    String facilitatorToken;
    final List<String> participantTokens = new ArrayList<>();

    @BeforeEach
    void startThreeNodes() {
        assumeTrue(TestDatabase.onPostgresql(), "several nodes share one PostgreSQL");
        database = TestDatabase.fresh();
        for (int i = 0; i < 3; i++) {
            nodes.add(ServerProcess.start(database));
        }
        Api api = nodes.get(0).api();
        facilitatorToken = People.signUp(api, "Fiona Facilitator");
        Api facilitator = api.as(facilitatorToken);
        String collaborative = People.collaborative(facilitator, "Regional sepsis programme");
        List<String> sites = List.of(
                People.site(facilitator, collaborative, "Ashford", "trust"),
                People.site(facilitator, collaborative, "Bromley", "trust"),
                People.site(facilitator, collaborative, "Croydon", "trust"));
        String code = People.invitation(facilitator, collaborative, "participant");
        for (int i = 1; i < PEOPLE; i++) {
            // Each node signs people up: REST works on any of them.
            Api node = nodes.get(i % 3).api();
            String token = People.signUp(node, "Person " + i);
            People.join(node.as(token), code, sites.get(i % 3), "nurse");
            participantTokens.add(token);
        }
        sessionId = People.session(facilitator, collaborative, "Learning session 3", 120, List.of(
                LiveClient.agendaItem("Welcome", "plenary", 10),
                LiveClient.agendaItem("Pulse check", "poll", 1)));
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(ServerProcess::close);
    }

    @Test
    void whenTheOwnerIsKilledMidRoundAnotherNodeTakesOverAndNobodyLosesOrRepeatsAnEvent() throws Exception {
        // Fiona reaches node 0 first, so node 0 owns the session; everyone else is spread over the three nodes.
        List<Person> people = new ArrayList<>();
        people.add(new Person("fiona", facilitatorToken, 0));
        people.get(0).connect(nodes);
        for (int i = 0; i < participantTokens.size(); i++) {
            Person person = new Person("person-" + (i + 1), participantTokens.get(i), (i + 1) % 3);
            person.connect(nodes);
            people.add(person);
        }
        LiveClient fiona = people.get(0).client;
        assertTrue(fiona.request("session.start", bodyOf()).path("ok").asBoolean());
        JsonNode started = fiona.request("agenda.goto", bodyOf("index", 1));
        assertTrue(started.path("ok").asBoolean(), started::toString);

        // Acknowledged before the kill: one message from someone on each node.
        Map<Long, String> acknowledged = new LinkedHashMap<>();
        for (Person sender : List.of(people.get(3), people.get(4), people.get(5))) {
            String text = "Before the failure, from node " + sender.node;
            JsonNode reply = sender.client.request("chat.send", bodyOf("text", text));
            assertTrue(reply.path("ok").asBoolean(), reply::toString);
            acknowledged.put(reply.path("body").path("seq").asLong(), text);
        }
        long lastBeforeKill = acknowledged.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        for (Person person : people) {
            person.client.awaitSeq(lastBeforeKill);
        }
        assertEquals(Optional.of(url(nodes.get(0))), owner(), "the node Fiona reached first owns the session");

        ServerProcess dead = nodes.get(0);
        dead.kill();
        Instant killedAt = Instant.now();
        Instant deadline = killedAt.plusSeconds(10);
        while (owner().equals(Optional.of(url(dead))) && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        Optional<String> newOwner = owner();
        assertTrue(newOwner.isPresent() && !newOwner.get().equals(url(dead)),
                "another node owns the session within 10 s of the kill: " + newOwner);

        List<ServerProcess> living = nodes.subList(1, 3);
        for (Person person : people) {
            person.client.awaitClose();
            person.resume(living);
        }
        // The round's timer, armed on the dead node, fires on the new owner.
        for (Person person : people) {
            person.client.await(frame -> "timer.ended".equals(frame.path("type").asText()), "the round's end after the failover",
                    Duration.ofSeconds(75));
        }
        // An agenda edit over REST on a node that does not own the session reaches the owner, and everyone.
        ServerProcess notOwner = living.stream().filter(node -> !url(node).equals(newOwner.get())).findFirst().orElseThrow();
        Api facilitator = notOwner.api().as(facilitatorToken);
        List<Object> agenda = new ArrayList<>();
        for (JsonNode item : facilitator.get("sessions/" + sessionId).json().path("agenda")) {
            agenda.add(Map.of("id", item.path("id").asText(), "title", item.path("title").asText(),
                    "activityType", item.path("activityType").asText(), "plannedMinutes", item.path("plannedMinutes").asInt()));
        }
        agenda.add(LiveClient.agendaItem("Next steps", "plenary", 5));
        Api.Reply edited = facilitator.put("sessions/" + sessionId + "/agenda", agenda);
        assertEquals(200, edited.status(), edited::toString);
        for (Person person : people) {
            JsonNode changed = person.client.awaitEvent("agenda.changed");
            assertEquals(3, changed.path("body").path("agenda").size(), changed::toString);
        }

        JsonNode after = people.get(7).client.request("chat.send", bodyOf("text", "After the failure"));
        assertTrue(after.path("ok").asBoolean(), after::toString);
        long lastSeq = after.path("body").path("seq").asLong();
        for (Person person : people) {
            person.client.awaitSeq(lastSeq);
        }

        List<Logged> log = log();
        for (Map.Entry<Long, String> sent : acknowledged.entrySet()) {
            assertTrue(log.stream().anyMatch(e -> e.seq() == sent.getKey() && e.type().equals("chat.message") && e.body().contains(sent.getValue())),
                    "acknowledged before the kill, so in the log: " + sent);
        }
        List<Long> forEveryone = log.stream().filter(e -> e.audience().equals(Audience.EVERYONE.wire()) && e.seq() <= lastSeq).map(e -> e.seq()).toList();
        for (Person person : people.subList(1, people.size())) {
            assertEquals(forEveryone, person.seqs(), person.name + " received every event once, in order, across the failover");
        }
        List<Long> fionas = people.get(0).seqs();
        assertEquals(fionas.stream().distinct().sorted().toList(), fionas, "Fiona received nothing twice and in order");
        assertTrue(fionas.containsAll(forEveryone), "Fiona missed nothing");
    }

    @Test
    void aClientOfAnotherNodeSeesWhatTheOwnerShowsAndAStoppedNodeSendsEveryoneElsewhereAndHandsItsSessionOverWithinTwoSeconds() throws Exception {
        Person fiona = new Person("fiona", facilitatorToken, 0);
        fiona.connect(nodes);
        Person nadia = new Person("nadia", participantTokens.get(0), 1);
        nadia.connect(nodes);
        assertTrue(fiona.client.request("session.start", bodyOf()).path("ok").asBoolean());
        nadia.client.awaitEvent("session.started");

        // The same person on the owner and through another node sees exactly the same session.
        try (LiveClient nadiasPhone = LiveClient.join(nodes.get(0).port(), sessionId, participantTokens.get(0), "nadia-phone", null)) {
            long joinedAt = nadiasPhone.view().path("seq").asLong();
            assertTrue(fiona.client.request("agenda.goto", bodyOf("index", 1)).path("ok").asBoolean());
            long chat = fiona.client.request("chat.send", bodyOf("text", "Vote now, please")).path("body").path("seq").asLong();
            nadiasPhone.awaitSeq(chat);
            nadia.client.awaitSeq(chat);
            assertEquals(since(nadiasPhone.events(), joinedAt), since(nadia.client.events(), joinedAt), "the same events, relayed or not");
            JsonNode pollOnOwner = nadiasPhone.await(frame -> "activity.view".equals(frame.path("type").asText()), "the poll");
            JsonNode pollRelayed = nadia.client.await(frame -> "activity.view".equals(frame.path("type").asText()), "the poll");
            assertEquals(pollOnOwner, pollRelayed, "the same projection of the poll for her, relayed or not");

            // A vote sent over REST to the node that neither runs the session nor relays Nadia is passed on to the owner.
            Api.Reply vote = nodes.get(2).api().as(participantTokens.get(0))
                    .post("sessions/" + sessionId + "/live/messages", Map.of("type", "poll.vote", "body", Map.of("choices", List.of(0))));
            assertEquals(202, vote.status(), vote::toString);
            nadia.client.await(frame -> "activity.view".equals(frame.path("type").asText())
                    && frame.path("body").path("view").path("myChoices").path(0).asInt(-1) == 0, "her vote, counted by the owner");
        }

        String relaying = nodes.get(1).api().get("metrics").text();
        assertEquals(Optional.of(1.0), metric(relaying, "colearn_relayed_connections"), "Nadia's laptop is relayed by node 1");
        assertTrue(metric(relaying, "colearn_relay_lag_seconds_count").orElse(0.0) > 0, "relayed events are timed on node 1");
        assertTrue(metric(nodes.get(0).api().get("metrics").text(), "colearn_live_events_total").orElse(0.0) >= 3,
                "the owner counts the events it logs");

        nodes.get(0).stop();
        assertEquals(1012, fiona.client.awaitClose().getCloseCode().getCode(), "the stopping node asks its own clients to reconnect elsewhere");
        assertEquals(1012, nadia.client.awaitClose().getCloseCode().getCode(), "and those relayed to it through another node");
        Instant lost = Instant.now();
        nadia.resume(List.of(nodes.get(1)));
        Duration gap = Duration.between(lost, Instant.now());
        assertTrue(gap.compareTo(Duration.ofSeconds(2)) < 0, "back in the session within 2 s, took " + gap);
        assertTrue(owner().isPresent() && !owner().get().equals(url(nodes.get(0))), "a living node took the session over: " + owner());
        JsonNode chat = nadia.client.request("chat.send", bodyOf("text", "Still here"));
        assertTrue(chat.path("ok").asBoolean(), chat::toString);
        List<Long> seqs = nadia.seqs();
        assertEquals(seqs.stream().distinct().sorted().toList(), seqs, "nothing twice, in order");
        assertEquals(chat.path("body").path("seq").asLong(), seqs.get(seqs.size() - 1));
    }

    /** The value of an unlabelled metric in a Prometheus scrape. */
    private static Optional<Double> metric(String scrape, String name) {
        java.util.regex.Matcher line = java.util.regex.Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(scrape);
        return line.find() ? Optional.of(Double.parseDouble(line.group(1))) : Optional.empty();
    }

    private static List<JsonNode> since(List<JsonNode> events, long seq) {
        return events.stream().filter(event -> event.path("seq").asLong() > seq).toList();
    }

    /** One person's connections, the one before the failure and the one after, and every event they received. */
    final class Person {
        final String name;
        final String token;
        final int node;
        final List<JsonNode> received = new ArrayList<>();
        LiveClient client;

        Person(String name, String token, int node) {
            this.name = name;
            this.token = token;
            this.node = node;
        }

        void connect(List<ServerProcess> nodes) {
            client = LiveClient.join(nodes.get(node).port(), sessionId, token, name + "-laptop", null);
        }

        /** Reconnects to a living node (its own if it lives) with the last sequence number seen, as the web app does. */
        void resume(List<ServerProcess> living) {
            received.addAll(client.events());
            client.close();
            long lastSeq = received.stream().mapToLong(e -> e.path("seq").asLong()).max().orElse(0);
            ServerProcess target = living.get(node % living.size());
            Instant deadline = Instant.now().plusSeconds(10);
            while (true) {
                try {
                    client = LiveClient.join(target.port(), sessionId, token, name + "-laptop", lastSeq);
                    return;
                } catch (AssertionError | IllegalStateException notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw notYet;
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                }
            }
        }

        List<Long> seqs() {
            List<JsonNode> all = new ArrayList<>(received);
            all.addAll(client.events());
            return all.stream().map(e -> e.path("seq").asLong()).toList();
        }
    }

    private List<Logged> log() throws SQLException {
        return new StoredSession(database, sessionId).log();
    }

    private Optional<String> owner() throws SQLException {
        return new StoredSession(database, sessionId).owner();
    }
}
