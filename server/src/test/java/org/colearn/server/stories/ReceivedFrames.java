package org.colearn.server.stories;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.colearn.server.testing.LiveClient;

/** What a live client received that could carry a story: every frame but the roster of who is in the session. */
final class ReceivedFrames {

    private ReceivedFrames() {}

    /**
     * Every frame as text, leaving out presence signals and the roster of the hello reply: who is in the session is
     * shown to everyone in it, whatever they tell. The hello reply's activity part is kept.
     */
    static List<String> of(LiveClient client) {
        return client.frames().stream()
                .filter(frame -> !frame.path("type").asText().startsWith("presence."))
                .map(ReceivedFrames::withoutRoster)
                .toList();
    }

    private static String withoutRoster(JsonNode frame) {
        boolean helloReply = frame.has("re") && frame.path("body").has("view");
        return helloReply ? frame.path("body").path("view").path("activity").toString() : frame.toString();
    }
}
