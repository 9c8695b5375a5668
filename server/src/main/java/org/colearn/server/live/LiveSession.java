package org.colearn.server.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.websocket.CloseReason;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.colearn.plugin.api.Stories;
import org.colearn.plugin.api.BuddyPairs;
import org.colearn.plugin.api.Measures;
import org.colearn.server.media.MediaRooms;
import org.colearn.server.plugin.Plugins;
import org.colearn.server.system.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live learning session: an actor. Every join, command and leave runs on the session's own {@link Mailbox}, one at
 * a time, so nothing here needs a lock. Commands become events; events are numbered, applied to the state, written to
 * the {@link EventLog} in one transaction per batch, and only after that commit sent to the connections that may see
 * them, each frame serialised once.
 */
final class LiveSession {

    private static final Logger log = LoggerFactory.getLogger(LiveSession.class);

    /** The command that asks for a page of everyone present; it changes nothing and is not logged. */
    static final String PRESENCE_PAGE = "presence.page";

    /** A client further behind than this gets a fresh view rather than every event it missed. */
    static final int RESUME_LIMIT = 1000;

    final UUID id;
    final UUID collaborativeId;
    private final EventLog eventLog;
    private final Clock clock;
    /** The session's state before any event: what a snapshot is restored onto. */
    private final Supplier<SessionState> fresh;
    private final Mailbox mailbox;
    private final LiveMetrics metrics;
    /** Told when another node has written to this session's log: that node owns it now. */
    private final java.util.function.Consumer<LiveSession> ownedElsewhere;
    /** Set when this node lets the session go: nothing more is written or sent, and its clients reconnect elsewhere. */
    private volatile boolean stopped;
    private SessionState state;
    private final Set<Connection> connections = new LinkedHashSet<>();
    /** Since when nobody has been connected; null while someone is. Read by {@link LiveSessions}' sweep. */
    private volatile Instant emptySince;
    private final PresenceFanOut presence;
    /** Activity views go out at the same pace as presence: a crowd voting costs each connection a few views a second. */
    private final PresencePace viewPace;
    private final Retries retries = new Retries();
    private final HeldCommands held = new HeldCommands();
    private final List<EventLog.Entry> pending = new ArrayList<>();
    private final List<Runnable> onCommit = new ArrayList<>();
    private final List<Runnable> onFailure = new ArrayList<>();
    /** The state as last committed: its latest snapshot (null for none) and the events committed after it. */
    private final Committed committed = new Committed();
    /** What the batch being applied did beside its events, to be undone or done again if its write fails. */
    private final List<Join> batchJoins = new ArrayList<>();
    private final List<Leave> batchLeaves = new ArrayList<>();
    private final List<String[]> batchRefs = new ArrayList<>();
    private AgendaChange batchAgenda;
    /** Writes in a row that failed with the running activity's events in them. */
    private int activityFailures;

    private final ActivityHost host;
    private final MediaSeating media;
    private boolean activityViewsChanged;
    /** The last person whose own (attributed) command was logged: an anonymous one of theirs is not logged next to it. */
    private UUID lastActor;

