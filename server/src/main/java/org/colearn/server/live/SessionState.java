package org.colearn.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colearn.server.system.Json;

/**
 * What a live session is now, rebuilt by applying its events in order: the same {@link #apply} runs live and when a
 * session is restored from its latest {@link #snapshot} and the events after it, so a restart comes back to exactly the
 * state everyone saw. Longer than most classes because its snapshot must name every field that {@code apply} sets.
 */
final class SessionState {

    static final int CHAT_KEPT = 200;

    /** An agenda item as the live session knows it; {@code config} is its activity's configuration, or null. */
    record Item(String id, String title, String activityType, int plannedMinutes, JsonNode config) {

        ObjectNode json() {
            ObjectNode node = Json.MAPPER.createObjectNode()
                    .put("id", id)
                    .put("title", title)
                    .put("activityType", activityType)
                    .put("plannedMinutes", plannedMinutes);
            node.set("config", config);
            return node;
        }

        static Item from(JsonNode node) {
            JsonNode config = node.get("config");
            return new Item(node.path("id").asText(), node.path("title").asText(), node.path("activityType").asText(),
                    node.path("plannedMinutes").asInt(), config == null || config.isNull() ? null : config);
        }
    }

    /** The activity running now: its item, type, configuration, last stored state and pending timers. */
    static final class RunningActivity {
        final int index;
        final String type;
        final JsonNode config;
        JsonNode state;
        final Map<String, Instant> timers = new java.util.TreeMap<>();

        RunningActivity(int index, String type, JsonNode config) {
            this.index = index;
            this.type = type;
            this.config = config;
        }
    }

    private final String title;
    private List<Item> agenda;
    private String status = "scheduled";
    private int currentItem = -1;
    private Instant itemStartedAt;
    /** When the current item's time is up; null when no item runs or its timer is paused. */
    private Instant itemEndsAt;
    /** Seconds left on a paused timer; null when not paused. */
    private Long pausedRemainingSeconds;
    private final java.util.Set<Long> warned = new java.util.HashSet<>();
    private boolean timeUp;
    private final Deque<ObjectNode> chat = new ArrayDeque<>();
    private ObjectNode lastBroadcast;
    private long seq;
    private final Rooms rooms = new Rooms();
    private final Stage stage = new Stage();
    private RunningActivity activity;
    private final Map<String, JsonNode> results = new LinkedHashMap<>();
    /** The ids of the items that have run (started at least once), the current one included. */
    private final java.util.Set<String> itemsRun = new java.util.LinkedHashSet<>();

    SessionState(String title, List<Item> agenda) {
        this.title = title;
        this.agenda = List.copyOf(agenda);
    }

    void apply(Event event) {
        seq = event.seq();
        ObjectNode body = event.body();
        rooms.apply(event);
        stage.apply(event);
        switch (event.type()) {
            case "session.started" -> status = "live";
            case "agenda.item.started" -> {
                endItemBroadcast();
                currentItem = body.path("index").asInt();
                if (currentItem >= 0 && currentItem < agenda.size()) {
                    itemsRun.add(agenda.get(currentItem).id());
                }
                itemStartedAt = event.at();
                itemEndsAt = Instant.parse(body.path("endsAt").asText());
                pausedRemainingSeconds = null;
                warned.clear();
                timeUp = false;
            }
            case "agenda.item.extended", "agenda.item.resumed", "agenda.item.retimed" -> {
                itemEndsAt = Instant.parse(body.path("endsAt").asText());
                pausedRemainingSeconds = null;
                warned.removeIf(seconds -> Timers.dueAt(itemEndsAt, seconds).isAfter(event.at()));
                timeUp = false;
            }
            case "agenda.item.ended" -> {
                endItemBroadcast();
                currentItem = -1;
                itemStartedAt = null;
                itemEndsAt = null;
                pausedRemainingSeconds = null;
                warned.clear();
                timeUp = false;
            }
            case "agenda.item.paused" -> {
                pausedRemainingSeconds = body.path("remainingSeconds").asLong();
                itemEndsAt = null;
            }
            case "timer.warning" -> {
                long remaining = body.path("remainingSeconds").asLong();
                Timers.WARNINGS.stream().filter(warning -> warning >= remaining).forEach(warned::add);
            }
            case "timer.ended" -> timeUp = true;
            case "agenda.set" -> {
                String runningId = currentItem >= 0 && currentItem < agenda.size() ? agenda.get(currentItem).id() : null;
                List<Item> changed = new java.util.ArrayList<>();
                body.path("agenda").forEach(node -> changed.add(Item.from(node)));
                agenda = List.copyOf(changed);
                currentItem = -1;
                for (int i = 0; i < agenda.size(); i++) {
                    if (agenda.get(i).id().equals(runningId)) {
                        currentItem = i;
                    }
                }
                if (currentItem < 0) {
                    itemEndsAt = null;
                    pausedRemainingSeconds = null;
                }
            }
            case "activity.started" -> activity = new RunningActivity(body.path("index").asInt(), body.path("type").asText(), body.get("config"));
            case "activity.state" -> {
                if (activity != null) {
                    // Copies: later patches change the state in place, and the event may be applied again (a rollback).
                    activity.state = body.has("patch")
                            ? ActivityPatches.apply(activity.state, body.get("patch").deepCopy())
                            : body.get("state").deepCopy();
                }
            }
            case "activity.ended", "activity.failed" -> activity = null;
            case "activity.timer.set" -> {
                if (activity != null) {
                    activity.timers.put(body.path("name").asText(), Instant.parse(body.path("due").asText()));
                }
            }
            case "activity.timer.cancelled", "activity.timer.fired" -> {
                if (activity != null) {
                    activity.timers.remove(body.path("name").asText());
                }
            }
            case "activity.result" -> results.put(body.path("title").asText(), body.get("result"));
            case "chat.message" -> {
                chat.addLast(body);
                if (chat.size() > CHAT_KEPT) {
                    chat.removeFirst();
                }
            }
            case "session.broadcast" -> lastBroadcast = body;
            case "session.broadcast.cleared" -> lastBroadcast = null;
            case "session.ended" -> {
                status = "ended";
                lastBroadcast = null;
                itemEndsAt = null;
                pausedRemainingSeconds = null;
            }
            default -> {
                // Events of other features leave the session's own state as it is.
            }
        }
    }

