package org.colearn.server.live;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.colearn.server.system.Json;

/** Writes the frames the server sends: events, replies and ephemeral signals. */
final class Frames {

    private Frames() {}

    /**
     * {@code {"seq":42,"at":"2026-12-01T10:03:12.345Z","type":"chat.message","body":{...}}}: serialised once, sent to
     * everyone who may see it. {@code at} is the server's time of the event, which also lets a node that relays the
     * frame measure how late it passes it on; it comes second so that reading it needs no more than the frame's start.
     */
    static String event(Event event) {
        ObjectNode frame = Json.MAPPER.createObjectNode();
        frame.put("seq", event.seq());
        frame.put("at", event.at().toString());
        frame.put("type", event.type());
        frame.set("body", event.body());
        return write(frame);
    }

    /** The server time an event frame carries, or null for any other frame (replies, signals, activity views). */
    static Instant eventTime(String frame) {
        if (!frame.startsWith("{\"seq\":")) {
            return null;
        }
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(frame)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("at")) {
                    return Instant.parse(parser.getText());
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException | DateTimeParseException e) {
            return null;
        }
    }

    /** {@code {"re":"c17","ok":true,"body":{...}}}. */
    static String ok(String ref, JsonNode body) {
        ObjectNode frame = Json.MAPPER.createObjectNode();
        frame.put("re", ref);
        frame.put("ok", true);
        frame.set("body", body == null ? Json.MAPPER.createObjectNode() : body);
        return write(frame);
    }

    /** {@code {"re":"c17","error":{"code":"round_closed","message":"..."}}}. */
    static String error(String ref, String code, String message) {
        return error(ref, code, message, (String) null);
    }

    /** An error about one field of the command's body: {@code "error":{"code","message","field":"happened"}}. */
    static String error(String ref, String code, String message, String field) {
        return error(ref, code, message, field == null ? List.of() : List.of(field));
    }

    /**
     * An error about fields of the command's body: {@code "field"} names the first, and {@code "fields"} every one when
     * there are several ({@code "fields":["title","happened"]}).
     */
    static String error(String ref, String code, String message, List<String> fields) {
        ObjectNode frame = Json.MAPPER.createObjectNode();
        if (ref != null) {
            frame.put("re", ref);
        }
        ObjectNode error = frame.putObject("error").put("code", code).put("message", message);
        if (!fields.isEmpty()) {
            error.put("field", fields.get(0));
        }
        if (fields.size() > 1) {
            fields.forEach(error.putArray("fields")::add);
        }
        return write(frame);
    }

    /** A signal that is not logged and carries no sequence number (presence, pong). */
    static String signal(String type, JsonNode body) {
        ObjectNode frame = Json.MAPPER.createObjectNode();
        frame.put("type", type);
        if (body != null) {
            frame.set("body", body);
        }
        return write(frame);
    }

    /** {@code {"type":"activity.view","body":{...}}}: the body is always there, null when no activity runs. */
    static String activityView(JsonNode view) {
        ObjectNode frame = Json.MAPPER.createObjectNode();
        frame.put("type", "activity.view");
        frame.set("body", view == null ? Json.MAPPER.nullNode() : view);
        return write(frame);
    }

    /**
     * An {@code activity.view} frame written once for everyone who shares the view in it, split where each one's own
     * part of the view goes: {@link #with} makes the frame {@link #activityView} would make of the view with that part's
     * components added, by joining text, not by writing the shared part again.
     */
    record SharedView(String frame, int viewEnd, boolean viewEmpty) {

        /** The frame for someone whose own part is {@code own} (null or empty for none). */
        String with(ObjectNode own) {
            if (own == null || own.isEmpty() || viewEnd < 0) {
                return frame;
            }
            String components = write(own);
            return frame.substring(0, viewEnd) + (viewEmpty ? "" : ",") + components.substring(1, components.length() - 1)
                    + frame.substring(viewEnd);
        }
    }

    /** The shared part of an activity's view, ready for each person's own part ({@code activity} as {@link #activityView}). */
    static SharedView sharedView(ObjectNode activity) {
        String frame = activityView(activity);
        if (activity == null || !(activity.get("view") instanceof ObjectNode view)) {
            return new SharedView(frame, -1, true);
        }
        // The view is the body's last component but for the work under way, whose text has no unescaped quote: the
        // view's closing brace is just before the body's ,"work": or, with none, before the body's and the frame's ends.
        int end = activity.has("work") ? frame.lastIndexOf(",\"work\":") - 1 : frame.length() - 3;
        return new SharedView(frame, end, view.isEmpty());
    }

    private static String write(JsonNode frame) {
        try {
            return Json.MAPPER.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a frame could not be written as JSON", e);
        }
    }
}
