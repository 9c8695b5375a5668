package org.colearn.server.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.colearn.server.testing.AnonymousItems;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * When the database refuses a write, the server's log says that it failed and where, and holds nothing a user wrote:
 * not the text of the row (which PostgreSQL quotes as "Failing row contains (...)" and H2 in its messages), nor an
 * anonymous story's edit-key hash. The log is captured with the server's own logging configuration.
 */
@Timeout(60)
class FailedWriteLogIT {

    /** Rows of exactly this length are refused by a constraint the test adds, so that a real insert fails. */
    static final int REFUSED_LENGTH = 57;
    static final Pattern EDIT_KEY_HASH = Pattern.compile("[0-9a-fA-F]{64}");

    TestServer server;
    Api facilitator;
    String collaborative;
    ByteArrayOutputStream log;
    OutputStreamAppender<ILoggingEvent> capture;

    @BeforeEach
    void setUp() throws SQLException {
        server = TestServer.start();
        facilitator = server.api().as(People.signUp(server.api(), "Fiona Facilitator"));
        collaborative = People.collaborative(facilitator, "Sepsis");
        try (Connection connection = server.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("alter table site add constraint refused_site check (char_length(name) <> " + REFUSED_LENGTH + ")");
            statement.execute("alter table story add constraint refused_story check (char_length(what_we_tried) <> " + REFUSED_LENGTH + ")");
        }
        log = new ByteArrayOutputStream();
        capture = serversOwnLayout(log);
    }

    @AfterEach
    void tearDown() {
        rootLogger().detachAppender(capture);
        capture.stop();
        server.close();
    }

    @Test
    void aSiteTheDatabaseRefusesIsReportedWithoutItsNameInTheLog() throws IOException {
        String name = exactly("Ashford and St Peter's secret ward");
        Api.Reply reply = facilitator.post("collaboratives/" + collaborative + "/sites",
                Map.of("name", name, "kind", "trust", "region", "Surrey Heath region"));
        assertEquals(500, reply.status(), reply::toString);
        assertEquals("internal_error", reply.code());
        String logged = logged();
        assertTrue(logged.contains("unexpected failure, incident"), "the failure itself is logged: " + logged);
        assertTrue(logged.contains("\tat "), "with where it happened: " + logged);
        assertNothingOf(logged, name, "Surrey Heath region");
    }

    @Test
    void anAnonymousStoryTheDatabaseRefusesLeavesNeitherItsTextNorItsEditKeyInTheLog() throws IOException {
        String tried = exactly("We tried paging the night registrar about bed 12");
        Api.Reply reply = facilitator.post("collaboratives/" + collaborative + "/stories", Map.of(
                "title", "Night screening slipped", "topic", "Sepsis", "changeIdea", "Screening at triage",
                "whatWeTried", tried, "whatHappened", "Nobody answered the bleep in time",
                "whatWeLearned", "Escalation needs a named person", "whatWeWouldDoDifferently", "",
                "credit", "nobody", "visibility", "collaborative"));
        assertEquals(201, reply.status(), "taken, to be written a few minutes later: " + reply);
        AnonymousItems.written(server);
        String logged = logged();
        assertTrue(logged.contains("dropped an anonymous item the database refused"), "the failure itself is logged: " + logged);
        assertNothingOf(logged, tried, "Nobody answered the bleep", "Night screening slipped");
        assertFalse(EDIT_KEY_HASH.matcher(logged).find(), "no edit-key hash in the log: " + logged);
    }

    private static String exactly(String text) {
        return (text + " " + "x".repeat(REFUSED_LENGTH)).substring(0, REFUSED_LENGTH);
    }

    private void assertNothingOf(String logged, String... texts) throws IOException {
        assertFalse(logged.contains("Failing row"), logged);
        for (String text : texts) {
            assertFalse(logged.contains(text), "the log quotes what the user wrote (" + text + "): " + logged);
        }
        // The embedded database keeps no trace file of its own with the row in it either.
        try (Stream<Path> files = Files.walk(server.dataDir())) {
            for (Path trace : files.filter(file -> file.toString().endsWith(".trace.db")).toList()) {
                String content = Files.readString(trace, StandardCharsets.ISO_8859_1);
                for (String text : texts) {
                    assertFalse(content.contains(text), "the database's trace file quotes " + text);
                }
            }
        }
    }

    private String logged() {
        return log.toString(StandardCharsets.UTF_8);
    }

    private static Logger rootLogger() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** An appender that writes what the server's console appender would write, into {@code out}. */
    private static OutputStreamAppender<ILoggingEvent> serversOwnLayout(ByteArrayOutputStream out) {
        Logger root = rootLogger();
        LayoutWrappingEncoder<ILoggingEvent> console = (LayoutWrappingEncoder<ILoggingEvent>)
                ((OutputStreamAppender<ILoggingEvent>) root.getAppender("console")).getEncoder();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(root.getLoggerContext());
        encoder.setPattern(((PatternLayoutEncoder) console).getPattern());
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(root.getLoggerContext());
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        root.addAppender(appender);
        return appender;
    }
}
