package org.colearn.server.live;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes a REST message for a live session on to the node that owns it, with the caller's own Authorization, and
 * returns that node's answer as it is. The forwarded request is marked, so that a node that does not own the session
 * either (it is changing hands) answers instead of passing it on again.
 */
final class OwnerForwarding {

    static final String FORWARDED = "Colearn-Forwarded";
    private static final Logger log = LoggerFactory.getLogger(OwnerForwarding.class);

    /** HTTP/1.1: the JDK client's default h2c upgrade makes Grizzly never end the request body. */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /** The owner's answer, or empty when the owner cannot be reached. */
    Optional<Response> post(String ownerUrl, UUID sessionId, String body, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(ownerUrl.replaceAll("/+$", "") + "/api/sessions/" + sessionId + "/live/messages"))
                .timeout(Duration.ofSeconds(5))
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                .header(FORWARDED, "1")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Response.ResponseBuilder response = Response.status(answer.statusCode()).entity(answer.body());
            answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(type -> response.header(HttpHeaders.CONTENT_TYPE, type));
            answer.headers().firstValue(HttpHeaders.RETRY_AFTER).ifPresent(after -> response.header(HttpHeaders.RETRY_AFTER, after));
            return Optional.of(response.build());
        } catch (IOException e) {
            log.info("session {}: its owner at {} cannot be reached ({})", sessionId, ownerUrl, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
