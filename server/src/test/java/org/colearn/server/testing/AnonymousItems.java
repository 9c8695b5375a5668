package org.colearn.server.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.colearn.server.stories.Mixer;

/** Has a test server write the anonymous stories and comments waiting for their random moment, without waiting for it. */
public final class AnonymousItems {

    private static final Duration DEADLINE = Duration.ofSeconds(15);

    private AnonymousItems() {}

    /** Moves the server's clock past the longest delay, when items wait, and waits until every one is written. */
    public static void written(TestServer server) {
        if (waiting(server) == 0) {
            return;
        }
        server.clock().advance(Mixer.LONGEST_DELAY.plusSeconds(1));
        Instant deadline = Instant.now().plus(DEADLINE);
        while (waiting(server) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the anonymous items were not written within " + DEADLINE.toSeconds() + " s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** How many anonymous items are waiting to be written. */
    public static long waiting(TestServer server) {
        try (Connection connection = server.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from story_spool")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError("could not read the spool", e);
        }
    }
}
