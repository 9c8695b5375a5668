package org.colearn.server.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.colearn.server.system.Json;

/**
 * The commands of a live session: each checks the sender's role and the command's body against the current state
 * and returns the events it causes. Commands never change the state themselves; applying their events does.
 */
final class Commands {

    static final int MAX_TEXT = 2000;

    /** An event a command wants, before the session numbers it. */
    record Draft(String type, Audience audience, ObjectNode body) {}

    @FunctionalInterface
    interface Handler {
        List<Draft> handle(SessionState state, Viewer sender, Inbound command, Instant now);
    }

    /** A command that also needs to know who is present (people's ids, names and sites). */
    @FunctionalInterface
    interface RosterHandler {
        List<Draft> handle(SessionState state, Viewer sender, Inbound command, Instant now, Map<UUID, Viewer> present);
    }

    static final Map<String, RosterHandler> ROSTER_HANDLERS = Map.of(
            "rooms.open", RoomCommands::open,
            "room.move", RoomCommands::move,
            "rooms.close", RoomCommands::close,
            "room.chat.send", RoomCommands::chat,
            "help.request", RoomCommands::help,
            "room.visit", RoomCommands::visit,
            "help.handle", RoomCommands::handled);

    static final Map<String, Handler> HANDLERS = Map.of(
            "chat.send", Commands::chat,
            "agenda.end", Commands::endItem,
            "session.start", Commands::start,
            "agenda.goto", Commands::gotoItem,
            "session.broadcast", Commands::broadcast,
            "session.broadcast.clear", Commands::clearBroadcast,
            "session.end", Commands::end,
            "agenda.extend", Commands::extend,
            "agenda.pause", Commands::pause,
            "agenda.resume", Commands::resume);

    private Commands() {}

    static List<Draft> handle(SessionState state, Viewer sender, Inbound command, Instant now, Map<UUID, Viewer> present) {
        RosterHandler rosterHandler = ROSTER_HANDLERS.getOrDefault(command.type(), StageCommands.HANDLERS.get(command.type()));
        if (rosterHandler != null) {
            return rosterHandler.handle(state, sender, command, now, present);
        }
        Handler handler = HANDLERS.get(command.type());
        if (handler == null) {
            throw new LiveException("unknown_type", "There is no command called " + command.type() + ".", command.ref());
        }
        return handler.handle(state, sender, command, now);
    }

    /**
     * The events of an agenda edited during the session. Activity configurations (a poll's question) stay on the
     * server until their activity runs: the full agenda is logged for nobody, and everyone is sent it without them.
     */
    static List<Draft> agendaChanged(List<SessionState.Item> agenda) {
        ObjectNode logged = Json.MAPPER.createObjectNode();
        ObjectNode shown = Json.MAPPER.createObjectNode();
        ArrayNode all = logged.putArray("agenda");
        ArrayNode visible = shown.putArray("agenda");
        agenda.forEach(item -> {
            all.add(item.json());
            visible.add(item.json().without("config"));
        });
        return List.of(new Draft("agenda.set", Audience.NOBODY, logged), new Draft("agenda.changed", Audience.EVERYONE, shown));
    }

    /**
     * The running item kept with other planned minutes: its end moves by the difference, from when it would have ended.
     * A paused timer keeps what it has left; so does an item whose minutes did not change.
     */
    static List<Draft> retimed(SessionState.Item before, SessionState state) {
        if (before == null || state.currentItem() < 0 || state.itemEndsAt() == null) {
            return List.of();
        }
        SessionState.Item after = state.item(state.currentItem());
        int difference = after.plannedMinutes() - before.plannedMinutes();
        if (!after.id().equals(before.id()) || difference == 0) {
            return List.of();
        }
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("index", state.currentItem())
                .put("plannedMinutes", after.plannedMinutes())
                .put("endsAt", state.itemEndsAt().plusSeconds(difference * 60L).toString());
        return List.of(new Draft("agenda.item.retimed", Audience.EVERYONE, body));
    }

    private static List<Draft> chat(SessionState state, Viewer sender, Inbound command, Instant now) {
        String text = command.only("text").text("text", MAX_TEXT);
        requireNotEnded(state, command);
        return List.of(new Draft("chat.message", Audience.EVERYONE, message(sender, text, now)));
    }

