package org.colearn.server.media;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.colearn.server.system.MediaSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Voice and video for the live sessions of this node: each session says where its people are ({@link #seat}) after
 * every change, and each person is told, on the session's socket, which media room to join and with which token, or
 * why they have none. With Janus servers configured, each place gets a VideoRoom ({@link JanusRooms}); without, the
 * people of a place of up to {@value #PEER_LIMIT} call each other directly, the server passing their signalling
 * only between people of one place ({@link #together}).
 *
 * <p>All work runs on one media thread, so a slow Janus never holds up a session; a burst of seatings of one session
 * is coalesced into its latest.
 */
public final class MediaRooms implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MediaRooms.class);
    public static final int PEER_LIMIT = 8;
    /** How often the Janus servers are asked whether they answer: rooms of one that stopped move within this and a retry. */
    static final long CHECK_MILLIS = 2000;

    private final JanusRooms janus;
    private final IceServers ice;
    private final ScheduledExecutorService thread;
    private final Map<UUID, Seating> sessions = new HashMap<>();
    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
    /** Where each person of each session is, for checking signalling from any thread. */
    private final Map<UUID, Map<UUID, String>> placeOf = new ConcurrentHashMap<>();
    /** Who is on stage in each session's places that are stages. */
    private final Map<UUID, Map<String, Set<UUID>>> stages = new ConcurrentHashMap<>();

    private record Pending(List<Place> places, Tell tell) {}

    private static final class Seating {
        final Tell tell;
        List<Place> places = List.of();
        final Map<UUID, ObjectNode> told = new HashMap<>();

        Seating(Tell tell) {
            this.tell = tell;
        }
    }

    public MediaRooms(MediaSettings settings, Clock clock) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Janus.TIMEOUT).build();
        this.janus = settings.mediaServer()
                ? new JanusRooms(java.util.stream.IntStream.range(0, settings.janus().size())
                        .mapToObj(i -> new Janus(settings.janus().get(i), settings.janusPublic().get(i), http)).toList(), settings.adminKey())
                : null;
        this.ice = new IceServers(settings, clock);
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread media = new Thread(runnable, "colearn-media");
            media.setDaemon(true);
            return media;
        });
        if (janus != null) {
            thread.scheduleWithFixedDelay(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Whether rooms go through Janus servers (otherwise peer to peer). */
    public boolean mediaServer() {
        return janus != null;
    }

    /** Where the session's people are now; everyone whose media room changes is told through {@code tell}. */
    public void seat(UUID sessionId, List<Place> places, Tell tell) {
        Map<UUID, String> where = new HashMap<>();
        places.forEach(place -> place.people().forEach(person -> where.put(person.id(), place.textOnly() ? null : place.key())));
        where.values().removeIf(Objects::isNull);
        placeOf.put(sessionId, where);
        Map<String, Set<UUID>> onStage = new HashMap<>();
        places.stream().filter(place -> place.stage() != null).forEach(place -> onStage.put(place.key(), place.stage()));
        stages.put(sessionId, onStage);
        if (pending.put(sessionId, new Pending(List.copyOf(places), tell)) == null) {
            run(() -> {
                Pending latest = pending.remove(sessionId);
                if (latest != null) {
                    sessions.computeIfAbsent(sessionId, id -> new Seating(latest.tell())).places = latest.places();
                    reseat(sessionId);
                }
            });
        }
    }

    /**
     * Whether two people of a session are in the same place with media now, and, on a stage, one of them is on it: only
     * then may they signal each other. Two people of a stage's audience never call each other.
     */
    public boolean together(UUID sessionId, UUID one, UUID other) {
        Map<UUID, String> where = placeOf.getOrDefault(sessionId, Map.of());
        String place = where.get(one);
        if (place == null || one.equals(other) || !place.equals(where.get(other))) {
            return false;
        }
        Set<UUID> stage = stages.getOrDefault(sessionId, Map.of()).get(place);
        return stage == null || stage.contains(one) || stage.contains(other);
    }

    /** The session has left this node: its media rooms are destroyed. */
    public void forget(UUID sessionId) {
        placeOf.remove(sessionId);
        stages.remove(sessionId);
        run(() -> {
            pending.remove(sessionId);
            sessions.remove(sessionId);
            if (janus != null) {
                janus.forget(sessionId);
            }
        });
    }

    private void reseat(UUID sessionId) {
        Seating seating = sessions.get(sessionId);
        Map<UUID, ObjectNode> now = janus != null ? janus.place(sessionId, seating.places) : peer(seating.places);
        Map<UUID, ObjectNode> changes = new LinkedHashMap<>();
        for (UUID gone : List.copyOf(seating.told.keySet())) {
            if (!now.containsKey(gone)) {
                seating.told.remove(gone);
                changes.put(gone, Assignments.nowhere());
            }
        }
        now.forEach((person, assignment) -> {
            if (!assignment.equals(seating.told.get(person))) {
                seating.told.put(person, assignment);
                changes.put(person, assignment);
            }
        });
        changes.forEach((person, assignment) -> {
            ObjectNode sent = assignment.deepCopy();
            if (!"none".equals(sent.path("mode").asText())) {
                sent.set("iceServers", ice.forPerson(person));
            }
            seating.tell.tell(person, sent);
        });
    }

    private static Map<UUID, ObjectNode> peer(List<Place> places) {
        Map<UUID, ObjectNode> told = new LinkedHashMap<>();
        for (Place place : places) {
            for (Place.Person person : place.people()) {
                told.put(person.id(), place.textOnly()
                        ? Assignments.textOnly(place)
                        : place.people().size() > PEER_LIMIT ? Assignments.needsServer(place) : Assignments.peer(place, person.id()));
            }
        }
        return told;
    }

    private void check() {
        try {
            janus.check().forEach(this::reseat);
            janus.keepStages();
        } catch (RuntimeException e) {
            log.error("checking the media servers failed", e);
        }
    }

    private void run(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("media rooms could not be updated", e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // The server is stopping: its Janus rooms end with their sessions' timeouts.
        }
    }

    @Override
    public void close() {
        run(() -> List.copyOf(sessions.keySet()).forEach(session -> {
            sessions.remove(session);
            if (janus != null) {
                janus.forget(session);
            }
        }));
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
