package org.colearn.server.system;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * The Tyrus container for our WebSocket endpoints, mounted on the HTTP server's own listener so that REST and
 * WebSockets share one port. {@link #start} deploys the endpoints; it opens no socket of its own.
 */
public final class WebSocketContainer extends TyrusServerContainer {

    /**
     * The transport's hard ceiling on a frame, bounding memory per connection; Tyrus closes a connection that sends a
     * larger one (with 1011). Endpoints set their own, smaller limits and close with 1009 (message too big).
     */
    static final int MAX_FRAME_BYTES = 1024 * 1024;

    private final TyrusWebSocketEngine engine;
    private final Map<String, Object> properties = new HashMap<>();

    private WebSocketContainer(Set<Class<?>> endpoints) {
        super(endpoints);
        this.engine = TyrusWebSocketEngine.builder(this).incomingBufferSize(MAX_FRAME_BYTES).build();
    }

    /** A container for {@code endpoints}, added to {@code listener}. */
    public static WebSocketContainer mount(NetworkListener listener, Set<Class<?>> endpoints) {
        WebSocketContainer container = new WebSocketContainer(endpoints);
        listener.registerAddOn(new WebSocketAddOn(container, ""));
        return container;
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, "");
    }

    @Override
    public void register(ServerEndpointConfig serverEndpointConfig) throws DeploymentException {
        engine.register(serverEndpointConfig, "");
    }

    @Override
    public WebSocketEngine getWebSocketEngine() {
        return engine;
    }

    @Override
    public Map<String, Object> getProperties() {
        return properties;
    }
}
