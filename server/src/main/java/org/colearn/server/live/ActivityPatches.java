package org.colearn.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.flipkart.zjsonpatch.JsonPatch;

/**
 * What changed in an activity's state from one callback to the next, as a JSON Patch (RFC 6902): the log keeps these
 * changes, and the whole state only in snapshots, so a large activity (a café of 1,500) does not write its whole state
 * after every callback.
 */
final class ActivityPatches {

    private ActivityPatches() {}

    /**
     * The patch that turns {@code before} into {@code after}: plain adds, removes and replaces, in time linear in the
     * state's size. Objects are compared field by field; an array by its unchanged start and end, the elements between
     * compared pairwise, and what one has more than the other added or removed at the end of that stretch. A general
     * diff finds the longest common subsequence of every array, which costs the square of its length: seconds for the
     * 1,500 people and 250 tables of a large café, after every callback.
     */
    static JsonNode diff(JsonNode before, JsonNode after) {
        ArrayNode patch = JsonNodeFactory.instance.arrayNode();
        diff("", before, after, patch);
        return patch;
    }

    private static void diff(String path, JsonNode before, JsonNode after, ArrayNode patch) {
        if (before.isObject() && after.isObject()) {
            before.fieldNames().forEachRemaining(field -> {
                if (!after.has(field)) {
                    patch.addObject().put("op", "remove").put("path", path + "/" + escape(field));
                }
            });
            after.fields().forEachRemaining(field -> {
                JsonNode was = before.get(field.getKey());
                if (was == null) {
                    patch.addObject().put("op", "add").put("path", path + "/" + escape(field.getKey())).set("value", field.getValue());
                } else {
                    diff(path + "/" + escape(field.getKey()), was, field.getValue(), patch);
                }
            });
        } else if (before.isArray() && after.isArray()) {
            diffArrays(path, before, after, patch);
        } else if (!before.equals(after)) {
            patch.addObject().put("op", "replace").put("path", path).set("value", after);
        }
    }

    private static void diffArrays(String path, JsonNode before, JsonNode after, ArrayNode patch) {
        int was = before.size();
        int is = after.size();
        int start = 0;
        while (start < Math.min(was, is) && before.get(start).equals(after.get(start))) {
            start++;
        }
        int end = 0;
        while (end < Math.min(was, is) - start && before.get(was - 1 - end).equals(after.get(is - 1 - end))) {
            end++;
        }
        int paired = Math.min(was, is) - start - end;
        for (int i = start; i < start + paired; i++) {
            diff(path + "/" + i, before.get(i), after.get(i), patch);
        }
        for (int i = was - end - 1; i >= start + paired; i--) {
            patch.addObject().put("op", "remove").put("path", path + "/" + i);
        }
        for (int i = start + paired; i < is - end; i++) {
            patch.addObject().put("op", "add").put("path", path + "/" + i).set("value", after.get(i));
        }
    }

    /** A JSON Pointer's escaping of a field name (RFC 6901). */
    private static String escape(String field) {
        return field.replace("~", "~0").replace("/", "~1");
    }

    /** Applies a patch to a state, in place where it can; returns the state after it. */
    static JsonNode apply(JsonNode state, JsonNode patch) {
        if (state == null || !state.isContainerNode() || replacesWhole(patch)) {
            return JsonPatch.apply(patch, state == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : state);
        }
        JsonPatch.applyInPlace(patch, state);
        return state;
    }

    private static boolean replacesWhole(JsonNode patch) {
        for (JsonNode operation : patch) {
            if (operation.path("path").asText().isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
