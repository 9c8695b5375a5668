package org.colearn.plugin.testkit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.colearn.plugin.api.Activity;
import org.colearn.plugin.api.ActivityContext;
import org.colearn.plugin.api.ExportableResult;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.ActivityType;
import org.colearn.plugin.api.BuddyPairs;
import org.colearn.plugin.api.Measures;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.api.Rooms;
import org.colearn.plugin.api.Stories;
import org.colearn.plugin.api.Timers;

/**
 * Runs one activity as the server would, with no server: a manual clock, simulated participants, in-memory rooms,
 * timers and results. Messages go through JSON exactly as on the wire, and {@link #restart()} resumes the activity
 * from its state as stored JSON, as a restarted server does. Not thread-safe: one test drives it.
 *
 * @param <C> the activity's config record
 * @param <S> the activity's state record
 */
public final class ActivityHarness<C extends Record, S extends Record> {

    /** The JSON settings the server uses for plugin records: unknown fields and wrong types are refused. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final ActivityType<C, S> type;
    private final C config;
    private Instant now = Instant.parse("2026-12-01T09:30:00Z");
    private final Map<String, Participant> present = new LinkedHashMap<>();
    private final Map<String, Instant> timers = new TreeMap<>();
    private final Map<String, Record> published = new LinkedHashMap<>();
    private final Map<String, List<String>> rooms = new LinkedHashMap<>();
    private final java.util.Set<String> textOnlyRooms = new java.util.LinkedHashSet<>();
    private final List<Record> earlier = new ArrayList<>();
    private Stories stories = missing(Stories.class);
    private BuddyPairs buddyPairs = missing(BuddyPairs.class);
    private Measures measures = missing(Measures.class);
    private int arrivals;
    private Activity<S> activity;

    private ActivityHarness(ActivityType<C, S> type, C config) {
        this.type = type;
        this.config = config;
    }

    /** Starts the activity with this configuration (checked through JSON, as the server reads it). */
    public static <C extends Record, S extends Record> ActivityHarness<C, S> start(ActivityType<C, S> type, C config)
            throws ActivityException {
        return start(type, config, List.of());
    }

    /**
     * Starts the activity in a collaborative whose earlier sessions published these results of this type, which it
     * reads with {@code earlierResults} (people keep their ids across harnesses when they join in the same order).
     */
    public static <C extends Record, S extends Record> ActivityHarness<C, S> start(
            ActivityType<C, S> type, C config, List<? extends Record> earlierResults) throws ActivityException {
        ActivityHarness<C, S> harness = new ActivityHarness<>(type, roundTrip(config, type.configType()));
        harness.earlier.addAll(earlierResults);
        harness.activity = type.start(harness.context(), harness.config);
        return harness;
    }

    /**
     * Starts the activity in a collaborative with these buddy pairs, which it may read as it starts; {@link
     * #useBuddyPairs} changes them later.
     */
    public static <C extends Record, S extends Record> ActivityHarness<C, S> start(ActivityType<C, S> type, C config, BuddyPairs pairs)
            throws ActivityException {
        ActivityHarness<C, S> harness = new ActivityHarness<>(type, roundTrip(config, type.configType()));
        harness.buddyPairs = pairs;
        return harness.started();
    }

    /**
     * Starts the activity in a collaborative with these measures and charts, which it may read as it starts; {@link
     * #useMeasures} changes them later.
     *
     * @since 2
     */
    public static <C extends Record, S extends Record> ActivityHarness<C, S> start(ActivityType<C, S> type, C config, Measures measures)
            throws ActivityException {
        ActivityHarness<C, S> harness = new ActivityHarness<>(type, roundTrip(config, type.configType()));
        harness.measures = measures;
        return harness.started();
    }

    private ActivityHarness<C, S> started() throws ActivityException {
        activity = type.start(context(), config);
        return this;
    }

    /** The measures and charts the activity sees from now on. */
    public void useMeasures(Measures measures) {
        this.measures = measures;
    }

    /** The story catalogue the activity sees from now on, such as an in-memory one of the test's. */
    public void useStories(Stories catalogue) {
        this.stories = catalogue;
    }

