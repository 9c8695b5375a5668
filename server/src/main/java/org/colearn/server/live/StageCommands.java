package org.colearn.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.colearn.server.system.Json;

/**
 * The plenary's stage as live commands: facilitators open and close it, bring people on stage and send them back,
 * and mute everyone on it; anyone in the audience raises or lowers a hand. Everyone sees the stage, so its events go
 * to everyone; what it means for voice and video (who may publish) the media rooms take from {@link Stage}.
 */
final class StageCommands {

    static final Map<String, Commands.RosterHandler> HANDLERS = Map.of(
            "stage.open", StageCommands::open,
            "stage.close", StageCommands::close,
            "stage.hand.raise", StageCommands::raise,
            "stage.hand.lower", StageCommands::lower,
            "stage.invite", StageCommands::invite,
            "stage.dismiss", StageCommands::dismiss,
            "stage.mute", StageCommands::mute);

    private StageCommands() {}

    private static List<Commands.Draft> open(SessionState state, Viewer sender, Inbound command, Instant now, Map<UUID, Viewer> present) {
        Commands.requireFacilitator(sender, command);
        command.only();
        Commands.requireLive(state, command);
        if (state.stage().open()) {
            throw new LiveException("stage_open", "The plenary is a stage already.", command.ref());
        }
        return event("stage.opened", by(sender, now));
    }

    private static List<Commands.Draft> close(SessionState state, Viewer sender, Inbound command, Instant now, Map<UUID, Viewer> present) {
        Commands.requireFacilitator(sender, command);
        command.only();
        requireOpen(state, command);
        return event("stage.closed", by(sender, now));
    }

    private static List<Commands.Draft> raise(SessionState state, Viewer sender, Inbound command, Instant now, Map<UUID, Viewer> present) {
        command.only();
        requireOpen(state, command);
        if (state.stage().onStage(sender)) {
            throw new LiveException("on_stage", "You are on stage already: you can speak without raising a hand.", command.ref());
        }
        if (state.stage().handRaised(sender.personId())) {
            throw new LiveException("hand_raised", "Your hand is raised already.", command.ref());
        }
        return about("stage.hand.raised", sender, "at", now.toString());
    }

    /** Lowers the sender's own hand, or, for a facilitator, anyone's. */
    private static List<Commands.Draft> lower(SessionState state, Viewer sender, Inbound command, Instant now, Map<UUID, Viewer> present) {
        command.only("personId");
        requireOpen(state, command);
        UUID whose = named(command, sender);
        if (!state.stage().handRaised(whose)) {
            throw new LiveException("no_hand", whose.equals(sender.personId()) ? "Your hand is not raised." : "That person's hand is not raised.", command.ref());
        }
        return byWhom("stage.hand.lowered", whose, sender);
    }

    private static List<Commands.Draft> invite(SessionState state, Viewer sender, Inbound command, Instant now, Map<UUID, Viewer> present) {
        Commands.requireFacilitator(sender, command);
        command.only("personId");
        requireOpen(state, command);
        UUID id = named(command, sender);
        Viewer person = present.get(id);
        if (person == null) {
            throw new LiveException("invalid_body", "body.personId must be someone in the session now.", command.ref());
        }
        if (state.stage().onStage(person)) {
            throw new LiveException("on_stage", person.name() + " is on stage already.", command.ref());
        }
        return about("stage.joined", person, "by", sender.name());
    }

    /** Sends someone back to the audience: a facilitator anyone brought on stage, or a speaker themselves. */
    private static List<Commands.Draft> dismiss(SessionState state, Viewer sender, Inbound command, Instant now, Map<UUID, Viewer> present) {
        command.only("personId");
        requireOpen(state, command);
        UUID whose = named(command, sender);
        if (!state.stage().invited(whose)) {
            throw new LiveException("not_on_stage", whose.equals(sender.personId())
                    ? "You were not brought on stage." : "That person was not brought on stage.", command.ref());
        }
        return byWhom("stage.left", whose, sender);
    }

    /** Mutes everyone on stage, their microphones or cameras or both: they may turn them on again, the audience may not. */
    private static List<Commands.Draft> mute(SessionState state, Viewer sender, Inbound command, Instant now, Map<UUID, Viewer> present) {
        Commands.requireFacilitator(sender, command);
        command.only("audio", "video");
        boolean audio = command.flag("audio");
        boolean video = command.flag("video");
        if (!audio && !video) {
            throw new LiveException("invalid_body", "Say what to stop: body.audio, body.video or both true.", command.ref());
        }
        Commands.requireLive(state, command);
        ObjectNode body = by(sender, now).put("audio", audio).put("video", video);
        return event("stage.muted", body);
    }

    /** The person a command names; only a facilitator may name someone other than themselves. */
    private static UUID named(Inbound command, Viewer sender) {
        JsonNode value = command.body().get("personId");
        if (value == null || value.isNull()) {
            return sender.personId();
        }
        UUID id;
        try {
            id = UUID.fromString(value.asText());
        } catch (IllegalArgumentException e) {
            throw new LiveException("invalid_body", "body.personId must be a person's id.", command.ref());
        }
        if (!id.equals(sender.personId())) {
            Commands.requireFacilitator(sender, command);
        }
        return id;
    }

    private static void requireOpen(SessionState state, Inbound command) {
        if (!state.stage().open()) {
            throw new LiveException("no_stage", "The plenary is not a stage now: everyone there may speak.", command.ref());
        }
    }

    private static ObjectNode by(Viewer sender, Instant now) {
        return Json.MAPPER.createObjectNode().put("by", sender.name()).put("at", now.toString());
    }

    /** An event about someone, with who they are ({@code person: {personId,name,site}}) and one more field. */
    private static List<Commands.Draft> about(String type, Viewer person, String field, String value) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("person", new Rooms.Person(person.personId(), person.name(), person.site()).json());
        body.put(field, value);
        return event(type, body);
    }

    /** An event about someone by their id, with who did it. */
    private static List<Commands.Draft> byWhom(String type, UUID personId, Viewer sender) {
        return event(type, Json.MAPPER.createObjectNode().put("personId", personId.toString()).put("by", sender.name()));
    }

    private static List<Commands.Draft> event(String type, ObjectNode body) {
        return List.of(new Commands.Draft(type, Audience.EVERYONE, body));
    }
}
