package org.colearn.server.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh, empty database for one test server: an H2 file in a temporary directory by default, or a new schema in
 * the PostgreSQL named by {@code COLEARN_TEST_DB_URL} when the build runs the PostgreSQL pass
 * ({@code -Dcolearn.test.db=postgresql}). Schemas are dropped when the test JVM exits, so runs never see each
 * other's data.
 */
public record TestDatabase(String url, String user, String password, Path dataDir) {

    public static boolean onPostgresql() {
        return "postgresql".equals(System.getProperty("colearn.test.db", "h2"));
    }

    public static TestDatabase fresh() {
        try {
            Path dataDir = Files.createTempDirectory("colearn-test-");
            if (!onPostgresql()) {
                return new TestDatabase(null, "", "", dataDir);
            }
            String base = System.getenv("COLEARN_TEST_DB_URL");
            if (base == null || base.isBlank()) {
                throw new IllegalStateException("the PostgreSQL test pass needs COLEARN_TEST_DB_URL");
            }
            String user = System.getenv().getOrDefault("COLEARN_TEST_DB_USER", "postgres");
            String password = System.getenv().getOrDefault("COLEARN_TEST_DB_PASSWORD", "");
            String schema = "colearn_test_" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36)
                    .toLowerCase(Locale.ROOT);
            try (Connection connection = DriverManager.getConnection(base, user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute("create schema " + schema);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(base, user, password, schema)));
            String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new TestDatabase(url, user, password, dataDir);
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare a test database: " + e.getMessage(), e);
        }
    }

    /** {@code h2} or {@code postgresql}: what the server's health should report. */
    public String kind() {
        return url == null ? "h2" : "postgresql";
    }

    private static void drop(String base, String user, String password, String schema) {
        try (Connection connection = DriverManager.getConnection(base, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
        }
    }
}