    /** The buddy pairs the activity sees from now on. */
    public void useBuddyPairs(BuddyPairs pairs) {
        this.buddyPairs = pairs;
    }

    /** A participant (or facilitator) arrives. */
    public Participant join(String name, String site, String profession, boolean facilitator) {
        Participant participant = new Participant("p-" + (++arrivals), name, site, profession, facilitator);
        comeBack(participant);
        return participant;
    }

    /** Someone who left comes back (a dropped connection restored), as the same person. */
    public void comeBack(Participant participant) {
        present.put(participant.personId(), participant);
        activity.join(participant);
    }

    public void leave(Participant participant) {
        present.remove(participant.personId());
        activity.leave(participant);
    }

    /** Sends a message given as JSON (without the id prefix: {@code send(amira, "vote", "{\"choices\":[1]}")}). */
    public void send(Participant from, String message, String json) throws ActivityException {
        Class<? extends Record> messageType = type.messages().get(message);
        if (messageType == null) {
            throw new AssertionError(type.id() + " has no message " + message + "; it has " + type.messages().keySet());
        }
        Record parsed;
        try {
            parsed = JSON.readValue(json, messageType);
        } catch (Exception e) {
            throw new ActivityException("invalid_body", "not a valid " + type.id() + "." + message + ": " + e.getMessage());
        }
        activity.receive(from, parsed);
    }

    /** Moves the clock on, firing the timers that come due, in order. */
    public void advance(Duration duration) {
        now = now.plus(duration);
        while (true) {
            Optional<Map.Entry<String, Instant>> due = timers.entrySet().stream()
                    .filter(timer -> !timer.getValue().isAfter(now))
                    .min(Map.Entry.comparingByValue());
            if (due.isEmpty()) {
                return;
            }
            timers.remove(due.get().getKey());
            activity.timer(due.get().getKey());
        }
    }

    /** What this person sees now, as the JSON the server would send: the view they share, with their own part added. */
    public JsonNode view(Participant viewer) {
        JsonNode shared = sharedView(viewer);
        Record personal = activity.personalView(viewer);
        if (personal == null || !(shared instanceof ObjectNode view)) {
            return shared;
        }
        JsonNode own = JSON.valueToTree(personal);
        own.fieldNames().forEachRemaining(name -> {
            if (view.has(name)) {
                throw new AssertionError("the personal part of " + viewer.name() + "'s view has a component called " + name
                        + ", as the shared view does: one would hide the other");
            }
        });
        return view.setAll((ObjectNode) own);
    }

    /** What this person shares with everyone of their view key, without their own part ({@link Activity#personalView}). */
    public JsonNode sharedView(Participant viewer) {
        return JSON.valueToTree(activity.view(viewer));
    }

    /** Who shares this person's view now, as the activity says ({@link org.colearn.plugin.api.Activity#viewKey}). */
    public String viewKey(Participant viewer) {
        return activity.viewKey(viewer);
    }

    /**
     * Checks that everyone present with the same view key sees the same view, which the server relies on when it
     * projects one view per key, and that nobody's own part hides a component of that view; call it after the steps
     * your tests take.
     */
    public void assertSharedViewsAgree() {
        Map<String, Participant> first = new java.util.HashMap<>();
        for (Participant person : present.values()) {
            Participant sharer = first.putIfAbsent(viewKey(person), person);
            if (sharer != null && !sharedView(sharer).equals(sharedView(person))) {
                throw new AssertionError(sharer.name() + " and " + person.name() + " share the view key "
                        + viewKey(person) + " but see different views:\n" + sharedView(sharer) + "\n" + sharedView(person));
            }
            view(person);
        }
    }

    public S state() {
        return activity.state();
    }

    /** Resumes the activity from its state as stored JSON, as a restarted server does. */
    public void restart() {
        S stored = roundTrip(activity.state(), type.stateType());
        activity = type.resume(context(), config, stored);
    }

    /**
     * The facilitator moves on: the activity's {@link org.colearn.plugin.api.Activity#end end}, where it may publish
     * its result.
     *
     * @since 2
     */
    public void end() {
        activity.end();
    }

    public Map<String, Record> published() {
        return published;
    }

    /** Open rooms by id, each with the ids of the people in it. */
    public Map<String, List<String>> rooms() {
        return rooms;
    }

