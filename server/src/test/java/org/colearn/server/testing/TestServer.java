package org.colearn.server.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.colearn.server.ColearnServer;
import org.colearn.server.system.Config;
import org.colearn.server.system.MediaSettings;
import org.colearn.server.system.Smtp;

/**
 * A real Colearn server on a free port, wired exactly as {@code main} wires it, on a fresh database and a clock
 * the test controls. Restartable on the same data.
 */
public final class TestServer implements AutoCloseable {

    private final TestDatabase database;
    private final MutableClock clock;
    private final Smtp smtp;
    private final MediaSettings media;
    private ColearnServer server;

    private TestServer(TestDatabase database, MutableClock clock, Smtp smtp, MediaSettings media) {
        this.database = database;
        this.clock = clock;
        this.smtp = smtp;
        this.media = media;
        this.server = ColearnServer.start(config(), clock);
    }

    private TestServer(TestDatabase database, MutableClock clock, Smtp smtp) {
        this(database, clock, smtp, MediaSettings.NONE);
    }

    private TestServer(TestDatabase database, MutableClock clock) {
        this(database, clock, Smtp.NONE);
    }

    /** Starts a server whose rooms' voice and video go through these media settings (Janus servers, ICE servers). */
    public static TestServer startWithMedia(MediaSettings media) {
        return new TestServer(TestDatabase.fresh(), MutableClock.startingNow(), Smtp.NONE, media);
    }

    public static TestServer start() {
        return new TestServer(TestDatabase.fresh(), MutableClock.startingNow());
    }

    /** Starts a server that sends its mail through the SMTP server on this port of this machine (plain SMTP). */
    public static TestServer startSendingMailTo(int smtpPort) {
        return new TestServer(
                TestDatabase.fresh(),
                MutableClock.startingNow(),
                new Smtp("127.0.0.1", smtpPort, "", "", "colearn@example.test", Smtp.Security.NONE));
    }

    /** Starts a server after putting plugin jars in its plugins folder ({@code preparePlugins} gets the folder). */
    public static TestServer startWithPlugins(java.util.function.Consumer<Path> preparePlugins) {
        TestDatabase database = TestDatabase.fresh();
        preparePlugins.accept(database.dataDir().resolve("plugins"));
        return new TestServer(database, MutableClock.startingNow());
    }

    /** Starts a server with plugin jars (as {@link #startWithPlugins}) whose rooms' voice and video go through {@code media}. */
    public static TestServer startWithPluginsAndMedia(java.util.function.Consumer<Path> preparePlugins, MediaSettings media) {
        TestDatabase database = TestDatabase.fresh();
        preparePlugins.accept(database.dataDir().resolve("plugins"));
        return new TestServer(database, MutableClock.startingNow(), Smtp.NONE, media);
    }

    /**
     * Starts another server node on the same database and clock, as a cluster runs several; close it on its own.
     */
    public TestServer anotherNode() {
        return new TestServer(database, clock, smtp, media);
    }

    /** Stops the server and starts a new one on the same database and data directory. */
    public void restart() {
        server.close();
        server = ColearnServer.start(config(), clock);
    }

    public Config config() {
        return new Config(
                "127.0.0.1",
                0,
                database.dataDir(),
                Optional.ofNullable(database.url()),
                database.user(),
                database.password(),
                database.dataDir().resolve("plugins"),
                Duration.ofDays(30),
                "",
                "",
                smtp,
                media);
    }

    public TestDatabase database() {
        return database;
    }

    public Path dataDir() {
        return database.dataDir();
    }

    public MutableClock clock() {
        return clock;
    }

    public int port() {
        return server.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/";
    }

    /** The server's own connection pool, for tests that look at what is stored. */
    public javax.sql.DataSource dataSource() {
        return server.database().dataSource();
    }

    /** The classes of the REST resources the running server answers with. */
    public java.util.Set<Class<?>> resourceClasses() {
        return server.resourceClasses();
    }

    public Api api() {
        return new Api(baseUrl());
    }

    @Override
    public void close() {
        server.close();
    }
}
