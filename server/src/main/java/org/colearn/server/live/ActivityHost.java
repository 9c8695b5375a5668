package org.colearn.server.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.colearn.plugin.api.Activity;
import org.colearn.plugin.api.ActivityContext;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.ActivityType;
import org.colearn.plugin.api.BuddyPairs;
import org.colearn.plugin.api.Measures;
import org.colearn.plugin.api.Computed;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.api.Stories;
import org.colearn.server.plugin.Plugin;
import org.colearn.server.plugin.Plugins;
import org.colearn.server.system.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the activity plugin of the current agenda item inside a live session, on the session's thread. Everything
 * the activity does becomes events of the session (its rooms, timers and results as they happen, what changed in its
 * state once per batch of callbacks, when the session commits), so a restart resumes it exactly. A plugin that throws
 * is contained: its activity ends with an error shown to facilitators, and the session goes on.
 */
final class ActivityHost {

    /** What the host needs of its session. */
    interface Session {
        SessionState state();

        /** The session's clock as it reads now, not when the callback began. */
        Instant now();

        Map<UUID, Viewer> present();

        Event record(Commands.Draft draft, CommandContext cause);

        void viewsChanged();

        /** What activities of this type published in the collaborative's other sessions, oldest first. */
        List<JsonNode> earlierResults(String typeId);

        /** The collaborative's story catalogue, bound to this session. */
        Stories stories();

        /** The buddy pairs of the session's collaborative. */
        BuddyPairs buddyPairs();

        /** The measures of the session's collaborative and its sites' charts. */
        Measures measures();

        /** Where the activity's long work runs, and how its outcome comes back. */
        ActivityWork.Session work();
    }

    private static final Logger log = LoggerFactory.getLogger(ActivityHost.class);
    /** A bound on timers fired in one tick, so an activity that keeps setting due timers cannot hold the session. */
    static final int MAX_TIMERS_PER_TICK = 100;

    private final Plugins plugins;
    private final Session session;
    private final ActivityWork work;
    private Plugin plugin;
    private Activity<?> activity;
    /** The running activity's messages whose sender is not recorded, read once when it starts. */
    private Set<String> unattributed = Set.of();
    private int index = -1;
    /**
     * The cause of the callback in progress (or of the last one): the plugin API gives an activity its context once,
     * when it starts, so what the activity records through it during a callback is recorded on behalf of this.
     */
    private CommandContext acting = CommandContext.bySession(Instant.EPOCH);
    /** Whether a callback may have changed the activity's state since it was last logged. */
    private boolean changed;

    ActivityHost(Plugins plugins, Session session) {
        this.plugins = plugins;
        this.session = session;
        this.work = new ActivityWork(session.work());
    }

    /** Starts the activity of agenda item {@code itemIndex}, if its type is installed; ends the one running. */
    void startItem(int itemIndex, SessionState.Item item, CommandContext cause) {
        end(cause);
        Optional<Plugin> found = plugins.get(item.activityType());
        if (found.isEmpty()) {
            return;
        }
        Plugin candidate = found.get();
        ActivityType<Record, Record> type = cast(candidate.type());
        acting = cause;
        try {
            Record config = candidate.config(item.config());
            ObjectNode started = Json.MAPPER.createObjectNode().put("index", itemIndex).put("type", type.id());
            started.set("config", Json.MAPPER.valueToTree(config));
            session.record(new Commands.Draft("activity.started", Audience.NOBODY, started), cause);
            plugin = candidate;
            index = itemIndex;
            unattributed = Set.copyOf(type.unattributedMessages());
            activity = type.start(context(candidate), config);
            present().forEach(activity::join);
            changed();
        } catch (ActivityException e) {
            failed("could not start: " + e.getMessage(), null);
        } catch (JsonProcessingException | RuntimeException | LinkageError e) {
            failed("could not start", e);
        }
    }

