package org.colearn.server.stories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.colearn.server.testing.LiveClient;

/** What a live client received that could carry a story: every frame but the roster of who is in the session. */
final class ReceivedFrames {

    private ReceivedFrames() {}

    /**
     * Every frame as text, leaving out presence signals, the calls' rosters ({@code media.room}: who is in the same
     * place), the roster of the hello reply and the list of who is in each
     * failure-story circle that facilitators get to choose a storyteller: who is in the session is shown to everyone
     * in it (and all of it to facilitators), whatever they tell. The hello reply's activity part is kept.
     */
    static List<String> of(LiveClient client) {
        return client.frames().stream()
                .filter(frame -> !frame.path("type").asText().startsWith("presence."))
                .filter(frame -> !frame.path("type").asText().equals("media.room"))
                .map(ReceivedFrames::withoutRoster)
                .toList();
    }

    private static String withoutRoster(JsonNode frame) {
        boolean helloReply = frame.has("re") && frame.path("body").has("view");
        JsonNode kept = (helloReply ? frame.path("body").path("view").path("activity") : frame).deepCopy();
        withoutCirclesPresent(kept);
        return kept.toString();
    }

    private static void withoutCirclesPresent(JsonNode node) {
        node.path("circles").forEach(desk -> {
            if (desk instanceof ObjectNode object) {
                object.remove("present");
            }
        });
        node.forEach(ReceivedFrames::withoutCirclesPresent);
    }
}
