package org.colearn.server.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database a server runs on: a pooled connection source, a schema brought up to date by Flyway migrations, and
 * a Hibernate session factory that validates (never creates) the schema.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;
    private final String kind;

    private Database(HikariDataSource dataSource, SessionFactory sessionFactory, String kind) {
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
        this.kind = kind;
    }

    /**
     * Opens the pool, migrates the schema and starts Hibernate.
     *
     * @throws DatabaseUnavailableException when the database cannot be reached or migrated
     */
    /** Measures the connection pool (connections in use, waiting, timeouts) into the server's metrics. */
    void measure(io.micrometer.core.instrument.MeterRegistry registry) {
        dataSource.setMetricRegistry(registry);
    }

    public static Database open(String url, String user, String password, List<Class<?>> entities) {
        long started = System.nanoTime();
        String kind = kindOf(url);
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(kind.equals("h2") ? durableH2(url) : url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(kind.equals("h2") ? 8 : 16);
        pool.setPoolName("colearn");
        pool.setInitializationFailTimeout(1);
        pool.setConnectionTimeout(10_000);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("cannot open the database at " + redact(url) + ": " + rootMessage(e), e);
        }
        try {
            long poolReady = System.nanoTime();
            Flyway.configure()
                    .dataSource(dataSource)
                    // PostgreSQL gets a few extra migrations of its own (full-text indexes) that H2 cannot run.
                    .locations(kind.equals("postgresql")
                            ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                            : new String[] {"classpath:db/migration"})
                    .load()
                    .migrate();
            long migrated = System.nanoTime();
            SessionFactory sessionFactory = new HibernatePersistenceConfiguration("colearn")
                    .managedClasses(entities)
                    .validationMode(jakarta.persistence.ValidationMode.NONE)
                    .property("hibernate.connection.datasource", dataSource)
                    .property("hibernate.hbm2ddl.auto", "validate")
                    .property("hibernate.jdbc.time_zone", "UTC")
                    .property("hibernate.order_inserts", true)
                    .property("hibernate.jdbc.batch_size", 50)
                    .createEntityManagerFactory();
            log.info(
                    "{} database ready: pool {} ms, migrations {} ms, ORM {} ms",
                    kind,
                    (poolReady - started) / 1_000_000,
                    (migrated - poolReady) / 1_000_000,
                    (System.nanoTime() - migrated) / 1_000_000);
            return new Database(dataSource, sessionFactory, kind);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new DatabaseUnavailableException("cannot prepare the database at " + redact(url) + ": " + rootMessage(e), e);
        }
    }

    /**
     * What an H2 URL gets unless it sets these itself, so that whatever was acknowledged survives a crash of the
     * process (a REST 2xx, a live event whose number clients were sent; the log would otherwise give that number out
     * again). {@code WRITE_DELAY=0}: each commit is written to the file before it returns, where by default H2 keeps
     * commits in memory for up to half a second. {@code REUSE_SPACE=FALSE}: each commit is appended at the end of the
     * file, because after a crash H2 finds the newest commit from the end of the file and by a guess of where the
     * next one went; one written into reused space inside the file, and those after it, can be missed, so the file
     * comes back many commits old. The file then grows while the server runs; {@code DEFRAG_ALWAYS=TRUE} compacts it
     * at each clean stop. In the URL, because H2 applies these each time it opens the database.
     */
    static final Map<String, String> DURABLE_H2 = Map.of("WRITE_DELAY", "0", "REUSE_SPACE", "FALSE", "DEFRAG_ALWAYS", "TRUE");

    /** The H2 URL with {@link #DURABLE_H2} added, each unless the URL sets it already. */
    static String durableH2(String url) {
        StringBuilder durable = new StringBuilder(url);
        String upper = url.toUpperCase(Locale.ROOT);
        DURABLE_H2.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(setting -> {
            if (!upper.contains(";" + setting.getKey() + "=")) {
                durable.append(';').append(setting.getKey()).append('=').append(setting.getValue());
            }
        });
        return durable.toString();
    }

    public SessionFactory sessions() {
        return sessionFactory;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** {@code h2} or {@code postgresql}. */
    public String kind() {
        return kind;
    }

    /** True when a connection can be taken from the pool and answers. */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        sessionFactory.close();
        dataSource.close();
    }

    static String kindOf(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return "h2";
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return "postgresql";
        }
        throw new DatabaseUnavailableException(
                "unsupported database URL " + redact(url) + ": use jdbc:postgresql://... or jdbc:h2:...", null);
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    /** The database could not be opened, reached or migrated. */
    public static final class DatabaseUnavailableException extends RuntimeException {
        public DatabaseUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