    /** Brings back the activity that was running when the server stopped. */
    void resume(SessionState.RunningActivity running, Instant at) {
        Optional<Plugin> found = plugins.get(running.type);
        if (found.isEmpty() || running.state == null) {
            return;
        }
        ActivityType<Record, Record> type = cast(found.get().type());
        acting = CommandContext.bySession(at);
        try {
            plugin = found.get();
            index = running.index;
            unattributed = Set.copyOf(type.unattributedMessages());
            Record config = Json.MAPPER.treeToValue(running.config, type.configType());
            Record state = Json.MAPPER.treeToValue(running.state, type.stateType());
            activity = type.resume(context(found.get()), config, state);
        } catch (JsonProcessingException | RuntimeException | LinkageError e) {
            failed("could not resume", e);
        }
    }

    /**
     * After a write that failed: the plugin instance holds changes that were never stored, so it is made again from
     * the last committed state (the one the session was rolled back to), or dropped when none was running then.
     */
    void rollBack(SessionState.RunningActivity committed, Instant at) {
        clear(" was stopped: a change could not be saved. Try again.");
        if (committed != null) {
            resume(committed, at);
        }
    }

    /**
     * Ends the running activity because its changes could not be stored, with a small event that needs none of its
     * state, so that people can still join, see the plenary, and the facilitators move on.
     */
    void abandon(Instant at) {
        if (activity == null) {
            return;
        }
        acting = CommandContext.bySession(at);
        failed("could not be saved", null);
    }

    boolean running() {
        return activity != null;
    }

    /** Whether a command type belongs to the running activity ({@code poll.vote} while a poll runs). */
    boolean handles(String commandType) {
        return activity != null && commandType.startsWith(plugin.type().id() + ".");
    }

    /**
     * Whether the running activity asked that the sender of this command not be recorded: its events are logged with
     * no client id or reference, and it is not remembered for retries.
     */
    boolean unattributed(String commandType) {
        return handles(commandType) && unattributed.contains(commandType.substring(plugin.type().id().length() + 1));
    }

    /** Refuses a message for an installed activity that is not running now, rather than calling it unknown. */
    void refuseIfIdle(Inbound command) {
        int dot = command.type().indexOf('.');
        if (dot > 0 && plugins.get(command.type().substring(0, dot)).isPresent()) {
            String name = plugins.get(command.type().substring(0, dot)).get().type().displayName();
            throw new LiveException("activity_not_running", "No " + name + " is running now.", command.ref());
        }
    }

    void receive(Viewer from, Inbound command, CommandContext cause) {
        String name = command.type().substring(plugin.type().id().length() + 1);
        Class<? extends Record> messageType = plugin.type().messages().get(name);
        if (messageType == null) {
            throw new LiveException("unknown_type", "The " + plugin.type().displayName() + " has no message called " + name + ".", command.ref());
        }
        Record message;
        try {
            message = Json.INPUT.treeToValue(command.body(), messageType);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new LiveException("invalid_body", "This is not a valid " + command.type() + ": " + firstLine(e.getMessage()), command.ref());
        }
        acting = cause;
        try {
            activity.receive(participant(from), message);
        } catch (ActivityException e) {
            throw new LiveException(e.code(), e.getMessage(), command.ref(), e.fields());
        } catch (RuntimeException | LinkageError e) {
            failed("failed on " + command.type(), e);
            throw new LiveException("activity_failed", "The activity stopped with an error; the facilitators have been told.", command.ref());
        }
        changed();
    }

    void joined(Viewer viewer, Instant at) {
        callback(at, "join", () -> activity.join(participant(viewer)));
    }

    void left(Viewer viewer, Instant at) {
        callback(at, "leave", () -> activity.leave(participant(viewer)));
    }

    /**
     * Fires the activity's timers that are due, earliest first, one at a time: a timer a callback sets or cancels
     * (the next round's warning) counts as it now stands, never as it stood when the tick began.
     */
    void tick(Instant at) {
        for (int fired = 0; fired < MAX_TIMERS_PER_TICK && activity != null; fired++) {
            SessionState.RunningActivity running = session.state().activity();
            if (running == null) {
                return;
            }
            Optional<Map.Entry<String, Instant>> due = running.timers.entrySet().stream()
                    .filter(timer -> !at.isBefore(timer.getValue()))
                    .min(Map.Entry.comparingByValue());
            if (due.isEmpty()) {
                return;
            }
            String name = due.get().getKey();
            session.record(new Commands.Draft("activity.timer.fired", Audience.NOBODY, Json.MAPPER.createObjectNode().put("name", name)), CommandContext.bySession(at));
            callback(at, "timer", () -> activity.timer(name));
        }
    }

