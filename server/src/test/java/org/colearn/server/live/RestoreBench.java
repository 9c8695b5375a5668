package org.colearn.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.colearn.server.system.Json;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;

/**
 * Times restoring a live session of many events (what a server does when the first client of a session comes back
 * after a restart) for a log written as it was before snapshots (the activity's whole state in every
 * {@code activity.state} event, the whole log replayed) and as it is written now (what changed in each event, a
 * snapshot beside the log). Usage: {@code RestoreBench [events] [people] [runs]}; see docs/benchmarks.md.
 */
public final class RestoreBench {

    private RestoreBench() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int people = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        try (TestServer server = TestServer.start()) {
            Api facilitator = server.api().as(People.signUp(server.api(), "Bench Facilitator"));
            String collaborative = People.collaborative(facilitator, "Restore bench");
            EventLog log = new EventLog(server.dataSource(), (transaction, session) -> {});
            UUID before = UUID.fromString(People.session(facilitator, collaborative, "Before", 60, List.of()));
            UUID after = UUID.fromString(People.session(facilitator, collaborative, "After", 60, List.of()));
            long writtenBefore = write(log, before, events, people, false);
            long writtenAfter = write(log, after, events, people, true);
            System.out.printf("events: %,d, activity of %d people, runs: %d, cores: %d%n", events, people, runs,
                    Runtime.getRuntime().availableProcessors());
            report("whole state in each event, whole log replayed", log, before, runs, writtenBefore);
            report("changes in events, snapshot + tail", log, after, runs, writtenAfter);
        }
    }

    /**
     * Writes a session's log: a quarter of its events change the activity's state (one person's answer), the rest are
     * chat messages; in batches of 50, as a busy session commits them, with snapshots as the engine decides.
     */
    private static long write(EventLog log, UUID sessionId, int events, int people, boolean changes) throws Exception {
        SessionState state = new SessionState("bench", List.of());
        Committed committed = new Committed();
        ObjectNode activity = activityState(people);
        Instant at = Instant.parse("2026-12-01T09:30:00Z");
        List<EventLog.Entry> batch = new ArrayList<>();
        long chars = 0;
        for (long seq = 1; seq <= events; seq++) {
            ObjectNode body = Json.MAPPER.createObjectNode();
            String type;
            if (seq == 1) {
                type = "activity.started";
                body.put("index", 0).put("type", "poll");
            } else if (seq % 4 == 0) {
                type = "activity.state";
                ObjectNode next = activity.deepCopy();
                ((ObjectNode) next.withArray("voters").get((int) (seq / 4 % people))).put("choice", (int) (seq % 5)).put("at", seq);
                body.put("index", 0);
                if (changes && seq > 4) {
                    // As the host logs it: the whole state first, then only what changed.
                    body.set("patch", ActivityPatches.diff(activity, next));
                } else {
                    body.set("state", next);
                }
                activity = next;
            } else {
                type = "chat.message";
                body.put("text", "Message " + seq + " about the change we tested on the ward this week").put("personId", UUID.randomUUID().toString());
            }
            Event event = new Event(seq, type, Audience.EVERYONE, body, at.plusMillis(seq));
            state.apply(event);
            batch.add(new EventLog.Entry(event, "bench-client", "r" + seq, false));
            if (batch.size() == 50 || seq == events) {
                EventLog.Snapshot snapshot = changes && committed.due(batch)
                        ? new EventLog.Snapshot(state.seq(), Committed.write(state.snapshot()))
                        : null;
                long written = log.append(sessionId, batch, snapshot);
                committed.add(batch, snapshot, written);
                chars += written + (snapshot == null ? 0 : snapshot.state().length());
                batch.clear();
            }
        }
        return chars;
    }

    private static ObjectNode activityState(int people) {
        ObjectNode state = Json.MAPPER.createObjectNode().put("question", "Which change will you test first?");
        var voters = state.putArray("voters");
        for (int i = 0; i < people; i++) {
            voters.addObject().put("personId", UUID.randomUUID().toString()).put("name", "Person " + i).put("site", "Trust " + i % 7)
                    .put("choice", -1).put("at", 0);
        }
        return state;
    }

    private static void report(String what, EventLog log, UUID sessionId, int runs, long written) throws Exception {
        restore(log, sessionId); // warm-up: class loading and the JIT
        List<Long> millis = new ArrayList<>();
        long replayed = 0;
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            replayed = restore(log, sessionId);
            millis.add((System.nanoTime() - started) / 1_000_000);
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("%-48s median %,d ms (min %,d, max %,d); %,d events replayed; %,d characters written%n",
                what, sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), replayed, written);
    }

    /** What {@link LiveSessions} does to load a session: its latest snapshot, the events after it, the recent refs. */
    private static long restore(EventLog log, UUID sessionId) throws Exception {
        EventLog.Stored stored = log.stored(sessionId);
        SessionState state = new SessionState("bench", List.of());
        Retries retries = new Retries();
        if (stored.snapshot() != null) {
            state.restore(Committed.parse(stored.snapshot().state()));
            for (EventLog.Logged logged : log.recentRefs(sessionId, stored.snapshot().seq())) {
                retries.remember(logged.clientId(), logged.clientRef(), logged.event().seq());
            }
        }
        for (EventLog.Logged logged : stored.tail()) {
            state.apply(logged.event());
            retries.remember(logged.clientId(), logged.clientRef(), logged.event().seq());
        }
        JsonNode activity = state.activity().state;
        if (activity == null || state.seq() == 0) {
            throw new IllegalStateException("nothing restored");
        }
        return stored.tail().size();
    }
}
