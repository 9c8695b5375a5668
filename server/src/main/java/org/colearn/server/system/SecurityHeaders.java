package org.colearn.server.system;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.List;
import java.util.Map;
import org.glassfish.grizzly.http.server.Response;

/**
 * The headers every response carries: a strict Content-Security-Policy and its companions. Pages may use the camera
 * and microphone (for voice and video in live sessions, asked for only when a person turns them on) and connect to the
 * media servers' addresses besides their own.
 */
public final class SecurityHeaders implements ContainerResponseFilter {

    static final Map<String, String> HEADERS = headers(List.of());

    /** The headers, with pages allowed to connect to these origins too ({@code https://janus.example.org}). */
    public static Map<String, String> headers(List<String> connectOrigins) {
        String connect = String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of("'self'"), connectOrigins.stream()).toList());
        return Map.of(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src " + connect + ";"
                        + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "no-referrer",
                "X-Frame-Options", "DENY",
                "Permissions-Policy", "camera=(self), microphone=(self), display-capture=(self), geolocation=()");
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        HEADERS.forEach((name, value) -> response.getHeaders().putSingle(name, value));
        response.getHeaders().putSingle("Cache-Control", "no-store");
    }

    /** Adds the same headers to a response served outside Jersey (static files). */
    static void addTo(Response response) {
        HEADERS.forEach(response::setHeader);
    }

    static void addTo(Response response, Map<String, String> headers) {
        headers.forEach(response::setHeader);
    }
}
