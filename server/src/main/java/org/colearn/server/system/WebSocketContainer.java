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
final class WebSocketContainer extends TyrusServerContainer {

    private final TyrusWebSocketEngine engine;
    private final Map<String, Object> properties = new HashMap<>();

    private WebSocketContainer(Set<Class<?>> endpoints) {
        super(endpoints);
        this.engine = TyrusWebSocketEngine.builder(this).build();
    }

    /** A container for {@code endpoints}, added to {@code listener}. */
    static WebSocketContainer mount(NetworkListener listener, Set<Class<?>> endpoints) {
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
