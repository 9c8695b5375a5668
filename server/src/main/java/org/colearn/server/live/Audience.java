package org.colearn.server.live;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Who may see an event. Deciding it for a connection reads the audience's fields and the rooms as they are; nothing is
 * split or parsed per connection. The log keeps its {@link #wire() written form}, as it always has: {@code everyone},
 * {@code facilitators}, {@code nobody}, {@code person:<id>}, {@code room:<id>}, {@code members:<id>}, or several of
 * them comma-separated.
 */
sealed interface Audience {

    Audience EVERYONE = new Everyone();
    Audience FACILITATORS = new Facilitators();
    /** Kept in the log for the session's own restoring (an activity's state, its timers), sent to no one. */
    Audience NOBODY = new Nobody();

    /** Whether the viewer is in this audience, with the rooms as they are at the event. */
    boolean includes(Viewer viewer, Rooms rooms);

    /** The form kept in the log. */
    String wire();

    static Audience person(UUID personId) {
        return new Person(personId);
    }

    /** A room's members, and every facilitator. */
    static Audience room(String roomId) {
        return new RoomAndFacilitators(roomId);
    }

    /** A room's members only, without the facilitators. */
    static Audience members(String roomId) {
        return new RoomMembers(roomId);
    }

    /** Whoever is in any of these audiences. */
    static Audience anyOf(List<Audience> parts) {
        return parts.size() == 1 ? parts.get(0) : new AnyOf(List.copyOf(parts));
    }

    static Audience anyOf(Audience... parts) {
        return anyOf(List.of(parts));
    }

    /** Reads the written form back, as the log holds it. */
    static Audience parse(String wire) {
        if (wire.indexOf(',') >= 0) {
            List<Audience> parts = new ArrayList<>();
            for (String part : wire.split(",")) {
                parts.add(parse(part));
            }
            return anyOf(parts);
        }
        return switch (wire) {
            case "everyone" -> EVERYONE;
            case "facilitators" -> FACILITATORS;
            case "nobody" -> NOBODY;
            default -> {
                if (wire.startsWith(Person.PREFIX)) {
                    yield person(UUID.fromString(wire.substring(Person.PREFIX.length())));
                }
                if (wire.startsWith(RoomAndFacilitators.PREFIX)) {
                    yield room(wire.substring(RoomAndFacilitators.PREFIX.length()));
                }
                if (wire.startsWith(RoomMembers.PREFIX)) {
                    yield members(wire.substring(RoomMembers.PREFIX.length()));
                }
                throw new IllegalArgumentException("not an audience: " + wire);
            }
        };
    }

    record Everyone() implements Audience {
        @Override
        public boolean includes(Viewer viewer, Rooms rooms) {
            return true;
        }

        @Override
        public String wire() {
            return "everyone";
        }
    }

    record Facilitators() implements Audience {
        @Override
        public boolean includes(Viewer viewer, Rooms rooms) {
            return viewer.facilitator();
        }

        @Override
        public String wire() {
            return "facilitators";
        }
    }

    record Nobody() implements Audience {
        @Override
        public boolean includes(Viewer viewer, Rooms rooms) {
            return false;
        }

        @Override
        public String wire() {
            return "nobody";
        }
    }

    record Person(UUID personId) implements Audience {
        static final String PREFIX = "person:";

        @Override
        public boolean includes(Viewer viewer, Rooms rooms) {
            return personId.equals(viewer.personId());
        }

        @Override
        public String wire() {
            return PREFIX + personId;
        }
    }

    record RoomAndFacilitators(String roomId) implements Audience {
        static final String PREFIX = "room:";

        @Override
        public boolean includes(Viewer viewer, Rooms rooms) {
            return rooms.inAudience(roomId, viewer);
        }

        @Override
        public String wire() {
            return PREFIX + roomId;
        }
    }

    record RoomMembers(String roomId) implements Audience {
        static final String PREFIX = "members:";

        @Override
        public boolean includes(Viewer viewer, Rooms rooms) {
            return roomId.equals(rooms.roomOf(viewer.personId()));
        }

        @Override
        public String wire() {
            return PREFIX + roomId;
        }
    }

    record AnyOf(List<Audience> parts) implements Audience {
        @Override
        public boolean includes(Viewer viewer, Rooms rooms) {
            for (Audience part : parts) {
                if (part.includes(viewer, rooms)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String wire() {
            StringBuilder wire = new StringBuilder();
            for (Audience part : parts) {
                if (!wire.isEmpty()) {
                    wire.append(',');
                }
                wire.append(part.wire());
            }
            return wire.toString();
        }
    }
}
