package org.colearn.server.system;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.Map;
import org.glassfish.grizzly.http.server.Response;

/** The headers every response carries: a strict Content-Security-Policy and its companions. */
public final class SecurityHeaders implements ContainerResponseFilter {

    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
                    + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        HEADERS.forEach((name, value) -> response.getHeaders().putSingle(name, value));
        response.getHeaders().putSingle("Cache-Control", "no-store");
    }

    /** Adds the same headers to a response served outside Jersey (static files). */
    static void addTo(Response response) {
        HEADERS.forEach(response::setHeader);
    }
}
