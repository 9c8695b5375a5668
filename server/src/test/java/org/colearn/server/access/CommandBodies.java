package org.colearn.server.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.colearn.server.testing.LiveClient;

/**
 * The bodies the live-session commands are sent with in the authorization matrix: well formed, naming the people,
 * rooms, notes and stories of the session as it is when the row runs, so that a refusal is about the sender.
 */
final class CommandBodies {

    private final LiveClient facilitator;
    private final LiveClient participant;
    private final Map<Role, String> personIds;

    CommandBodies(LiveClient facilitator, LiveClient participant, Map<Role, String> personIds) {
        this.facilitator = facilitator;
        this.participant = participant;
        this.personIds = personIds;
    }

    ObjectNode of(String command) {
        String nurse = personIds.get(Role.PARTICIPANT);
        return switch (command) {
            case "chat.send", "session.broadcast" -> body("text", "Welcome, everyone");
            case "agenda.goto" -> body("index", 1, "again", true);
            case "agenda.extend", "world-cafe.extend", "buddy-meet.extend" -> body("minutes", 5);
            case "rooms.open" -> body("count", 1);
            case "room.move" -> toPlenary(personIds.get(Role.MOVER));
            case "room.chat.send" -> body("text", "Over to you", "roomId", roomId());
            case "help.request" -> body("message", "We are stuck");
            case "room.visit" -> body("roomId", roomId());
            case "stage.invite", "stage.dismiss" -> body("personId", nurse);
            case "stage.mute" -> body("audio", true);
            case "help.handle" -> latestHelpRequest();
            case "presence.page" -> body("limit", 10);
            case "media.signal" -> body("to", nurse, "signal", Map.of("type", "offer", "sdp", "v=0"));
            case "poll.vote" -> body("choices", List.of(0));
            case "poll.hide" -> body("word", "huddles");
            case "poll.split" -> body("by", "site");
            case "world-cafe.volunteer" -> body("host", true);
            case "world-cafe.pickHost" -> body("personId", nurse, "host", true);
            case "world-cafe.pin" -> body("personId", nurse, "table", 1);
            case "world-cafe.keepApart" -> body("personId", nurse, "otherPersonId", personIds.get(Role.SITE_LEAD), "apart", true);
            case "world-cafe.keepTogether" -> body("personId", nurse, "otherPersonId", personIds.get(Role.MOVER), "together", true);
            case "world-cafe.move" -> body("personId", nurse, "table", 1);
            case "world-cafe.note" -> {
                participant.awaitActivityView(view -> view.path("phase").asText().equals("round"), "the café's first round, seated");
                yield body("kind", "insight", "text", "Huddles work at night");
            }
            case "world-cafe.agree" -> body("noteId", cafeNote(), "agree", true);
            case "world-cafe.cluster" -> body("noteIds", List.of(cafeNote()), "label", "Huddles");
            case "world-cafe.addKind" -> body("kind", "worry");
            case "failure-circle.submit" -> body("ref", "story-" + System.nanoTime(), "title", "Screening skipped at night",
                    "topic", "Sepsis", "changeIdea", "Screening at triage", "tried", "A paper tool.", "happened", "Skipped when full.",
                    "learned", "Huddles help.", "differently", "Ask the night team.", "tags", List.of("handover"), "credit", "person",
                    "confirmNotIdentifying", false);
            case "failure-circle.offer" -> body("storyId", circleStory(), "circle", "plenary");
            case "failure-circle.share", "failure-circle.keep", "failure-circle.withdraw" -> body("storyId", circleStory());
            case "failure-circle.storyteller" -> body("circle", "plenary", "personId", nurse);
            case "failure-circle.react" -> body("storyId", circleStory(), "kind", "thanks");
            case "failure-circle.takeBack" -> body("storyId", circleStory(), "text", "We will try huddles");
            case "failure-circle.dropNote" -> body("noteId", circleNote());
            case "failure-circle.publish" -> body("storyId", circleStory(), "visibility", "session", "confirmNotIdentifying", false);
            case "failure-circle.bring" -> body("ref", "bring-" + System.nanoTime(), "storyId", circleStory());
            case "buddy-meet.addStep" -> body("text", "Call on Tuesday");
            case "buddy-meet.doneStep" -> body("id", "no-such-step");
            case "data-review.show" -> body("site", 0);
            case "data-review.ask" -> body("text", "What changed in April?");
            case "data-review.answer" -> body("id", "no-such-question");
            case "data-review.note" -> body("text", "Try the triage card", "forSite", false);
            default -> body();
        };
    }

    /** One row's body as one sender sends it: a story's {@code ref} is each sender's own. */
    static ObjectNode fromSender(ObjectNode body, Role role) {
        ObjectNode own = body.deepCopy();
        if (own.has("ref")) {
            own.put("ref", own.path("ref").asText() + "-" + role.ordinal());
        }
        return own;
    }

    private static ObjectNode body(Object... keysAndValues) {
        return LiveClient.bodyOf(keysAndValues);
    }

    private static ObjectNode toPlenary(String personId) {
        ObjectNode body = body("personId", personId);
        body.putNull("roomId");
        return body;
    }

    private String roomId() {
        return facilitator.awaitEvent("rooms.opened").path("body").path("rooms").get(0).path("id").asText();
    }

    /** Who sent the latest help request the facilitator received: the request a facilitator handles. */
    private ObjectNode latestHelpRequest() {
        facilitator.awaitEvent("help.requested");
        List<JsonNode> frames = facilitator.frames();
        for (int i = frames.size() - 1; i >= 0; i--) {
            if ("help.requested".equals(frames.get(i).path("type").asText())) {
                JsonNode request = frames.get(i).path("body");
                return body("personId", request.path("personId").asText());
            }
        }
        throw new AssertionError("the facilitator received no help request");
    }

    /** The note the participant wrote at their café table in the row before. */
    private String cafeNote() {
        return participant.awaitActivityView(view -> view.path("table").path("notes").size() > 0, "a note at the table")
                .path("table").path("notes").get(0).path("id").asText();
    }

    /** The participant's own take-back note on the story being told, written in the row before. */
    private String circleNote() {
        JsonNode view = participant.awaitActivityView(CommandBodies::holdsMyNote, "the participant's take-back note");
        for (JsonNode note : view.path("current").path("notes")) {
            if (note.path("mine").asBoolean()) {
                return note.path("noteId").asText();
            }
        }
        throw new AssertionError("no note of the participant's in " + view);
    }

    private static boolean holdsMyNote(JsonNode view) {
        for (JsonNode note : view.path("current").path("notes")) {
            if (note.path("mine").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    /** The story the participant's circle holds (told now, or waiting in its queue), or a made-up id when there is none. */
    private String circleStory() {
        JsonNode view = latestView(facilitator);
        if (view.path("current").hasNonNull("id")) {
            return view.path("current").path("id").asText();
        }
        for (JsonNode desk : view.path("circles")) {
            if (desk.path("queue").size() > 0) {
                return desk.path("queue").get(0).path("id").asText();
            }
        }
        JsonNode mine = latestView(participant).path("waiting");
        return mine.size() > 0 ? mine.get(0).path("id").asText() : "no-such-story";
    }

    private static JsonNode latestView(LiveClient client) {
        List<JsonNode> frames = client.frames();
        for (int i = frames.size() - 1; i >= 0; i--) {
            if ("activity.view".equals(frames.get(i).path("type").asText())) {
                return frames.get(i).path("body").path("view");
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
