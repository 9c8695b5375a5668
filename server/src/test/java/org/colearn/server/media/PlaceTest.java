package org.colearn.server.media;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Who joins a place muted: everyone joining a plenary of more than 8, nobody joining a smaller one or a table. */
class PlaceTest {

    @Test
    void joiningAPlenaryOfNineStartsMuted() {
        assertTrue(place(Place.PLENARY, 9).startsMuted());
    }

    @Test
    void joiningAPlenaryOfEightDoesNotStartMuted() {
        assertFalse(place(Place.PLENARY, 8).startsMuted());
    }

    @Test
    void joiningALargeBreakoutRoomDoesNotStartMuted() {
        assertFalse(place("r1", 12).startsMuted());
    }

    private static Place place(String key, int people) {
        List<Place.Person> present = IntStream.range(0, people).mapToObj(i -> new Place.Person(UUID.randomUUID(), "Person " + i, "Ashford")).toList();
        return new Place(key, key, present, false);
    }
}
