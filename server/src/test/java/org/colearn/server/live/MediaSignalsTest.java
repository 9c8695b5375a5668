package org.colearn.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.colearn.server.media.Place;
import org.junit.jupiter.api.Test;

/** The places a session's media follow: a room its activity opened as text only stays so, also after a restore. */
class MediaSignalsTest {

    final Viewer amira = new Viewer(UUID.randomUUID(), "Amira Ashford", "Ashford", "nurse", false, false);
    final Viewer ben = new Viewer(UUID.randomUUID(), "Ben Ashford", "Ashford", "nurse", false, false);
    final Viewer fiona = new Viewer(UUID.randomUUID(), "Fiona Facilitator", null, "manager", true, false);

    @Test
    void aRoomOpenedAsTextOnlyIsATextOnlyPlaceAndTheOthersAreNot() {
        List<Place> places = MediaSignals.places(opened(), present());
        assertEquals(List.of("plenary", "r1", "r2"), places.stream().map(Place::key).toList());
        assertEquals(List.of(false, true, false), places.stream().map(Place::textOnly).toList());
        assertEquals("Writing corner", places.get(1).name());
    }

    @Test
    void aTextOnlyRoomIsStillTextOnlyWhenTheSessionIsRestoredFromASnapshot() {
        SessionState restored = new SessionState("Learning session 3", List.of());
        restored.restore(opened().snapshot());
        assertEquals(List.of(false, true, false), MediaSignals.places(restored, present()).stream().map(Place::textOnly).toList());
    }

    private SessionState opened() {
        Map<String, List<Viewer>> plan = new LinkedHashMap<>();
        plan.put("Writing corner", List.of(amira));
        plan.put("Table 1", List.of(ben));
        SessionState state = new SessionState("Learning session 3", List.of());
        List<Commands.Draft> drafts = RoomCommands.openDrafts(plan, java.util.Set.of("Writing corner"));
        Commands.Draft opening = drafts.get(0);
        state.apply(new Event(1, opening.type(), opening.audience(), opening.body(), Instant.parse("2026-12-07T10:00:00Z")));
        return state;
    }

    private Map<UUID, Viewer> present() {
        Map<UUID, Viewer> present = new LinkedHashMap<>();
        for (Viewer viewer : List.of(fiona, amira, ben)) {
            present.put(viewer.personId(), viewer);
        }
        return present;
    }
}
