package org.colearn.server.system;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database a server runs on: a pooled connection source, a schema brought up to date by Flyway migrations, and
 * a Hibernate session factory that never creates the schema (the tests have it validate the schema at every start).
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
    public void measure(io.micrometer.core.instrument.MeterRegistry registry) {
        dataSource.setMetricRegistry(registry);
    }

    public static Database open(String url, String user, String password, List<Class<?>> entities) {
        long started = System.nanoTime();
        String kind = kindOf(url);
        // Made lazily: the pool starts on the first connection, so that Hibernate can be given it and boot at once,
        // on another thread, while the pool opens and Flyway migrates on this one. Hibernate never reads the
        // database while it boots (the kind of database is named), which is what lets the two overlap.
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(kind.equals("h2") ? durableH2(url) : url);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(kind.equals("h2") ? 8 : 16);
        // Connections beyond these few open when work needs them: an idle node holds 4 of the database's connections,
        // not 16, so more nodes fit under PostgreSQL's max_connections (100 by default).
        dataSource.setMinimumIdle(4);
        dataSource.setPoolName("colearn");
        dataSource.setConnectionTimeout(10_000);
        // A failed statement's error must not carry the row's values into exceptions and their logs: PostgreSQL's
        // driver quotes them in "Detail: Failing row contains (...)" and in a failed batch, H2 in its trace file.
        if (kind.equals("postgresql")) {
            dataSource.addDataSourceProperty("logServerErrorDetail", "false");
        } else {
            dataSource.addDataSourceProperty("TRACE_LEVEL_FILE", "0");
        }
        CompletableFuture<SessionFactory> orm = CompletableFuture.supplyAsync(() -> boot(dataSource, kind, entities), runnable -> {
            Thread thread = new Thread(runnable, "colearn-orm-start");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            try (Connection first = dataSource.getConnection()) {
                // Opens the pool: a database that cannot be reached says so here, in one line.
            } catch (SQLException | RuntimeException e) {
                throw new DatabaseUnavailableException("cannot open the database at " + redact(url) + ": " + rootMessage(e), e);
            }
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
            SessionFactory sessionFactory = orm.join();
            long booted = System.nanoTime();
            if (Boolean.getBoolean(VALIDATE_SCHEMA) && SCHEMAS_CHECKED.add(kind)) {
                try {
                    sessionFactory.getSchemaManager().validate();
                } catch (jakarta.persistence.SchemaValidationException e) {
                    throw new IllegalStateException("the schema does not match the entities: " + e.getMessage(), e);
                }
            }
            log.info(
                    "{} database ready: pool {} ms, migrations {} ms, ORM {} ms more, schema check {} ms",
                    kind,
                    (poolReady - started) / 1_000_000,
                    (migrated - poolReady) / 1_000_000,
                    Math.max(0, booted - migrated) / 1_000_000,
                    (System.nanoTime() - booted) / 1_000_000);
            return new Database(dataSource, sessionFactory, kind);
        } catch (RuntimeException e) {
            orm.thenAccept(SessionFactory::close);
            dataSource.close();
            if (e instanceof DatabaseUnavailableException unavailable) {
                throw unavailable;
            }
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw new DatabaseUnavailableException("cannot prepare the database at " + redact(url) + ": " + rootMessage(cause), cause);
        }
    }

    /**
     * Set (to {@code true}) where the schema Flyway made should be checked against the entities, as the tests do: the
     * check reads the whole schema's metadata (a second on PostgreSQL), which a production start need not pay for,
     * since Flyway owns the schema and the tests check every migration. It runs once per kind of database in a JVM:
     * every later schema of that kind comes from the same migrations.
     */
    public static final String VALIDATE_SCHEMA = "colearn.validate.schema";

    private static final Set<String> SCHEMAS_CHECKED = ConcurrentHashMap.newKeySet();

    /** Hibernate, booted without reading the database: the database is named, so no connection is needed yet. */
    private static SessionFactory boot(DataSource dataSource, String kind, List<Class<?>> entities) {
        return new HibernatePersistenceConfiguration("colearn")
                .managedClasses(entities)
                .validationMode(jakarta.persistence.ValidationMode.NONE)
                .property("hibernate.connection.datasource", dataSource)
                .property("hibernate.boot.allow_jdbc_metadata_access", false)
                .property("jakarta.persistence.database-product-name", kind.equals("h2") ? "H2" : "PostgreSQL")
                // The embedded H2 is the driver's own version; for PostgreSQL, the oldest server Colearn supports, so
                // that Hibernate writes no SQL a supported server lacks.
                .property("jakarta.persistence.database-major-version", String.valueOf(kind.equals("h2") ? org.h2.engine.Constants.VERSION_MAJOR : 14))
                .property("jakarta.persistence.database-minor-version", String.valueOf(kind.equals("h2") ? org.h2.engine.Constants.VERSION_MINOR : 0))
                .property("hibernate.hbm2ddl.auto", "none")
                .property("hibernate.jdbc.time_zone", "UTC")
                .property("hibernate.order_inserts", true)
                .property("hibernate.jdbc.batch_size", 50)
                .createEntityManagerFactory();
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
        return isReachable(dataSource);
    }

    /** True when a connection can be taken from {@code connections} and answers. */
    public static boolean isReachable(DataSource connections) {
        try (Connection connection = connections.getConnection()) {
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

    /**
     * {@code h2} or {@code postgresql}, from a JDBC URL.
     *
     * @throws DatabaseUnavailableException for any other database
     */
    public static String kindOf(String url) {
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
