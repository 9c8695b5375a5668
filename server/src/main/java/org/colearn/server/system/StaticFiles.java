package org.colearn.server.system;

import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/** Serves the web app from the classpath, with the same security headers as the API. */
public final class StaticFiles extends CLStaticHttpHandler {

    static final String ROOT = "/colearn-webapp/";

    private final java.util.Map<String, String> headers;

    public StaticFiles(ClassLoader classLoader) {
        this(classLoader, java.util.List.of());
    }

    /** Pages that may also connect to these origins (the media servers browsers reach). */
    public StaticFiles(ClassLoader classLoader, java.util.List<String> connectOrigins) {
        super(classLoader, ROOT);
        this.headers = SecurityHeaders.headers(connectOrigins);
        setFileCacheEnabled(false);
    }

    @Override
    protected boolean handle(String resourcePath, Request request, Response response) throws Exception {
        SecurityHeaders.addTo(response, headers);
        response.setHeader("Cache-Control", "no-cache");
        return super.handle(resourcePath, request, response);
    }
}