    LiveSession(UUID id, UUID collaborativeId, EventLog eventLog, Clock clock, Executor pool, ScheduledExecutorService timer,
            ExecutorService workers, Supplier<SessionState> fresh,
            EventLog.Stored stored, List<EventLog.Logged> earlierRefs, Plugins plugins, LiveMetrics metrics, Stories stories, BuddyPairs buddyPairs,
            Measures measures,
            java.util.function.Consumer<LiveSession> ownedElsewhere, MediaRooms media) {
        this.id = id;
        this.metrics = metrics;
        this.ownedElsewhere = ownedElsewhere;
        this.collaborativeId = collaborativeId;
        this.eventLog = eventLog;
        this.clock = clock;
        this.emptySince = clock.instant();
        this.fresh = fresh;
        this.mailbox = new Mailbox(pool, this::commit);
        PresencePace.Timer wakeUp = (nanos, wake) -> {
            try {
                timer.schedule(wake, nanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                // The server is stopping, and its clients with it: nobody is left to see the change.
            }
        };
        this.presence = new PresenceFanOut(new PresencePace(System::nanoTime, wakeUp, mailbox::submit),
                new PresencePace(System::nanoTime, wakeUp, mailbox::submit));
        this.viewPace = new PresencePace(System::nanoTime, wakeUp, mailbox::submit);
        this.media = new MediaSeating(id, media, new PresencePace(System::nanoTime, wakeUp, mailbox::submit), mailbox::submit);
        this.state = fresh.get();
        if (stored.snapshot() != null) {
            committed.restoredFrom(stored.snapshot());
            state.restore(Committed.parse(committed.snapshot));
        }
        earlierRefs.forEach(logged -> retries.remember(logged.clientId(), logged.clientRef(), logged.event().seq()));
        stored.tail().forEach(this::replay);
        this.host = new ActivityHost(plugins, new ActivityHost.Session() {
            @Override
            public SessionState state() {
                return state;
            }

            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public Map<UUID, Viewer> present() {
                return presence.viewers();
            }

            @Override
            public Event record(Commands.Draft draft, CommandContext cause) {
                return LiveSession.this.record(draft, cause);
            }

            @Override
            public void viewsChanged() {
                activityViewsChanged = true;
            }

            @Override
            public List<com.fasterxml.jackson.databind.JsonNode> earlierResults(String typeId) {
                try {
                    return eventLog.results(collaborativeId, id, typeId);
                } catch (SQLException e) {
                    log.error("session {}: could not read earlier results of {}", id, typeId, e);
                    return List.of();
                }
            }

            @Override
            public Stories stories() {
                return stories;
            }

            @Override
            public BuddyPairs buddyPairs() {
                return buddyPairs;
            }

            @Override
            public Measures measures() {
                return measures;
            }

            @Override
            public ActivityWork.Session work() {
                return longWork(workers, timer);
            }
        });
        if (state.activity() != null) {
            mailbox.submit(() -> host.resume(state.activity(), clock.instant()));
        }
    }

    /** Long work of the activity runs on {@code workers}; its outcome, and its budget running out, on the session's thread. */
    private ActivityWork.Session longWork(ExecutorService workers, ScheduledExecutorService timer) {
        return new ActivityWork.Session() {
            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public Future<?> offThread(Runnable work) {
                return workers.submit(work);
            }

            @Override
            public void after(Duration delay, Runnable task) {
                try {
                    timer.schedule(() -> mailbox.submit(task), delay.toNanos(), TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException stopping) {
                    // The server is stopping: the work is dropped with it.
                }
            }

            @Override
            public void onThread(Runnable task) {
                if (!stopped) {
                    mailbox.submit(task);
                }
            }

            @Override
            public void tell(ObjectNode status) {
                String frame = Frames.signal("activity.work", status);
                connections.forEach(connection -> connection.send(frame));
            }

            @Override
            public void afterCommit(Runnable task) {
                LiveSession.this.afterCommit(task);
            }

            @Override
            public void ifNotSaved(Runnable task) {
                onFailure.add(task);
            }
        };
    }

    /** A connection has said hello: send it a fresh view, or exactly the events it missed since {@code lastSeq}. */
    void join(Connection connection, String ref, Long lastSeq) {
        join(connection, ref, lastSeq, 1);
    }

    /** Which attempt this is: a hello whose batch could not be stored is tried again, a few times at most. */
    private void join(Connection connection, String ref, Long lastSeq, int attempt) {
        mailbox.submit(guarded(connection, ref, () -> {
            if (stopped) {
                connection.closeLater(Relay.MOVED, "The session is moving to another server; reconnecting.");
                return;
            }
            connection.session = this;
            connection.viewSeq = state.seq();
            connections.add(connection);
            emptySince = null;
            long since = lastSeq == null ? -1 : lastSeq;
            // Who was in which room decided what an event's audience was; when rooms changed while the client was
            // away, a fresh view is the only exact answer.
            boolean resume = lastSeq != null
                    && since <= state.seq()
                    && state.seq() - since <= RESUME_LIMIT
                    && state.rooms().lastChangeSeq() <= since;
            ObjectNode view = resume ? null : state.view(connection.viewer);
            // What the connection was given before it came back counts for nothing: it gets its view now, whatever it is.
            connection.lastView = null;
            if (view != null) {
                ObjectNode activityView = host.view(connection.viewer);
                view.set("activity", activityView);
                connection.lastView = Frames.activityView(activityView);
            }
            long upTo = connection.viewSeq;
            if (presence.join(connection)) {
                host.joined(connection.viewer, clock.instant());
                media.peopleChanged();
            }
            batchJoins.add(new Join(connection, ref, lastSeq, attempt));
            afterCommit(() -> {
                if (resume) {
                    connection.send(Frames.ok(ref, Json.MAPPER.createObjectNode()
                            .put("resumed", true)
                            .put("seq", upTo)
                            .put("serverTime", clock.instant().toString())));
                    replayTo(connection, since, upTo);
                    connection.sendView(Frames.activityView(host.view(connection.viewer)));
                } else {
                    ObjectNode body = Json.MAPPER.createObjectNode();
                    body.set("view", view);
                    body.put("serverTime", clock.instant().toString());
                    if (lastSeq != null && since > upTo) {
                        // The client saw numbers the log does not hold (a restored backup): they will be given again.
                        body.put("aheadOfLog", true);
                    }
                    connection.send(Frames.ok(ref, body));
                }
                String mediaRoom = media.toldTo(connection.viewer.personId());
                if (mediaRoom != null) {
                    connection.send(mediaRoom);
                }
            });
        }));
    }

    /**
     * Applies a command from a joined connection; a retried ref is answered again and not applied twice. A command
     * the activity marks unattributed leaves no trace of its sender: its events are logged without client id or ref,
     * and it is not remembered for retries (the sender still gets its answer).
     */
    void command(Connection connection, Inbound command) {
        if (command.type().equals(MediaSignals.TYPE)) {
            mailbox.submit(guarded(connection, command.ref(), () -> MediaSignals.relay(media.rooms(), id, connection, command, connections)));
            return;
        }
        mailbox.submit(guarded(connection, command.ref(), () -> {
            if (command.type().equals(PRESENCE_PAGE)) {
                presence.sendPage(connection, command);
                return;
            }
            if (host.unattributed(command.type())) {
                // Taken a random while later, among others: its place in the log does not sit beside its sender's actions.
                held.hold(clock.instant(), connection.viewer.personId(), guarded(connection, command.ref(), () -> take(connection, command)),
                        () -> connection.send(Frames.error(command.ref(), "owner_unavailable",
                                "The session is moving to another server; send it again in a moment.")));
                return;
            }
            take(connection, command);
        }));
    }

    private void take(Connection connection, Inbound command) {
        boolean attributed = !host.unattributed(command.type());
        String clientId = attributed ? connection.clientId : null;
        String clientRef = attributed ? command.ref() : null;
        Long earlier = retries.earlierResult(clientId, clientRef);
        if (earlier != null) {
            connection.send(Frames.ok(command.ref(), Json.MAPPER.createObjectNode().put("seq", earlier).put("repeated", true)));
            return;
        }
        long seq = apply(connection.viewer, clientId, clientRef, command);
        retries.remember(clientId, clientRef, seq);
        batchRefs.add(new String[] {clientId, clientRef});
        if (command.ref() != null) {
            afterCommit(() -> connection.send(Frames.ok(command.ref(), Json.MAPPER.createObjectNode().put("seq", seq))));
            onFailure.add(() -> connection.send(Frames.error(
                    command.ref(), "storage_failed", "The server could not save this; nothing changed. Try again.")));
        }
    }

    /**
     * Applies a message from someone who is not connected (it came over REST), exactly as if they had sent it over
     * their WebSocket. The result completes with the session's last sequence number once that is committed, or fails
     * with the {@link LiveException} a WebSocket client would have got.
     */
    CompletableFuture<Long> message(Viewer viewer, Inbound command) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        mailbox.submit(() -> {
            if (stopped) {
                result.completeExceptionally(moving());
                return;
            }
            if (host.unattributed(command.type())) {
                // As over the WebSocket: taken a random while later, among others, and answered then.
                held.hold(clock.instant(), viewer.personId(), () -> applyMessage(viewer, command, result),
                        () -> result.completeExceptionally(moving()));
                return;
            }
            applyMessage(viewer, command, result);
        });
        return result;
    }

    private void applyMessage(Viewer viewer, Inbound command, CompletableFuture<Long> result) {
        try {
            long seq = host.unattributed(command.type()) ? apply(viewer, null, null, command) : apply(viewer, null, command.ref(), command);
            afterCommit(() -> result.complete(seq));
            onFailure.add(() -> result.completeExceptionally(stopped
                    ? moving()
                    : new LiveException("storage_failed", "The server could not save this; nothing changed. Try again.")));
        } catch (LiveException e) {
            result.completeExceptionally(e);
        } catch (RuntimeException e) {
            log.error("session {}: a message failed unexpectedly", id, e);
            result.completeExceptionally(new LiveException("internal_error", "Something went wrong on the server; the session goes on."));
        }
    }

    private static LiveException moving() {
        return new LiveException("owner_unavailable", "The session is moving to another server; try again in a moment.");
    }

    /** Applies one command for {@code viewer}; returns the session's last sequence number after it. */
    private long apply(Viewer viewer, String clientId, String clientRef, Inbound command) {
        Instant now = clock.instant();
        boolean unattributed = host.unattributed(command.type());
        if (unattributed) {
            // What the batch changed before it stays as it was logged: attributed, with its time.
            host.store();
        }
        CommandContext cause = new CommandContext(clientId, clientRef, unattributed, now);
        long before = state.seq();
        if (host.handles(command.type())) {
            host.receive(viewer, command, cause);
            if (unattributed) {
                // What an unattributed message changed is logged at once, as the message is: with no sender and
                // no exact time, never folded into the batch's state where the time of the batch would date it.
                host.store(cause);
            } else if (state.seq() == before && clientRef != null) {
                host.taken(cause);
            }
        } else {
            host.refuseIfIdle(command);
            for (Commands.Draft draft : Commands.handle(state, viewer, command, now, presence.viewers())) {
                record(draft, cause);
                followUp(draft, cause);
            }
        }
        if (!unattributed && state.seq() != before) {
            lastActor = viewer.personId();
        }
        return state.seq();
    }

    /** Fires the timer events that have come due; called a few times a second by {@link LiveSessions}. */
    void tick() {
        if (stopped) {
            return;
        }
        mailbox.submit(() -> {
            try {
                Instant now = clock.instant();
                for (Commands.Draft draft : Timers.due(state, now)) {
                    record(draft, CommandContext.bySession(now));
                }
                host.tick(now);
                held.due(now, lastActor).forEach(Runnable::run);
            } catch (RuntimeException e) {
                log.error("session {}: a timer failed", id, e);
            }
        });
    }

    /** The agenda was edited: log it if it differs, so that everyone, and a restart, sees the new one. */
    void agendaChanged(List<SessionState.Item> agenda) {
        agendaChanged(agenda, 1);
    }

    /** Which attempt this is: the database already holds the new agenda, so a change whose batch failed is redone. */
    private void agendaChanged(List<SessionState.Item> agenda, int attempt) {
        mailbox.submit(() -> {
            if (agenda.equals(state.agenda())) {
                return;
            }
            batchAgenda = new AgendaChange(agenda, attempt);
            Instant now = clock.instant();
            boolean wasRunning = host.running();
            SessionState.Item running = state.currentItem() >= 0 ? state.item(state.currentItem()) : null;
            for (Commands.Draft draft : Commands.agendaChanged(agenda)) {
                record(draft, CommandContext.bySession(now));
            }
            for (Commands.Draft draft : Commands.retimed(running, state)) {
                record(draft, CommandContext.bySession(now));
            }
            if (wasRunning && state.currentItem() < 0) {
                host.end(CommandContext.bySession(now));
            }
        });
    }

    /** {@link Rights} found that the person's rights changed: the connection acts as who they are now, from a fresh view. */
    void rightsChanged(Connection connection, Viewer viewer) {
        mailbox.submit(() -> {
            if (connection.session == this && connections.contains(connection) && !viewer.equals(connection.viewer)) {
                connection.viewer = viewer;
                presence.refresh(viewer);
                ObjectNode body = Json.MAPPER.createObjectNode();
                ObjectNode activityView = host.view(viewer);
                body.set("view", state.view(viewer).set("activity", activityView));
                // The fresh view carries the activity as this person now sees it: that is the last they were given.
                connection.lastView = Frames.activityView(activityView);
                afterCommit(() -> connection.send(Frames.signal("rights.changed", body.put("serverTime", clock.instant().toString()))));
            }
        });
    }

    void leave(Connection connection) {
        mailbox.submit(() -> {
            connections.remove(connection);
            noteIfEmpty();
            if (presence.leave(connection)) {
                leftActivity(connection.viewer, 1);
            }
        });
    }

    /** Tells the activity that the person's last tab has gone (again, after a failed write, a few times at most). */
    private void leftActivity(Viewer viewer, int attempt) {
        if (!presence.contains(viewer.personId())) {
            media.peopleChanged();
            host.left(viewer, clock.instant());
            batchLeaves.add(new Leave(viewer, attempt));
        }
    }

    /** What the session's own events set off in the running activity: starting an item's activity, or ending it. */
    private void followUp(Commands.Draft draft, CommandContext cause) {
        switch (draft.type()) {
            case "agenda.item.started" -> {
                int index = draft.body().path("index").asInt();
                host.startItem(index, state.item(index), cause);
            }
            case "agenda.item.ended", "session.ended" -> host.end(cause);
            default -> {
                // Other events leave the activity as it is.
            }
        }
    }

    /** Numbers an event, applies it, and queues it for the batch's commit, after which it is sent. */
    private Event record(Commands.Draft draft, CommandContext cause) {
        Event event = new Event(state.seq() + 1, draft.type(), draft.audience(), draft.body(), cause.at());
        // Who may see it is decided now, by the rooms as they are at this event, though it is sent after the commit.
        List<Connection> recipients = new ArrayList<>();
        state.apply(event);
        for (Connection connection : connections) {
            if (state.visible(event, connection.viewer)) {
                recipients.add(connection);
            }
        }
        pending.add(new EventLog.Entry(event, cause.clientId(), cause.ref(), cause.unattributed()));
        if (event.type().startsWith("rooms.") || event.type().equals("room.moved")) {
            presence.roomsChanged();
        }
        afterCommit(() -> send(event, recipients));
        return event;
    }

    private Runnable guarded(Connection connection, String ref, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (LiveException e) {
                connection.send(e.frame(ref));
            } catch (RuntimeException e) {
                log.error("session {}: a command failed unexpectedly", id, e);
                connection.send(Frames.error(ref, "internal_error", "Something went wrong on the server; the session goes on."));
            }
        };
    }

