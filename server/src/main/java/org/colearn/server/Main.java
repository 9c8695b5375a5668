package org.colearn.server;

import java.time.Clock;
import java.time.Duration;
import org.colearn.server.plugin.Plugins;
import org.colearn.server.ColearnServer;
import org.colearn.server.system.Config;
import org.colearn.server.system.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Starts Colearn: {@code java -jar server/target/colearn.jar [--port=8080] [--data-dir=./data] ...}. */
public final class Main {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        long started = System.nanoTime();
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Config config;
        try {
            config = Config.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            fail("colearn: " + e.getMessage(), 2);
            return;
        }
        ColearnServer server;
        try {
            server = ColearnServer.start(config, Clock.systemUTC());
        } catch (ColearnServer.PortUnavailableException | Database.DatabaseUnavailableException | Plugins.PluginException e) {
            fail("colearn: " + e.getMessage(), 1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "colearn-shutdown"));
        log.info(
                "Colearn is ready at http://localhost:{}/ on {} in {} ms",
                server.port(),
                server.database().kind(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        // Grizzly's threads are daemons: main waits until the shutdown hook has closed the server.
        Thread.currentThread().join();
    }

    private static void fail(String message, int status) {
        System.err.println(message);
        System.exit(status);
    }
}
