package org.colearn.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;
import org.colearn.server.system.ControlCharacterException;
import org.colearn.server.system.Json;

/**
 * A frame from a client: {@code {"type":"chat.send","ref":"c17","body":{...}}}. The type names the command, the
 * optional ref is the client's id for it (echoed in the reply, and the key under which a retry is recognised), the
 * body its arguments.
 */
record Inbound(String type, String ref, ObjectNode body) {

    /** A feature or activity id, then names; a plugin's message names may be camelCase ({@code world-cafe.nextRound}). */
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,39}(\\.[a-z][a-zA-Z0-9-]{0,39}){0,3}");
    private static final Pattern REF = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Set<String> ENVELOPE = Set.of("type", "ref", "body");

    /** Reads a frame, or throws a {@link LiveException} saying what is wrong with it. */
    static Inbound parse(String text) {
        JsonNode node;
        try {
            node = Json.INPUT.readTree(text);
        } catch (ControlCharacterException e) {
            String where = e.field().isEmpty() ? "The frame" : e.field();
            String field = e.field().startsWith("body.") ? e.field().substring("body.".length()) : null;
            throw new LiveException("control_character", where + " " + e.problem() + ".", refOf(text), field);
        } catch (Exception e) {
            throw new LiveException("malformed_frame", "The frame is not valid JSON.");
        }
        if (node == null || !node.isObject()) {
            throw new LiveException("malformed_frame", "A frame is a JSON object with type, ref and body.");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ENVELOPE.contains(name)) {
                throw new LiveException("malformed_frame", "A frame has only type, ref and body; '" + name + "' is not one of them.");
            }
        }
        JsonNode ref = node.get("ref");
        String refText = null;
        if (ref != null && !ref.isNull()) {
            if (!ref.isTextual() || !REF.matcher(ref.asText()).matches()) {
                throw new LiveException("malformed_frame", "ref must be 1 to 64 letters, digits or _.:-");
            }
            refText = ref.asText();
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual() || !TYPE.matcher(type.asText()).matches()) {
            throw new LiveException("malformed_frame", "type must name a command, such as chat.send.", refText);
        }
        JsonNode body = node.get("body");
        if (body != null && !body.isNull() && !body.isObject()) {
            throw new LiveException("invalid_body", "body must be a JSON object.", refText);
        }
        return new Inbound(type.asText(), refText, body == null || body.isNull() ? Json.MAPPER.createObjectNode() : (ObjectNode) body);
    }

    /** The ref of a frame that was refused for its text, so that the client can match the refusal to its command. */
    private static String refOf(String text) {
        try {
            JsonNode ref = Json.MAPPER.readTree(text).path("ref");
            return ref.isTextual() && REF.matcher(ref.asText()).matches() ? ref.asText() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** A text field of the body, stripped, required to have 1 to {@code max} characters. */
    String text(String field, int max) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new LiveException("invalid_body", "body." + field + " must be non-empty text.", ref);
        }
        String text = value.asText().strip();
        if (text.length() > max) {
            throw new LiveException("invalid_body", "body." + field + " must be at most " + max + " characters.", ref);
        }
        return text;
    }

    /** A whole-number field of the body between {@code min} and {@code max}. */
    int integer(String field, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
            throw new LiveException("invalid_body", "body." + field + " must be a whole number from " + min + " to " + max + ".", ref);
        }
        return value.asInt();
    }

    /** An optional true/false field of the body; false when it is left out. */
    boolean flag(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new LiveException("invalid_body", "body." + field + " must be true or false.", ref);
        }
        return value.asBoolean();
    }

    /** Refuses fields this command does not know. */
    Inbound only(String... fields) {
        Set<String> known = Set.of(fields);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new LiveException("invalid_body", "body." + name + " is not part of " + type + ".", ref);
            }
        }
        return this;
    }
}