    private void afterCommit(Runnable send) {
        onCommit.add(send);
    }

    private void noteIfEmpty() {
        if (connections.isEmpty() && emptySince == null) {
            emptySince = clock.instant();
        }
    }

    /**
     * Lets the session leave memory when nobody has been connected to it for {@code idle}, or for {@code ended} once it
     * has ended: checked again on the session's own thread, between two commands, so that nothing it is doing is cut
     * off. Then nothing more runs here, and {@code unload} forgets it; the next hello restores it from its snapshot.
     */
    void unloadIfIdle(Instant now, Duration idle, Duration ended, Runnable unload) {
        Instant since = emptySince;
        if (stopped || since == null || Duration.between(since, now).compareTo(idle.compareTo(ended) < 0 ? idle : ended) < 0) {
            return;
        }
        mailbox.submit(() -> {
            Instant empty = emptySince;
            if (stopped || empty == null || !connections.isEmpty() || !pending.isEmpty() || !held.isEmpty()) {
                return;
            }
            Duration limit = "ended".equals(state.status()) ? ended : idle;
            if (Duration.between(empty, clock.instant()).compareTo(limit) >= 0) {
                stopped = true;
                media.forget();
                unload.run();
            }
        });
    }

    /**
     * Lets the session go (this node lost its hold on it, or is shutting down): from now on nothing is written or
     * sent, and every client is asked to reconnect, to resume on the node that takes the session over.
     */
    void stop() {
        stopped = true;
        media.forget();
        mailbox.submit(() -> {
            held.refuseAll();
            for (Connection connection : List.copyOf(connections)) {
                connection.closeLater(Relay.MOVED, "The session is moving to another server; reconnecting.");
            }
            connections.clear();
        });
    }