    /** Ends the running activity, if any, keeping its last state with the session. */
    void end(CommandContext cause) {
        if (activity == null) {
            return;
        }
        acting = cause;
        try {
            activity.end();
        } catch (RuntimeException | LinkageError e) {
            log.warn("activity {} threw while ending", plugin.type().id(), e);
        }
        changed();
        store(cause);
        if (activity == null) {
            // Its last state could not be given: it has failed, and that ended it.
            return;
        }
        session.record(new Commands.Draft("activity.ended", Audience.NOBODY, Json.MAPPER.createObjectNode().put("index", index)), cause);
        clear();
    }

    /**
     * What this viewer sees of the running activity: its type, browser module and view (the one they share, with their
     * own part added); null when none runs.
     */
    ObjectNode view(Viewer viewer) {
        ObjectNode node = sharedView(viewer);
        JsonNode own = node == null ? null : personalView(viewer);
        if (own != null && node.get("view") instanceof ObjectNode view) {
            view.setAll((ObjectNode) own);
        }
        return node;
    }

    /**
     * This viewer's {@code activity.view} frame, the same as one made of {@link #view}: the part they share is written
     * once per {@link #viewKey} into {@code written} and their own part added to it as text, so that a crowd of 1,500 at
     * 250 tables costs 500 projections and writes of the large part, not 1,500.
     */
    String viewFrame(Viewer viewer, Map<String, Frames.SharedView> written) {
        String key = viewKey(viewer);
        Frames.SharedView shared = written.computeIfAbsent(key == null ? "" : key, audience -> Frames.sharedView(sharedView(viewer)));
        return shared.with(key == null ? null : personalView(viewer));
    }

    private ObjectNode sharedView(Viewer viewer) {
        if (activity == null) {
            return null;
        }
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("index", index);
        node.put("type", plugin.type().id());
        node.put("module", "/plugins/" + plugin.type().id() + "/" + plugin.type().browserModule());
        try {
            node.set("view", Json.MAPPER.valueToTree(activity.view(participant(viewer))));
            ObjectNode underway = work.status();
            if (underway != null) {
                node.set("work", underway);
            }
        } catch (RuntimeException | LinkageError e) {
            log.error("activity {} could not make a view", plugin.type().id(), e);
            node.putNull("view");
        }
        return node;
    }

    /** The running activity's part of the view that is this viewer's alone, as an object; null for none. */
    private ObjectNode personalView(Viewer viewer) {
        try {
            Record own = activity.personalView(participant(viewer));
            JsonNode node = own == null ? null : Json.MAPPER.valueToTree(own);
            return node instanceof ObjectNode object && !object.isEmpty() ? object : null;
        } catch (RuntimeException | LinkageError e) {
            log.error("activity {} could not make a person's own view", plugin.type().id(), e);
            return null;
        }
    }

    /**
     * Who shares this viewer's view of the running activity: the activity's own {@link Activity#viewKey}, or one key
     * per person when it gives none or fails to; null when no activity runs.
     */
    String viewKey(Viewer viewer) {
        if (activity == null) {
            return null;
        }
        try {
            String key = activity.viewKey(participant(viewer));
            if (key != null) {
                return "activity:" + key;
            }
        } catch (RuntimeException | LinkageError e) {
            log.error("activity {} could not say who shares a view", plugin.type().id(), e);
        }
        return "person:" + viewer.personId();
    }

    private void callback(Instant at, String what, Runnable call) {
        if (activity == null) {
            return;
        }
        acting = CommandContext.bySession(at);
        try {
            call.run();
            changed();
        } catch (RuntimeException | LinkageError e) {
            failed("failed on " + what, e);
        }
    }