    /** A broadcast ends with the item it was sent in, unless the facilitator kept it. */
    private void endItemBroadcast() {
        if (lastBroadcast != null && !lastBroadcast.path("keep").asBoolean()) {
            lastBroadcast = null;
        }
    }

    long seq() {
        return seq;
    }

    /**
     * Everything {@link #apply} has built, as JSON, so that {@link #restore} brings back exactly this state without
     * the events before it. The title is not in it: it comes from the session itself.
     */
    ObjectNode snapshot() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("seq", seq);
        node.put("status", status);
        ArrayNode items = node.putArray("agenda");
        agenda.forEach(item -> items.add(item.json()));
        node.put("currentItem", currentItem);
        node.put("itemStartedAt", itemStartedAt == null ? null : itemStartedAt.toString());
        node.put("itemEndsAt", itemEndsAt == null ? null : itemEndsAt.toString());
        node.put("pausedRemainingSeconds", pausedRemainingSeconds);
        ArrayNode warnings = node.putArray("warned");
        warned.forEach(warnings::add);
        node.put("timeUp", timeUp);
        ArrayNode messages = node.putArray("chat");
        chat.forEach(messages::add);
        node.set("lastBroadcast", lastBroadcast);
        node.set("rooms", rooms.snapshot());
        node.set("stage", stage.snapshot());
        if (activity != null) {
            ObjectNode running = node.putObject("activity");
            running.put("index", activity.index).put("type", activity.type);
            running.set("config", activity.config);
            running.set("state", activity.state);
            ObjectNode timers = running.putObject("timers");
            activity.timers.forEach((name, due) -> timers.put(name, due.toString()));
        }
        ObjectNode published = node.putObject("results");
        results.forEach(published::set);
        ArrayNode run = node.putArray("itemsRun");
        itemsRun.forEach(run::add);
        return node;
    }

    /** Takes over a {@link #snapshot}: this fresh state becomes the state it was taken of. */
    void restore(JsonNode snapshot) {
        seq = snapshot.path("seq").asLong();
        status = snapshot.path("status").asText();
        List<Item> items = new java.util.ArrayList<>();
        snapshot.path("agenda").forEach(item -> items.add(Item.from(item)));
        agenda = List.copyOf(items);
        currentItem = snapshot.path("currentItem").asInt();
        itemStartedAt = instant(snapshot.get("itemStartedAt"));
        itemEndsAt = instant(snapshot.get("itemEndsAt"));
        JsonNode paused = snapshot.get("pausedRemainingSeconds");
        pausedRemainingSeconds = paused == null || paused.isNull() ? null : paused.asLong();
        warned.clear();
        snapshot.path("warned").forEach(seconds -> warned.add(seconds.asLong()));
        timeUp = snapshot.path("timeUp").asBoolean();
        chat.clear();
        snapshot.path("chat").forEach(message -> chat.addLast((ObjectNode) message));
        JsonNode broadcast = snapshot.get("lastBroadcast");
        lastBroadcast = broadcast == null || broadcast.isNull() ? null : (ObjectNode) broadcast;
        rooms.restore(snapshot.path("rooms"));
        stage.restore(snapshot.path("stage"));
        JsonNode running = snapshot.get("activity");
        activity = null;
        if (running != null && !running.isNull()) {
            JsonNode config = running.get("config");
            activity = new RunningActivity(running.path("index").asInt(), running.path("type").asText(),
                    config == null || config.isNull() ? null : config);
            JsonNode activityState = running.get("state");
            activity.state = activityState == null || activityState.isNull() ? null : activityState;
            running.path("timers").fields().forEachRemaining(timer -> activity.timers.put(timer.getKey(), Instant.parse(timer.getValue().asText())));
        }
        results.clear();
        snapshot.path("results").fields().forEachRemaining(result -> results.put(result.getKey(), result.getValue()));
        itemsRun.clear();
        snapshot.path("itemsRun").forEach(id -> itemsRun.add(id.asText()));
    }

    private static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : Instant.parse(node.asText());
    }

    Rooms rooms() {
        return rooms;
    }

    Stage stage() {
        return stage;
    }

    /** The sequence number of the last event that changed who is where, or who may speak in the plenary. */
    long placesChangeSeq() {
        return Math.max(rooms.lastChangeSeq(), stage.lastChangeSeq());
    }

    /** The activity running now, or null. */
    RunningActivity activity() {
        return activity;
    }

    /** Whether the viewer may see the event, given who is in which room now. */
    boolean visible(Event event, Viewer viewer) {
        return event.audience().includes(viewer, rooms);
    }

    String status() {
        return status;
    }

    int agendaSize() {
        return agenda.size();
    }

    int currentItem() {
        return currentItem;
    }

    /** Whether the item at this index has run before and is not the one running now: going back to it runs it again. */
    boolean done(int index) {
        return index != currentItem && itemsRun.contains(agenda.get(index).id());
    }

    Item item(int index) {
        return agenda.get(index);
    }

    List<Item> agenda() {
        return agenda;
    }

    Instant itemEndsAt() {
        return itemEndsAt;
    }

    Long pausedRemainingSeconds() {
        return pausedRemainingSeconds;
    }

    boolean warned(long remainingSeconds) {
        return warned.contains(remainingSeconds);
    }

    boolean timeUp() {
        return timeUp;
    }

    /** The facilitator's broadcast shown now, or null: cleared, or the session has ended. */
    ObjectNode lastBroadcast() {
        return lastBroadcast;
    }

    /** The whole state as this viewer may see it. */
    ObjectNode view(Viewer viewer) {
        ObjectNode view = Json.MAPPER.createObjectNode();
        view.put("seq", seq);
        ObjectNode session = view.putObject("session");
        session.put("title", title);
        session.put("status", status);
        session.put("currentItem", currentItem);
        session.put("itemStartedAt", itemStartedAt == null ? null : itemStartedAt.toString());
        session.put("itemEndsAt", itemEndsAt == null ? null : itemEndsAt.toString());
        if (pausedRemainingSeconds == null) {
            session.putNull("itemPausedRemainingSeconds");
        } else {
            session.put("itemPausedRemainingSeconds", pausedRemainingSeconds);
        }
        session.put("timeUp", timeUp);
        ArrayNode items = session.putArray("agenda");
        for (int i = 0; i < agenda.size(); i++) {
            Item item = agenda.get(i);
            items.addObject()
                    .put("index", i)
                    .put("id", item.id())
                    .put("title", item.title())
                    .put("activityType", item.activityType())
                    .put("plannedMinutes", item.plannedMinutes())
                    .put("done", done(i));
        }
        if (viewer.facilitator()) {
            ObjectNode published = view.putObject("results");
            results.forEach(published::set);
        }
        ObjectNode you = view.putObject("you");
        you.put("personId", viewer.personId().toString());
        you.put("name", viewer.name());
        you.put("role", viewer.role());
        ArrayNode messages = view.putArray("chat");
        chat.forEach(messages::add);
        view.set("lastBroadcast", lastBroadcast);
        view.set("rooms", rooms.view(viewer));
        view.set("stage", stage.view());
        return view;
    }
}
