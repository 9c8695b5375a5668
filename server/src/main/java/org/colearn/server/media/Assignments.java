package org.colearn.server.media;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.colearn.server.system.Json;

/** The bodies of {@code media.room} frames: what one person is told to join, or why they have no media. */
final class Assignments {

    private Assignments() {}

    static ObjectNode nowhere() {
        return Json.MAPPER.createObjectNode().put("mode", "none");
    }

    static ObjectNode textOnly(Place place) {
        return at("text_only", place);
    }

    /**
     * Places up to this size list their people in every assignment: each arrival then changes everyone's, and a large
     * plenary would send everyone a frame per arrival.
     */
    static final int PEOPLE_LISTED = 25;

    /**
     * The room, this person's token and id in it, and, in a place of up to {@value #PEOPLE_LISTED}, who else may be
     * there under which id (never a token).
     */
    static ObjectNode janus(Place place, JanusRooms.Room room, UUID personId) {
        JanusRooms.Member member = room.members.get(personId);
        ObjectNode assignment = at("janus", place, personId)
                .put("server", room.server.janus.publicUrl)
                .put("room", room.number)
                .put("token", member.token())
                .put("feed", member.feed())
                .put("startMuted", place.startsMuted());
        if (member.screenFeed() != 0) {
            assignment.put("screenFeed", member.screenFeed());
        }
        if (place.people().size() > PEOPLE_LISTED) {
            return assignment;
        }
        ArrayNode people = assignment.putArray("people");
        for (Place.Person person : place.people()) {
            JanusRooms.Member theirs = room.members.get(person.id());
            if (theirs != null) {
                people.addObject().put("feed", theirs.feed()).put("personId", person.id().toString()).put("name", person.name()).put("site", person.site());
                if (theirs.screenFeed() != 0) {
                    people.addObject().put("feed", theirs.screenFeed()).put("personId", person.id().toString())
                            .put("name", person.name() + "'s screen").put("site", person.site()).put("screen", true);
                }
            }
        }
        return assignment;
    }

    /** The others of a peer-to-peer place this person calls: everyone, or, in a stage's audience, whoever is on stage. */
    static ObjectNode peer(Place place, UUID personId) {
        ObjectNode assignment = at("peer", place, personId);
        ArrayNode peers = assignment.putArray("peers");
        boolean speaks = place.speaks(personId);
        place.people().stream()
                .filter(person -> !person.id().equals(personId) && (speaks || place.speaks(person.id())))
                .forEach(person -> peers.addObject().put("personId", person.id().toString()).put("name", person.name()).put("site", person.site()));
        return assignment;
    }

    static ObjectNode needsServer(Place place) {
        // The same whatever the number of people, so that arrivals in a large room send nobody a new frame.
        return at("needs_server", place)
                .put("message", "Voice and video in " + place.name() + " need a media server: it has more than " + MediaRooms.PEER_LIMIT
                        + " people, the most a call without one carries. An administrator sets COLEARN_MEDIA_URL to a Janus server"
                        + " (see docs/media.md); the chat works meanwhile.");
    }

    static ObjectNode unavailable(Place place) {
        return at("unavailable", place)
                .put("message", "The media server for " + place.name() + " does not answer; Colearn is trying another. The chat works meanwhile.");
    }

    private static ObjectNode at(String mode, Place place) {
        return Json.MAPPER.createObjectNode().put("mode", mode).put("place", place.key()).put("placeName", place.name());
    }

    /**
     * A call's assignment: on a stage, {@code stage} is true and {@code publish} says whether this person is on it (the
     * audience only listen and watch).
     */
    private static ObjectNode at(String mode, Place place, UUID personId) {
        ObjectNode assignment = at(mode, place).put("publish", place.speaks(personId));
        if (place.stage() != null) {
            assignment.put("stage", true);
        }
        return assignment;
    }
}