    /** The batch hook: one transaction for every event of the batch, then the sends that were waiting for it. */
    private void commit() {
        if (stopped) {
            // Nothing of the batch is written: whoever waits for it is told so (WebSocket clients are closing anyway).
            List<Runnable> failures = List.copyOf(onFailure);
            forgetBatch();
            pending.clear();
            onCommit.clear();
            onFailure.clear();
            failures.forEach(Runnable::run);
            return;
        }
        // What the batch's callbacks changed in the running activity, logged once for all of them.
        host.store();
        List<Runnable> sends = List.copyOf(onCommit);
        List<Runnable> failures = List.copyOf(onFailure);
        List<EventLog.Entry> entries = List.copyOf(pending);
        onCommit.clear();
        onFailure.clear();
        pending.clear();
        long started = System.nanoTime();
        EventLog.Snapshot snapshot = committed.due(entries) ? new EventLog.Snapshot(state.seq(), Committed.write(state.snapshot())) : null;
        long written;
        try {
            written = eventLog.append(id, entries, snapshot);
        } catch (SQLException | RuntimeException e) {
            if (e instanceof SQLException failed && EventLog.writtenByAnother(failed)) {
                // This node lost its hold without noticing yet, and the node that took the session over has written
                // these numbers already: carrying on here would fork the session, so it goes to the other node.
                log.warn("session {}: another node has written event {} already and owns the session now; letting it go",
                        id, entries.get(0).event().seq());
                stop();
                failures.forEach(Runnable::run);
                ownedElsewhere.accept(this);
                return;
            }
            log.error("session {}: could not write {} event(s); rolling back to event {}", id, entries.size(), committed.seq(), e);
            failures.forEach(Runnable::run);
            rollBack(entries);
            return;
        }
        committed.add(entries, snapshot, written);
        if (entries.stream().anyMatch(LiveSession::aboutActivity)) {
            activityFailures = 0;
        }
        forgetBatch();
        long wrote = System.nanoTime();
        if (!entries.isEmpty()) {
            metrics.logged(entries.size());
            metrics.commit().record(wrote - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        sends.forEach(Runnable::run);
        if (!sends.isEmpty()) {
            metrics.fanOut().record(System.nanoTime() - wrote, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        presence.flush(connections, person -> state.rooms().roomOf(person));
        if (!stopped) {
            media.seat(state, presence, connections);
        }
        if (activityViewsChanged && viewPace.mayGo()) {
            activityViewsChanged = false;
            pushActivityViews();
        }
    }

    /**
     * Sends everyone their view of the running activity: one projection and one written frame per audience that shares
     * a view (per person unless the activity says who shares one), each person's own small part added to it, and nothing
     * to a connection that has that view already.
     */
    private void pushActivityViews() {
        Map<String, Frames.SharedView> written = new HashMap<>();
        for (Connection connection : connections) {
            connection.sendView(host.viewFrame(connection.viewer, written));
        }
    }

    /** Writes in a row that fail with the running activity's events in them before the host ends it. */
    static final int ACTIVITY_FAILURES_TO_END = 3;
    /**
     * How often a hello, or a leave, whose batch could not be stored is applied: once more than the failures that end
     * the activity, so that a hello refused because of the activity gets in once it has ended.
     */
    static final int ATTEMPTS = ACTIVITY_FAILURES_TO_END + 1;

    /**
     * After a failed write the state in memory is ahead of the log: it goes back to the last committed state (the
     * latest snapshot and the events committed since, all in memory), the running activity is made again from that
     * state, and nothing of the batch is sent. Its commands were refused; its hellos and leaves are applied again on
     * the committed state; an activity whose writes keep failing is ended, so that the session can go on.
     */
    private void rollBack(List<EventLog.Entry> failed) {
        SessionState back = fresh.get();
        if (committed.snapshot != null) {
            back.restore(Committed.parse(committed.snapshot));
        }
        committed.tail.forEach(back::apply);
        state = back;
        batchRefs.forEach(ref -> retries.forget(ref[0], ref[1]));
        Instant now = clock.instant();
        host.rollBack(state.activity(), now);
        activityViewsChanged = false;
        if (host.running() && failed.stream().anyMatch(LiveSession::aboutActivity) && ++activityFailures >= ACTIVITY_FAILURES_TO_END) {
            activityFailures = 0;
            log.error("session {}: the running activity's changes could not be stored {} times in a row; ending it", id, ACTIVITY_FAILURES_TO_END);
            mailbox.submit(() -> host.abandon(clock.instant()));
        }
        for (Join join : List.copyOf(batchJoins)) {
            Connection connection = join.connection();
            if (!connections.remove(connection)) {
                continue;
            }
            noteIfEmpty();
            presence.leave(connection);
            if (join.attempt() < ATTEMPTS) {
                join(connection, join.ref(), join.lastSeq(), join.attempt() + 1);
            } else {
                // Answered, and this connection alone is asked to come back: everyone else stays.
                connection.send(Frames.error(join.ref(), "storage_failed", "The server could not save your arrival; reconnect to try again."));
                connection.closeLater(CloseReason.CloseCodes.TRY_AGAIN_LATER, "The server could not save your arrival; reconnect.");
            }
        }
        for (Leave leave : List.copyOf(batchLeaves)) {
            if (leave.attempt() < ATTEMPTS) {
                mailbox.submit(() -> leftActivity(leave.viewer(), leave.attempt() + 1));
            }
        }
        if (batchAgenda != null && batchAgenda.attempt() < ATTEMPTS) {
            agendaChanged(batchAgenda.agenda(), batchAgenda.attempt() + 1);
        }
        forgetBatch();
    }

    /** The batch is committed, or rolled back: what it did beside its events needs no undoing any more. */
    private void forgetBatch() {
        batchJoins.clear();
        batchLeaves.clear();
        batchRefs.clear();
        batchAgenda = null;
    }

    private static boolean aboutActivity(EventLog.Entry entry) {
        return entry.event().type().startsWith("activity.");
    }

    private record Join(Connection connection, String ref, Long lastSeq, int attempt) {}

    private record Leave(Viewer viewer, int attempt) {}

    private record AgendaChange(List<SessionState.Item> agenda, int attempt) {}

    private void replay(EventLog.Logged logged) {
        state.apply(logged.event());
        retries.remember(logged.clientId(), logged.clientRef(), logged.event().seq());
        committed.tail.add(logged.event());
    }

    private void send(Event event, List<Connection> recipients) {
        String frame = Frames.event(event);
        for (Connection connection : recipients) {
            if (connection.session == this) {
                connection.send(frame);
            }
        }
    }

    private void replayTo(Connection connection, long since, long upTo) {
        try {
            for (EventLog.Logged logged : eventLog.since(id, since)) {
                Event event = logged.event();
                if (event.seq() > upTo) {
                    break;
                }
                if (state.visible(event, connection.viewer)) {
                    connection.send(Frames.event(event));
                }
            }
        } catch (SQLException e) {
            log.error("session {}: could not read missed events", id, e);
            connection.closeLater(CloseReason.CloseCodes.TRY_AGAIN_LATER, "Could not read what you missed; reconnect.");
        }
    }
}