    /**
     * The ids of the open rooms the activity opened as text only: the server gives them no voice and video.
     *
     * @since 2
     */
    public java.util.Set<String> textOnlyRooms() {
        return textOnlyRooms;
    }

    public Instant now() {
        return now;
    }

    static <T> T roundTrip(Object value, Class<T> type) {
        try {
            return JSON.readValue(JSON.writeValueAsString(value), type);
        } catch (Exception e) {
            throw new AssertionError(type.getSimpleName() + " does not survive JSON: " + e.getMessage(), e);
        }
    }

    private ActivityContext context() {
        return new ActivityContext() {
            @Override
            public Instant now() {
                return now;
            }

            @Override
            public List<Participant> present() {
                return List.copyOf(present.values());
            }

            @Override
            public Rooms rooms() {
                return harnessRooms;
            }

            @Override
            public Timers timers() {
                return harnessTimers;
            }

            @Override
            public void publish(String title, Record result) {
                if (result instanceof ExportableResult exportable) {
                    checkExportable(title, exportable);
                }
                published.put(title, result);
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
            public <R extends Record> List<R> earlierResults(Class<R> resultType) {
                List<R> read = new ArrayList<>();
                for (Record result : earlier) {
                    try {
                        read.add(JSON.readValue(JSON.writeValueAsString(result), resultType));
                    } catch (Exception notThisType) {
                        // The server leaves out results that do not read into the type; so does the harness.
                    }
                }
                return read;
            }
        };
    }

    /** A service the test did not give: any call fails, naming what to give the harness. */
    private static <T> T missing(Class<T> service) {
        return service.cast(java.lang.reflect.Proxy.newProxyInstance(service.getClassLoader(), new Class<?>[] {service}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "no " + service.getSimpleName();
                };
            }
            throw new AssertionError("the activity used " + service.getSimpleName() + "; give the harness one with use"
                    + service.getSimpleName() + "(...)");
        }));
    }

    /** Fails as the server would refuse to render it: a Markdown document without a title, or a ragged table. */
    private static void checkExportable(String title, ExportableResult result) {
        if (result.markdown() == null || !result.markdown().startsWith("# ")) {
            throw new AssertionError("the Markdown of '" + title + "' must start with a level-one heading");
        }
        List<List<String>> table = result.table();
        if (table == null || table.isEmpty()) {
            throw new AssertionError("the table of '" + title + "' needs at least its row of column names");
        }
        for (List<String> row : table) {
            if (row.size() != table.get(0).size() || row.stream().anyMatch(java.util.Objects::isNull)) {
                throw new AssertionError("every row of the table of '" + title + "' must have " + table.get(0).size()
                        + " cells, none null: " + row);
            }
        }
    }

    private final Timers harnessTimers = new Timers() {
        @Override
        public void at(String name, Instant due) {
            timers.put(name, due);
        }

        @Override
        public void cancel(String name) {
            timers.remove(name);
        }
    };

    private final Rooms harnessRooms = new Rooms() {
        @Override
        public List<String> open(List<Plan> plans) throws ActivityException {
            rooms.clear();
            textOnlyRooms.clear();
            List<String> ids = new ArrayList<>();
            for (Plan plan : plans) {
                for (String personId : plan.personIds()) {
                    if (!present.containsKey(personId)) {
                        throw new ActivityException("not_present", personId + " is not present");
                    }
                }
                String id = "r" + (ids.size() + 1);
                rooms.put(id, new ArrayList<>(plan.personIds()));
                if (plan.textOnly()) {
                    textOnlyRooms.add(id);
                }
                ids.add(id);
            }
            return ids;
        }

        @Override
        public void move(String personId, String roomId) {
            rooms.values().forEach(members -> members.remove(personId));
            if (roomId != null) {
                rooms.get(roomId).add(personId);
            }
        }

        @Override
        public void close() {
            rooms.clear();
            textOnlyRooms.clear();
        }

        @Override
        public Optional<String> roomOf(String personId) {
            return rooms.entrySet().stream().filter(room -> room.getValue().contains(personId)).map(Map.Entry::getKey).findFirst();
        }
    };
}
