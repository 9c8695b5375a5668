package org.colearn.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Janus (Debian's {@code janus} package) for one test class: started with a configuration folder of its own,
 * made from the templates in {@code src/test/resources/janus}, on free loopback ports, every packet staying on
 * loopback. Tests that need one are skipped when {@value #BINARY} is missing.
 */
public final class JanusServer implements AutoCloseable {

    public static final String BINARY = "/usr/bin/janus";
    public static final String ADMIN_KEY = "colearn-test-admin-key";
    private static final List<String> FILES = List.of(
            "janus.jcfg", "janus.transport.http.jcfg", "janus.transport.websockets.jcfg", "janus.plugin.videoroom.jcfg");
    /**
     * Each test JVM (failsafe's fork number, given as {@code colearn.test.fork}) takes media ports from a range of its
     * own, so that two forks running at once never give two Janus servers the same ports.
     */
    private static final int RTP_BASE = 20000 + (Integer.getInteger("colearn.test.fork", 1) - 1) % 2 * 20000;
    private static int rtpRanges;

    private final Process process;
    private final Path folder;
    private final int httpPort;

    private JanusServer(Process process, Path folder, int httpPort) {
        this.process = process;
        this.folder = folder;
        this.httpPort = httpPort;
    }

    /** Skips the calling test when Janus is not installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(BINARY)), "Janus is not installed (apt-get install janus)");
    }

    public static JanusServer start() throws IOException, InterruptedException {
        assumeInstalled();
        Path folder = Files.createTempDirectory("colearn-janus");
        Path lib = Files.list(Path.of("/usr/lib")).map(dir -> dir.resolve("janus")).filter(Files::isDirectory).findFirst()
                .orElseThrow(() -> new IllegalStateException("Janus's plugins are not under /usr/lib/*/janus"));
        int http = freePort();
        int ws = freePort();
        int rtp;
        synchronized (JanusServer.class) {
            rtp = RTP_BASE + rtpRanges++ % 100 * 200;
        }
        Map<String, String> values = Map.of(
                "@CONFIGS@", folder.toString(),
                "@PLUGINS@", lib.resolve("plugins").toString(),
                "@TRANSPORTS@", lib.resolve("transports").toString(),
                "@EVENTS@", lib.resolve("events").toString(),
                "@LOGGERS@", lib.resolve("loggers").toString(),
                "@ADMIN_SECRET@", "colearn-test-admin-secret",
                "@ADMIN_KEY@", ADMIN_KEY,
                "@RTP_PORTS@", rtp + "-" + (rtp + 199),
                "@HTTP_PORT@", Integer.toString(http),
                "@WS_PORT@", Integer.toString(ws));
        for (String file : FILES) {
            String text;
            try (InputStream in = JanusServer.class.getResourceAsStream("/janus/" + file)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace(value.getKey(), value.getValue());
            }
            Files.writeString(folder.resolve(file), text);
        }
        Process process = new ProcessBuilder(BINARY, "-F", folder.toString(), "-C", folder.resolve("janus.jcfg").toString(),
                "-L", folder.resolve("janus.log").toString(), "-N")
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("janus.out").toFile())
                .start();
        JanusServer janus = new JanusServer(process, folder, http);
        janus.awaitAnswering();
        return janus;
    }

    /** The HTTP API address, as {@code COLEARN_MEDIA_URL} names it. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + httpPort + "/janus");
    }

    /** The Janus process's id, for measuring what it uses. */
    public long pid() {
        return process.pid();
    }

    public Path log() {
        return folder.resolve("janus.log");
    }

    private void awaitAnswering() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Janus stopped at start: " + Files.readString(folder.resolve("janus.out")));
            }
            try {
                HttpResponse<String> info = client.send(HttpRequest.newBuilder(URI.create(url() + "/info")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (info.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("Janus did not answer within 30 s; see " + log());
    }

    /** Kills Janus at once, as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
