package org.colearn.server.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.colearn.plugin.api.ActivityContext;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.BuddyPairs;
import org.colearn.plugin.api.Computed;
import org.colearn.plugin.api.ExportableResult;
import org.colearn.plugin.api.Measures;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.api.Rooms;
import org.colearn.plugin.api.Stories;
import org.colearn.plugin.api.Timers;
import org.colearn.server.system.Json;

/**
 * What a running activity may use of its session, through the plugin API only: the roster, rooms, timers and
 * publishing results. Everything it asks for becomes events of the session, on the session's thread.
 */
final class SessionServices implements ActivityContext {

    private final ActivityHost.Session session;
    private final Supplier<Instant> clock;
    private final Supplier<CommandContext> acting;
    private final String typeId;
    private final LongWork longWork;

    /** Runs an activity's long work off the session's thread: {@link ActivityContext#compute}. */
    interface LongWork {
        <R> void compute(String label, Duration budget, Callable<R> work, Computed<R> then) throws ActivityException;
    }

    SessionServices(ActivityHost.Session session, Supplier<Instant> clock, Supplier<CommandContext> acting, String typeId, LongWork longWork) {
        this.session = session;
        this.clock = clock;
        this.acting = acting;
        this.typeId = typeId;
        this.longWork = longWork;
    }

    @Override
    public Instant now() {
        return clock.get();
    }

    /** Records on behalf of the callback in progress, at the clock's time now. */
    private void record(Commands.Draft draft) {
        session.record(draft, acting.get().at(now()));
    }

    @Override
    public <R> void compute(String label, Duration budget, Callable<R> work, Computed<R> then) throws ActivityException {
        longWork.compute(label, budget, work, then);
    }

    @Override
    public List<Participant> present() {
        return session.present().values().stream().map(ActivityHost::participant).toList();
    }

    @Override
    public Rooms rooms() {
        return roomsService;
    }

    @Override
    public Timers timers() {
        return timersService;
    }

    @Override
    public void publish(String title, Record result) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("title", title).put("type", typeId);
        body.set("result", Json.MAPPER.valueToTree(result));
        if (result instanceof ExportableResult exportable) {
            // Rendered now and kept in the log, so the download never needs the plugin again.
            body.put("markdown", exportable.markdown());
            ArrayNode table = body.putArray("table");
            exportable.table().forEach(row -> {
                ArrayNode cells = table.addArray();
                row.forEach(cells::add);
            });
        }
        record(new Commands.Draft("activity.result", Audience.FACILITATORS, body));
    }

    @Override
    public Stories stories() {
        return session.stories();
    }

    @Override
    public BuddyPairs buddyPairs() {
        return session.buddyPairs();
    }

    @Override
    public Measures measures() {
        return session.measures();
    }

    @Override
    public <R extends Record> List<R> earlierResults(Class<R> type) {
        List<R> results = new ArrayList<>();
        for (JsonNode result : session.earlierResults(typeId)) {
            try {
                results.add(Json.MAPPER.treeToValue(result, type));
            } catch (JsonProcessingException | IllegalArgumentException olderShape) {
                // Published by another version of the plugin: left out, as the API promises.
            }
        }
        return results;
    }

    private final Timers timersService = new Timers() {
        @Override
        public void at(String name, Instant due) {
            ObjectNode body = Json.MAPPER.createObjectNode().put("name", name).put("due", due.toString());
            record(new Commands.Draft("activity.timer.set", Audience.NOBODY, body));
        }

        @Override
        public void cancel(String name) {
            record(new Commands.Draft("activity.timer.cancelled", Audience.NOBODY, Json.MAPPER.createObjectNode().put("name", name)));
        }
    };

    private final Rooms roomsService = new Rooms() {
        @Override
        public List<String> open(List<Plan> rooms) throws ActivityException {
            Map<UUID, Viewer> present = session.present();
            Map<String, List<Viewer>> plan = new LinkedHashMap<>();
            java.util.Set<String> textOnly = new java.util.HashSet<>();
            for (Plan room : rooms) {
                if (room.textOnly()) {
                    textOnly.add(room.name());
                }
                List<Viewer> members = new ArrayList<>();
                for (String personId : room.personIds()) {
                    Viewer viewer = present.get(UUID.fromString(personId));
                    if (viewer == null) {
                        throw new ActivityException("not_present", "Someone to seat in " + room.name() + " is not in the session.");
                    }
                    members.add(viewer);
                }
                if (plan.put(room.name(), members) != null) {
                    throw new ActivityException("duplicate_room", "Two rooms are called " + room.name() + ".");
                }
            }
            RoomCommands.openDrafts(plan, textOnly).forEach(draft -> record(draft));
            return List.copyOf(session.state().rooms().ids());
        }

        @Override
        public void move(String personId, String roomId) throws ActivityException {
            Viewer viewer = session.present().get(UUID.fromString(personId));
            if (viewer == null) {
                throw new ActivityException("not_present", "That person is not in the session.");
            }
            if (roomId != null && !session.state().rooms().exists(roomId)) {
                throw new ActivityException("no_such_room", "There is no open room " + roomId + ".");
            }
            RoomCommands.moveDrafts(session.state().rooms(), viewer, roomId).forEach(draft -> record(draft));
        }

        @Override
        public void close() {
            if (session.state().rooms().open()) {
                RoomCommands.closeDrafts(now()).forEach(draft -> record(draft));
            }
        }

        @Override
        public Optional<String> roomOf(String personId) {
            return Optional.ofNullable(session.state().rooms().roomOf(UUID.fromString(personId)));
        }
    };
}
