package org.colearn.server.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.colearn.server.system.Json;

/**
 * What a live session is now, rebuilt by applying its events in order: the same {@link #apply} runs live and when a
 * session is restored from its log, so a restart comes back to exactly the state everyone saw.
 */
final class SessionState {

    static final int CHAT_KEPT = 200;

    /** An agenda item as the live session knows it. */
    record Item(String title, String activityType, int plannedMinutes) {}

    private final String title;
    private final List<Item> agenda;
    private String status = "scheduled";
    private int currentItem = -1;
    private Instant itemStartedAt;
    private final Deque<ObjectNode> chat = new ArrayDeque<>();
    private ObjectNode lastBroadcast;
    private long seq;

    SessionState(String title, List<Item> agenda) {
        this.title = title;
        this.agenda = List.copyOf(agenda);
    }

    void apply(Event event) {
        seq = event.seq();
        ObjectNode body = event.body();
        switch (event.type()) {
            case "session.started" -> status = "live";
            case "agenda.item.started" -> {
                currentItem = body.path("index").asInt();
                itemStartedAt = event.at();
            }
            case "chat.message" -> {
                chat.addLast(body);
                if (chat.size() > CHAT_KEPT) {
                    chat.removeFirst();
                }
            }
            case "session.broadcast" -> lastBroadcast = body;
            case "session.ended" -> status = "ended";
            default -> {
                // Events of other features leave the session's own state as it is.
            }
        }
    }

    long seq() {
        return seq;
    }

    String status() {
        return status;
    }

    int agendaSize() {
        return agenda.size();
    }

    /** The whole state as this viewer may see it. */
    ObjectNode view(Viewer viewer) {
        ObjectNode view = Json.MAPPER.createObjectNode();
        view.put("seq", seq);
        ObjectNode session = view.putObject("session");
        session.put("title", title);
        session.put("status", status);
        session.put("currentItem", currentItem);
        session.put("itemStartedAt", itemStartedAt == null ? null : itemStartedAt.toString());
        ArrayNode items = session.putArray("agenda");
        for (int i = 0; i < agenda.size(); i++) {
            Item item = agenda.get(i);
            items.addObject()
                    .put("index", i)
                    .put("title", item.title())
                    .put("activityType", item.activityType())
                    .put("plannedMinutes", item.plannedMinutes());
        }
        ObjectNode you = view.putObject("you");
        you.put("personId", viewer.personId().toString());
        you.put("name", viewer.name());
        you.put("role", viewer.role());
        ArrayNode messages = view.putArray("chat");
        chat.forEach(messages::add);
        view.set("lastBroadcast", lastBroadcast);
        return view;
    }
}
