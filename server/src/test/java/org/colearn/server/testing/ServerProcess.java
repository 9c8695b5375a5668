package org.colearn.server.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The packaged server ({@code target/colearn.jar}) running in a JVM of its own, as an operator runs it: for tests of
 * several nodes on one database, where a node must die as a process does (SIGKILL) or stop as one does (SIGTERM),
 * and for tests that kill a server and start it again on the same data. On H2 the node keeps its database in the
 * test database's data directory, so a node started again on the same {@link TestDatabase} finds what the last one
 * wrote; on PostgreSQL each node gets a data directory of its own.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "colearn.jar");

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a node on {@code database} and returns once it says it is ready. */
    public static ServerProcess start(TestDatabase database) {
        return start(database, JAR, Map.of());
    }

    /** Starts a node on {@code database} with more settings in its environment ({@code COLEARN_LEASE_SECONDS}). */
    public static ServerProcess start(TestDatabase database, Map<String, String> settings) {
        return start(database, JAR, settings);
    }

    /** Starts a node of the server packaged in {@code jar} (another build, for comparing) on {@code database}. */
    public static ServerProcess start(TestDatabase database, Path jar) {
        return start(database, jar, Map.of());
    }

    private static ServerProcess start(TestDatabase database, Path jar, Map<String, String> settings) {
        try {
            int port = freePort();
            boolean h2 = database.url() == null;
            Path data = h2 ? database.dataDir() : Files.createTempDirectory("colearn-node-");
            // One log per start: a node started again on the same data must not overwrite what the killed one said.
            Path log = Files.createTempFile(data, "server-", ".log");
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar.toString(),
                    "--host=127.0.0.1", "--port=" + port, "--data-dir=" + data, "--node-url=http://127.0.0.1:" + port)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            if (!h2) {
                builder.environment().put("COLEARN_DB_URL", database.url());
                builder.environment().put("COLEARN_DB_USER", database.user());
                builder.environment().put("COLEARN_DB_PASSWORD", database.password());
            }
            builder.environment().putAll(settings);
            ServerProcess node = new ServerProcess(builder.start(), port, log);
            node.awaitReady(Duration.ofSeconds(120));
            return node;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a server process: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public Api api() {
        return Api.at("http://127.0.0.1:" + port + "/");
    }

    /** Kills the node at once, as a crash would: no shutdown hook runs, its database connections just drop. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** Asks the node to stop (SIGTERM), as an operator would, and waits until it has. */
    public void stop() {
        process.destroy();
        waitFor();
    }

    /** Freezes the node (SIGSTOP), as a long pause would: its sockets and database connections stay open. */
    public void pause() {
        signal("STOP");
    }

    /** Lets a paused node run on (SIGCONT), as if nothing had happened. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal the server process: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling the server process", e);
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** What the node printed, for failure messages. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitReady(Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server process ended while starting:\n" + log());
            }
            try {
                if (api().get("health/ready").status() == 200) {
                    return;
                }
            } catch (RuntimeException notListeningYet) {
                // Still starting.
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        close();
        throw new IllegalStateException("the server process was not ready within " + limit + ":\n" + log());
    }

    private void waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
