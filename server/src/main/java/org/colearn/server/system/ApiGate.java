package org.colearn.server.system;

import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;

/**
 * Serves {@code /api}: a 503 "starting" problem while the database and the REST application are still being
 * prepared, then the REST application. This lets the port open (and the web app load) while the slow part of
 * start-up, the database, runs in parallel.
 */
public final class ApiGate extends HttpHandler {

    private static final byte[] STARTING = ("{\"type\":\"urn:colearn:problem:starting\",\"title\":\"Service Unavailable\","
                    + "\"status\":503,\"code\":\"starting\",\"detail\":\"Colearn is starting; try again in a second.\"}")
            .getBytes(StandardCharsets.UTF_8);

    private volatile GrizzlyHttpContainer api;

    public void open(GrizzlyHttpContainer container) {
        container.start();
        this.api = container;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        GrizzlyHttpContainer current = api;
        if (current != null) {
            current.service(request, response);
            return;
        }
        SecurityHeaders.addTo(response);
        response.setStatus(503);
        response.setHeader("Retry-After", "1");
        response.setContentType("application/problem+json");
        response.setContentLength(STARTING.length);
        response.getOutputStream().write(STARTING);
    }

    @Override
    public void destroy() {
        GrizzlyHttpContainer current = api;
        if (current != null) {
            current.destroy();
        }
    }
}
