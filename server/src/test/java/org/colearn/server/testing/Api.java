package org.colearn.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for the REST API, speaking HTTP/1.1 (Grizzly mishandles the h2c upgrade of the JDK client). */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;
    private final String token;
    private final Map<String, String> headers;

    Api(String baseUrl) {
        this(baseUrl, null, Map.of());
    }

    /** A client of the server at {@code baseUrl} (ending in a slash). */
    public static Api at(String baseUrl) {
        return new Api(baseUrl);
    }

    private Api(String baseUrl, String token, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.headers = headers;
    }

    /** The same client, sending this bearer token. */
    public Api as(String bearerToken) {
        return new Api(baseUrl, bearerToken, headers);
    }

    /** The bearer token this client sends, or null. */
    public String bearerToken() {
        return token;
    }

    /** The same client, sending one more header with every request. */
    public Api withHeader(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(baseUrl, token, Map.copyOf(more));
    }

    public Reply get(String path) {
        return send("GET", path, null, null);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Reply post(String path, Object body) {
        return send("POST", path, "application/json", json(body));
    }

    public Reply put(String path, Object body) {
        return send("PUT", path, "application/json", json(body));
    }

    public Reply patch(String path, Object body) {
        return send("PATCH", path, "application/json", json(body));
    }

    /** Sends a body as given, with the given content type. */
    public Reply send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "api/" + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response: its status, headers and body (parsed as JSON where it is JSON). */
    public record Reply(int status, Map<String, java.util.List<String>> headers, String text) {

        public JsonNode json() {
            if (text == null || text.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("expected JSON but got: " + text, e);
            }
        }

        /** The {@code code} of a problem response. */
        public String code() {
            return json().path("code").asText();
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}
