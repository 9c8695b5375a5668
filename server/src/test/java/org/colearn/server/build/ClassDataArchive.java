package org.colearn.server.build;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Makes the packaged server's Class Data Sharing archive, part of the build: starts the jar once, exactly as the
 * README's run command names it (the same working directory and relative path, which the JVM checks before it maps
 * an archive), with {@code -XX:ArchiveClassesAtExit}, on an empty data directory and a free port; waits until the API
 * answers, asks it for a login once, and stops it, which writes every class it loaded into the archive. A later start
 * with {@code -XX:SharedArchiveFile} maps those classes instead of loading and verifying them again (see "Cold start" in
 * docs/benchmarks.md). If the archive cannot be made, the build says why and goes on: the server starts without it.
 *
 * <p>Arguments: the directory to run from, the jar's path from there, the archive's path from there.
 */
public final class ClassDataArchive {

    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private ClassDataArchive() {}

    public static void main(String[] args) throws InterruptedException {
        try {
            make(args);
        } catch (IOException | RuntimeException e) {
            System.out.println("Class data archive not made (" + e + "); the server starts without it.");
        }
    }

    private static void make(String[] args) throws IOException, InterruptedException {
        Path from = Path.of(args[0]);
        String jar = args[1];
        Path archive = from.resolve(args[2]);
        Files.deleteIfExists(archive);
        Path data = Files.createTempDirectory("colearn-class-archive");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ArchiveClassesAtExit=" + args[2], "-jar", jar,
                "--port=" + port, "--host=127.0.0.1", "--data-dir=" + data.resolve("data"))
                .directory(from.toFile())
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile())
                .start();
        try {
            exercise(port, server);
        } finally {
            server.destroy();
            if (!server.waitFor(2, TimeUnit.MINUTES)) {
                server.destroyForcibly();
            }
        }
        if (Files.exists(archive) && Files.size(archive) > 0) {
            System.out.printf("Class data archive: %s, %,d bytes%n", args[2], Files.size(archive));
        } else {
            System.out.println("Class data archive not made; the server starts without it. Its log: " + data.resolve("server.log"));
        }
    }

    /** Waits until the API answers, then asks it for a login, so that the classes of a request are in the archive too. */
    private static void exercise(int port, Process server) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create("http://127.0.0.1:" + port + "/api/health");
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline) && server.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                            .header("Content-Type", "application/json")
                            .header("X-Colearn-Request", "1")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"nobody@example.org\",\"password\":\"-\"}"))
                            .build(), HttpResponse.BodyHandlers.discarding());
                    http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    return;
                }
            } catch (IOException notYet) {
                // The port is not open yet.
            }
            server.waitFor(100, TimeUnit.MILLISECONDS);
        }
    }
}
