package org.colearn.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AudienceTest {

    final Viewer amira = new Viewer(UUID.randomUUID(), "Amira Ashford", "Ashford", "nurse", false, false);
    final Viewer ben = new Viewer(UUID.randomUUID(), "Ben Bromley", "Bromley", "doctor", false, false);
    final Viewer fiona = new Viewer(UUID.randomUUID(), "Fiona Facilitator", null, "manager", true, false);

    @Test
    void everyAudienceReadsBackFromTheFormTheLogKeeps() {
        UUID person = UUID.fromString("5b0c3f5e-29a4-4d47-9a53-0b2c0f6e1a11");
        for (Audience audience : List.of(Audience.EVERYONE, Audience.FACILITATORS, Audience.NOBODY, Audience.person(person),
                Audience.room("r-7"), Audience.members("r-7"),
                Audience.anyOf(Audience.FACILITATORS, Audience.members("r-1"), Audience.members("r-2")))) {
            assertEquals(audience, Audience.parse(audience.wire()), audience.wire());
        }
        assertEquals("facilitators,person:" + person, Audience.anyOf(Audience.FACILITATORS, Audience.person(person)).wire(),
                "the written form is the one logs from before typed audiences hold");
        assertThrows(IllegalArgumentException.class, () -> Audience.parse("someone"));
    }

    @Test
    void aRoomsMembersAloneDoNotIncludeTheFacilitatorsButTheRoomDoes() {
        Rooms rooms = tablesWithAmiraAtOneAndBenAtTwo().rooms();
        String one = rooms.roomOf(amira.personId());
        assertTrue(Audience.members(one).includes(amira, rooms));
        assertFalse(Audience.members(one).includes(ben, rooms), "Ben sits at another table");
        assertFalse(Audience.members(one).includes(fiona, rooms), "a facilitator is not one of the members");
        assertTrue(Audience.room(one).includes(fiona, rooms), "the room's audience includes every facilitator");
        assertFalse(Audience.room(one).includes(ben, rooms));
        assertFalse(Audience.NOBODY.includes(fiona, rooms));
        assertTrue(Audience.person(ben.personId()).includes(ben, rooms));
        assertFalse(Audience.person(ben.personId()).includes(fiona, rooms), "a person's event is theirs alone");
        Audience move = Audience.anyOf(Audience.FACILITATORS, Audience.members(one));
        assertTrue(move.includes(fiona, rooms) && move.includes(amira, rooms) && !move.includes(ben, rooms));
    }

    private SessionState tablesWithAmiraAtOneAndBenAtTwo() {
        Map<String, List<Viewer>> plan = new LinkedHashMap<>();
        plan.put("Table 1", List.of(amira));
        plan.put("Table 2", List.of(ben));
        SessionState state = new SessionState("Learning session 3", List.of());
        Commands.Draft opening = RoomCommands.openDrafts(plan, java.util.Set.of()).get(0);
        state.apply(new Event(1, opening.type(), opening.audience(), opening.body(), Instant.parse("2026-12-07T10:00:00Z")));
        return state;
    }
}
