package org.colearn.server.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.colearn.server.system.Json;

/** One Janus server, spoken to through its HTTP API: whether it answers, and requests to its VideoRoom plugin. */
final class Janus {

    static final Duration TIMEOUT = Duration.ofSeconds(3);
    static final String VIDEO_ROOM = "janus.plugin.videoroom";

    final URI url;
    /** Where browsers reach it. */
    final String publicUrl;
    private final HttpClient http;

    Janus(URI url, String publicUrl, HttpClient http) {
        this.url = url;
        this.publicUrl = publicUrl;
        this.http = http;
    }

    /** Whether the server answers its info request now. */
    boolean answers() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url + "/info")).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && "server_info".equals(Json.MAPPER.readTree(response.body()).path("janus").asText());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A Janus session attached to the VideoRoom plugin, for a few requests; closing it ends the session. */
    VideoRoom videoRoom() throws JanusException {
        long session = post(url, Json.MAPPER.createObjectNode().put("janus", "create")).path("data").path("id").asLong();
        URI sessionUrl = URI.create(url + "/" + session);
        try {
            long handle = post(sessionUrl, Json.MAPPER.createObjectNode().put("janus", "attach").put("plugin", VIDEO_ROOM))
                    .path("data").path("id").asLong();
            return new VideoRoom(sessionUrl, URI.create(sessionUrl + "/" + handle));
        } catch (JanusException e) {
            destroy(sessionUrl);
            throw e;
        }
    }

    /** Requests to the VideoRoom plugin through one handle. */
    final class VideoRoom implements AutoCloseable {
        private final URI session;
        private final URI handle;

        private VideoRoom(URI session, URI handle) {
            this.session = session;
            this.handle = handle;
        }

        /** Sends a synchronous request ({@code create}, {@code allowed}, {@code kick}...); returns the plugin's answer. */
        JsonNode request(ObjectNode body) throws JanusException {
            ObjectNode message = Json.MAPPER.createObjectNode().put("janus", "message");
            message.set("body", body);
            JsonNode data = post(handle, message).path("plugindata").path("data");
            if (data.has("error_code")) {
                throw new JanusException(data.path("error_code").asInt(), data.path("error").asText());
            }
            return data;
        }

        @Override
        public void close() {
            destroy(session);
        }
    }

    private void destroy(URI session) {
        try {
            post(session, Json.MAPPER.createObjectNode().put("janus", "destroy"));
        } catch (JanusException e) {
            // The session times out on its own.
        }
    }

    private JsonNode post(URI target, ObjectNode message) throws JanusException {
        message.put("transaction", UUID.randomUUID().toString());
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(target)
                            .timeout(TIMEOUT)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(message)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode answer = Json.MAPPER.readTree(response.body());
            if ("error".equals(answer.path("janus").asText())) {
                throw new JanusException(answer.path("error").path("code").asInt(), answer.path("error").path("reason").asText());
            }
            return answer;
        } catch (IOException e) {
            throw JanusException.unreachable(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JanusException.unreachable(url, e);
        }
    }
}