    /** A callback returned: the state may have changed, and everyone's view is sent again. */
    private void changed() {
        changed = true;
        session.viewsChanged();
    }

    /**
     * Logs what changed in the activity's state since it was last logged, as a JSON Patch against that state (the whole
     * state only when there is none to compare with): once per batch, just before the session commits, not after each
     * callback, because working out a large activity's state (a café of 1,500) is most of what a callback costs.
     */
    void store() {
        store(CommandContext.bySession(acting.at()));
    }

    /** As {@link #store()}, on behalf of {@code cause}: an unattributed message's changes, logged at once. */
    void store(CommandContext cause) {
        if (activity == null || !changed) {
            return;
        }
        changed = false;
        JsonNode state;
        try {
            state = Json.MAPPER.valueToTree(activity.state());
        } catch (RuntimeException | LinkageError e) {
            failed("could not give its state", e);
            return;
        }
        SessionState.RunningActivity running = session.state().activity();
        JsonNode before = running == null ? null : running.state;
        ObjectNode body = Json.MAPPER.createObjectNode().put("index", index);
        if (before != null && before.isObject() && state.isObject()) {
            JsonNode patch = ActivityPatches.diff(before, state);
            if (!patch.isEmpty()) {
                session.record(new Commands.Draft("activity.state", Audience.NOBODY, body.set("patch", patch)), cause);
            }
        } else if (before == null || !state.equals(before)) {
            session.record(new Commands.Draft("activity.state", Audience.NOBODY, body.set("state", state)), cause);
        }
    }

    /**
     * Logs that a message to the activity was taken, though what it changed is logged with the batch: an empty patch
     * that carries the sender's client id and reference, so that a retry of it after a restart is answered, not applied
     * again.
     */
    void taken(CommandContext cause) {
        SessionState.RunningActivity running = session.state().activity();
        if (activity != null && running != null && running.state != null) {
            ObjectNode body = Json.MAPPER.createObjectNode().put("index", index);
            body.putArray("patch");
            session.record(new Commands.Draft("activity.state", Audience.NOBODY, body), cause);
        }
    }

    private void failed(String what, Throwable cause) {
        String type = plugin == null ? "activity" : plugin.type().id();
        log.error("activity {} {}", type, what, cause);
        ObjectNode body = Json.MAPPER.createObjectNode().put("index", index).put("type", type)
                .put("message", "The " + type + " activity " + what + (cause == null ? "" : ": " + cause.getClass().getSimpleName()) + ". The session goes on.");
        session.record(new Commands.Draft("activity.failed", Audience.FACILITATORS, body), acting);
        clear();
        session.viewsChanged();
    }

    private void clear() {
        clear(" was stopped: the activity is over.");
    }

    private void clear(String why) {
        work.forget(why);
        changed = false;
        plugin = null;
        activity = null;
        unattributed = Set.of();
        index = -1;
    }

    private List<Participant> present() {
        return session.present().values().stream().map(ActivityHost::participant).toList();
    }

    private ActivityContext context(Plugin running) {
        // The clock as it reads when the activity asks: a round it times after long work (seating 1,500 people, say)
        // runs its full length from when the work is done, not from when the command came in.
        return new SessionServices(session, session::now, () -> acting, running.type().id(), new SessionServices.LongWork() {
            @Override
            public <R> void compute(String label, Duration budget, Callable<R> task, Computed<R> then) throws ActivityException {
                Activity<?> owner = activity;
                work.start(label, budget, task, then, call -> {
                    if (activity == owner) {
                        callback(session.now(), "its long work", call);
                    }
                });
            }
        });
    }

    static Participant participant(Viewer viewer) {
        return new Participant(viewer.personId().toString(), viewer.name(), viewer.site(), viewer.profession(), viewer.facilitator());
    }

    @SuppressWarnings("unchecked")
    private static ActivityType<Record, Record> cast(ActivityType<?, ?> type) {
        return (ActivityType<Record, Record>) type;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
