package org.colearn.server.system;

import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/** Serves the web app from the classpath, with the same security headers as the API. */
public final class StaticFiles extends CLStaticHttpHandler {

    static final String ROOT = "/colearn-webapp/";

    public StaticFiles(ClassLoader classLoader) {
        super(classLoader, ROOT);
        setFileCacheEnabled(false);
    }

    @Override
    protected boolean handle(String resourcePath, Request request, Response response) throws Exception {
        SecurityHeaders.addTo(response);
        response.setHeader("Cache-Control", "no-cache");
        return super.handle(resourcePath, request, response);
    }
}
