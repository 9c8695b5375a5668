package org.colearn.server.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Serves, under {@code /lib}, Janus's own browser library and the WebRTC adapter it needs, from where the system
 * installed them (Debian's {@code libjs-janus-gateway} and {@code libjs-webrtc-adapter}): the library comes from the
 * same release as the Janus server, with the system's security updates, and no copy lives in the web app.
 */
public final class BrowserLibraries extends HttpHandler {

    /** What may be asked for, and the file under the installation folder that answers it. */
    static final Map<String, String> FILES = Map.of(
            "/janus.js", "janus-gateway/janus.js",
            "/adapter.js", "webrtc-adapter/adapter.js");

    private final Path folder;

    public BrowserLibraries(Path folder) {
        this.folder = folder;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        String file = FILES.get(request.getPathInfo());
        Path path = file == null ? null : folder.resolve(file);
        if (path == null || !Files.isRegularFile(path)) {
            response.setStatus(404);
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().write(file == null
                    ? "No such library."
                    : "Voice and video need " + file + " under " + folder + ": install libjs-janus-gateway and libjs-webrtc-adapter, or set COLEARN_JAVASCRIPT_DIR.");
            return;
        }
        response.setContentType("text/javascript;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        byte[] bytes = Files.readAllBytes(path);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