    /** A chat message: who sent it (name, site, role), what and when. */
    static ObjectNode message(Viewer sender, String text, Instant now) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("id", UUID.randomUUID().toString());
        ObjectNode from = body.putObject("from");
        from.put("personId", sender.personId().toString());
        from.put("name", sender.name());
        from.put("site", sender.site());
        from.put("role", sender.role());
        if (sender.guest()) {
            from.put("guest", true);
        }
        body.put("text", text);
        body.put("at", now.toString());
        return body;
    }

    private static List<Draft> start(SessionState state, Viewer sender, Inbound command, Instant now) {
        requireFacilitator(sender, command);
        command.only();
        if (!state.status().equals("scheduled")) {
            throw new LiveException("session_already_started", "This session has already started.", command.ref());
        }
        ObjectNode started = Json.MAPPER.createObjectNode().put("at", now.toString()).put("by", sender.name());
        return List.of(new Draft("session.started", Audience.EVERYONE, started));
    }

    private static List<Draft> gotoItem(SessionState state, Viewer sender, Inbound command, Instant now) {
        requireFacilitator(sender, command);
        if (state.agendaSize() == 0) {
            throw new LiveException("agenda_empty", "This session has no agenda items.", command.ref());
        }
        int index = command.only("index", "again").integer("index", 0, state.agendaSize() - 1);
        boolean again = command.flag("again");
        requireLive(state, command);
        if (state.done(index) && !again) {
            throw new LiveException("item_done", state.item(index).title() + " has run already. Going back runs it again, its"
                    + " activity from the start: send \"again\": true to do so.", command.ref(), "again");
        }
        Instant endsAt = now.plusSeconds(state.item(index).plannedMinutes() * 60L);
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("index", index)
                .put("title", state.item(index).title())
                .put("startedAt", now.toString())
                .put("endsAt", endsAt.toString());
        return List.of(new Draft("agenda.item.started", Audience.EVERYONE, body));
    }

    /** Ends the current item before its time: its timer stops, its activity ends, and no item runs until the next. */
    private static List<Draft> endItem(SessionState state, Viewer sender, Inbound command, Instant now) {
        requireFacilitator(sender, command);
        command.only();
        requireRunningItem(state, command);
        ObjectNode body = Json.MAPPER.createObjectNode().put("index", state.currentItem()).put("at", now.toString());
        return List.of(new Draft("agenda.item.ended", Audience.EVERYONE, body));
    }

    private static List<Draft> broadcast(SessionState state, Viewer sender, Inbound command, Instant now) {
        requireFacilitator(sender, command);
        String text = command.only("text", "keep").text("text", MAX_TEXT);
        boolean keep = command.flag("keep");
        requireNotEnded(state, command);
        ObjectNode body = Json.MAPPER.createObjectNode().put("text", text).put("from", sender.name()).put("at", now.toString()).put("keep", keep);
        return List.of(new Draft("session.broadcast", Audience.EVERYONE, body));
    }

    private static List<Draft> clearBroadcast(SessionState state, Viewer sender, Inbound command, Instant now) {
        requireFacilitator(sender, command);
        command.only();
        requireNotEnded(state, command);
        if (state.lastBroadcast() == null) {
            throw new LiveException("no_broadcast", "There is no broadcast to clear.", command.ref());
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("by", sender.name()).put("at", now.toString());
        return List.of(new Draft("session.broadcast.cleared", Audience.EVERYONE, body));
    }

    private static List<Draft> end(SessionState state, Viewer sender, Inbound command, Instant now) {
        requireFacilitator(sender, command);
        command.only();
        requireLive(state, command);
        return List.of(new Draft("session.ended", Audience.EVERYONE, Json.MAPPER.createObjectNode().put("at", now.toString())));
    }

    private static List<Draft> extend(SessionState state, Viewer sender, Inbound command, Instant now) {
        requireFacilitator(sender, command);
        int minutes = command.only("minutes").integer("minutes", 1, 120);
        requireRunningItem(state, command);
        if (state.itemEndsAt() == null) {
            throw new LiveException("timer_paused", "The timer is paused; resume it first.", command.ref());
        }
        Instant from = state.timeUp() ? now : state.itemEndsAt();
        Instant endsAt = from.plusSeconds(minutes * 60L);
        ObjectNode body = Json.MAPPER.createObjectNode().put("index", state.currentItem()).put("endsAt", endsAt.toString());
        return List.of(new Draft("agenda.item.extended", Audience.EVERYONE, body));
    }

    private static List<Draft> pause(SessionState state, Viewer sender, Inbound command, Instant now) {
        requireFacilitator(sender, command);
        command.only();
        requireRunningItem(state, command);
        if (state.itemEndsAt() == null || state.timeUp()) {
            throw new LiveException("timer_not_running", "The timer is not running.", command.ref());
        }
        long remaining = Math.max(0, java.time.Duration.between(now, state.itemEndsAt()).toSeconds());
        ObjectNode body = Json.MAPPER.createObjectNode().put("index", state.currentItem()).put("remainingSeconds", remaining);
        return List.of(new Draft("agenda.item.paused", Audience.EVERYONE, body));
    }

    private static List<Draft> resume(SessionState state, Viewer sender, Inbound command, Instant now) {
        requireFacilitator(sender, command);
        command.only();
        requireRunningItem(state, command);
        if (state.pausedRemainingSeconds() == null) {
            throw new LiveException("timer_not_paused", "The timer is not paused.", command.ref());
        }
        Instant endsAt = now.plusSeconds(state.pausedRemainingSeconds());
        ObjectNode body = Json.MAPPER.createObjectNode().put("index", state.currentItem()).put("endsAt", endsAt.toString());
        return List.of(new Draft("agenda.item.resumed", Audience.EVERYONE, body));
    }

    private static void requireRunningItem(SessionState state, Inbound command) {
        requireLive(state, command);
        if (state.currentItem() < 0) {
            throw new LiveException("no_current_item", "No agenda item has started yet.", command.ref());
        }
    }

    static void requireFacilitator(Viewer sender, Inbound command) {
        if (!sender.facilitator()) {
            throw new LiveException("facilitator_only", "Only a facilitator can send " + command.type() + ".", command.ref());
        }
    }

    static void requireLive(SessionState state, Inbound command) {
        if (!state.status().equals("live")) {
            throw new LiveException("session_not_live", "The session is " + state.status() + ", not live.", command.ref());
        }
    }

    private static void requireNotEnded(SessionState state, Inbound command) {
        if (state.status().equals("ended")) {
            throw new LiveException("session_ended", "This session has ended.", command.ref());
        }
    }
}
