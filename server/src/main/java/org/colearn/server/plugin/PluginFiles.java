package org.colearn.server.plugin;

import java.io.InputStream;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/** Serves each plugin's browser component from its jar: {@code /plugins/<id>/<file>}. */
public final class PluginFiles extends HttpHandler {

    private final Plugins plugins;

    public PluginFiles(Plugins plugins) {
        this.plugins = plugins;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = path.startsWith("/") ? path.substring(1).split("/", 2) : new String[0];
        InputStream file = parts.length == 2
                ? plugins.get(parts[0]).map(plugin -> plugin.browserFile(parts[1])).orElse(null)
                : null;
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'");
        if (file == null) {
            response.setStatus(404);
            response.setContentType("text/plain");
            response.getWriter().write("No such plugin file.");
            return;
        }
        try (file) {
            response.setContentType(parts[1].endsWith(".js") ? "text/javascript;charset=utf-8"
                    : parts[1].endsWith(".css") ? "text/css;charset=utf-8" : "application/octet-stream");
            response.setHeader("Cache-Control", "no-cache");
            file.transferTo(response.getOutputStream());
        }
    }
}
