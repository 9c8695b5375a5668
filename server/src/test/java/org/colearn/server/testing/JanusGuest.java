package org.colearn.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Someone knocking on a Janus VideoRoom the way a browser does, through Janus's HTTP API, without media: enough to
 * see whether a token lets them in and whether they are still there. A probe for tests, not a client of the app.
 */
public final class JanusGuest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI session;
    private final URI handle;

    public JanusGuest(URI janus) {
        this.session = URI.create(janus + "/" + post(janus, message("create")).path("data").path("id").asLong());
        ObjectNode attach = message("attach").put("plugin", "janus.plugin.videoroom");
        this.handle = URI.create(session + "/" + post(session, attach).path("data").path("id").asLong());
    }

    /** Joins a room as a publisher; returns the VideoRoom's answer: {@code videoroom: joined}, or an error code. */
    public JsonNode join(long room, String token, long feed) {
        ObjectNode body = JSON.createObjectNode().put("request", "join").put("ptype", "publisher").put("room", room)
                .put("id", feed).put("display", "probe");
        if (token != null) {
            body.put("token", token);
        }
        ObjectNode join = message("message");
        join.set("body", body);
        JsonNode answer = post(handle, join);
        if (answer.path("plugindata").path("data").has("error_code")) {
            return answer.path("plugindata").path("data");
        }
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            JsonNode event = get(URI.create(session + "?maxev=1&rid=" + System.nanoTime()));
            JsonNode data = event.path("plugindata").path("data");
            if (data.has("error_code") || "joined".equals(data.path("videoroom").asText())) {
                return data;
            }
        }
        throw new AssertionError("Janus did not answer the join within 10 s");
    }

    /** The ids of the participants in a room now (a public request: no secret needed). */
    public java.util.Set<Long> participants(long room) {
        ObjectNode list = message("message");
        list.set("body", JSON.createObjectNode().put("request", "listparticipants").put("room", room));
        java.util.Set<Long> ids = new java.util.HashSet<>();
        post(handle, list).path("plugindata").path("data").path("participants").forEach(p -> ids.add(p.path("id").asLong()));
        return ids;
    }

    /** Whether a room exists on this Janus. */
    public boolean exists(long room) {
        ObjectNode exists = message("message");
        exists.set("body", JSON.createObjectNode().put("request", "exists").put("room", room));
        return post(handle, exists).path("plugindata").path("data").path("exists").asBoolean();
    }

    private static ObjectNode message(String janus) {
        return JSON.createObjectNode().put("janus", janus).put("transaction", UUID.randomUUID().toString());
    }

    private JsonNode post(URI target, ObjectNode message) {
        try {
            return JSON.readTree(http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(message.toString())).build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("Janus at " + target + " does not answer", e);
        }
    }

    private JsonNode get(URI target) {
        try {
            return JSON.readTree(http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(40)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("Janus at " + target + " does not answer", e);
        }
    }
}
