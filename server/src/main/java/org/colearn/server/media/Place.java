package org.colearn.server.media;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A place where people of a live session are together, and so talk together: the plenary, or one breakout room
 * (a café table, a buddy pair's room).
 *
 * @param key {@value #PLENARY} or the room's id, unique in its session
 * @param name what people call it ("Table 2")
 * @param people who is there now, connected
 * @param textOnly whether its activity keeps it to text: nobody gets media there
 * @param stage when the place is a stage (the plenary of a large session), who is on it: only they publish, the others
 *     listen and watch; null when everyone there may speak
 */
public record Place(String key, String name, List<Person> people, boolean textOnly, Set<UUID> stage) {

    public static final String PLENARY = "plenary";
    /** A plenary of more people than this is joined with the microphone muted. */
    public static final int MUTED_ABOVE = 8;

    /** Someone in a place. */
    public record Person(java.util.UUID id, String name, String site) {}

    public Place {
        people = List.copyOf(people);
        stage = stage == null ? null : Set.copyOf(stage);
    }

    /** A place where everyone may speak. */
    public Place(String key, String name, List<Person> people, boolean textOnly) {
        this(key, name, people, textOnly, null);
    }

    /** Whether this person may publish their voice and video here. */
    boolean speaks(UUID personId) {
        return stage == null || stage.contains(personId);
    }

    /**
     * Whether people join this place muted: a plenary of more than {@value #MUTED_ABOVE}, where an open microphone
     * brought from a table would interrupt everyone.
     */
    boolean startsMuted() {
        return PLENARY.equals(key) && people.size() > MUTED_ABOVE;
    }

    boolean has(UUID personId) {
        return people.stream().anyMatch(person -> person.id().equals(personId));
    }
}
