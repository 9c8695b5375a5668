package org.colearn.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.flipkart.zjsonpatch.DiffFlags;
import com.flipkart.zjsonpatch.JsonDiff;
import com.flipkart.zjsonpatch.JsonPatch;
import java.util.EnumSet;

/**
 * What changed in an activity's state from one callback to the next, as a JSON Patch (RFC 6902): the log keeps these
 * changes, and the whole state only in snapshots, so a large activity (a café of 1,500) does not write its whole state
 * after every callback.
 */
final class ActivityPatches {

    /** Plain adds, removes and replaces: finding moves and copies costs more than it saves in an activity's state. */
    private static final EnumSet<DiffFlags> FLAGS =
            EnumSet.of(DiffFlags.OMIT_MOVE_OPERATION, DiffFlags.OMIT_COPY_OPERATION, DiffFlags.OMIT_VALUE_ON_REMOVE);

    private ActivityPatches() {}

    /** The patch that turns {@code before} into {@code after}. */
    static JsonNode diff(JsonNode before, JsonNode after) {
        return JsonDiff.asJson(before, after, FLAGS);
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
