package org.colearn.server.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings a server starts with, read from command-line flags first, then environment variables, then defaults.
 *
 * <p>Each setting has a flag ({@code --port=8080}) and an environment variable ({@code COLEARN_PORT}).
 */
public record Config(
        String host,
        int port,
        Path dataDir,
        Optional<String> dbUrl,
        String dbUser,
        String dbPassword,
        Path pluginsDir,
        Duration tokenLifetime,
        String publicUrl,
        String nodeUrl,
        Smtp smtp,
        MediaSettings media) {

    public static final int DEFAULT_PORT = 8080;

    /** Settings with no media server and no ICE servers: people talk peer to peer. */
    public Config(String host, int port, Path dataDir, Optional<String> dbUrl, String dbUser, String dbPassword, Path pluginsDir,
            Duration tokenLifetime, String publicUrl, String nodeUrl, Smtp smtp) {
        this(host, port, dataDir, dbUrl, dbUser, dbPassword, pluginsDir, tokenLifetime, publicUrl, nodeUrl, smtp, MediaSettings.NONE);
    }

    public Config {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
    }

    /**
     * The address other nodes reach this one at, when several share one PostgreSQL: the configured one, or this
     * machine's loopback and port (enough for nodes on one machine).
     */
    public String effectiveNodeUrl(int boundPort) {
        return nodeUrl.isBlank() ? "http://127.0.0.1:" + boundPort : nodeUrl;
    }

    /** The JDBC URL to use: the configured one, or an H2 file database in the data directory. */
    public String effectiveDbUrl() {
        return dbUrl.orElseGet(() -> "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("colearn") + ";AUTO_SERVER=FALSE");
    }

    public Config withPort(int newPort) {
        return new Config(host, newPort, dataDir, dbUrl, dbUser, dbPassword, pluginsDir, tokenLifetime, publicUrl, nodeUrl, smtp, media);
    }

    public Config withMedia(MediaSettings newMedia) {
        return new Config(host, port, dataDir, dbUrl, dbUser, dbPassword, pluginsDir, tokenLifetime, publicUrl, nodeUrl, smtp, newMedia);
    }

    /** Reads flags of the form {@code --name=value} or {@code --name value}, falling back to the environment. */
    public static Config from(String[] args, Map<String, String> env) {
        Map<String, String> flags = parseFlags(args);
        Function<String, Optional<String>> setting = name -> {
            String flag = flags.get(name);
            if (flag != null) {
                return Optional.of(flag);
            }
            String envName = "COLEARN_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
            return Optional.ofNullable(env.get(envName)).filter(value -> !value.isBlank());
        };
        for (String name : flags.keySet()) {
            if (!KNOWN.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known options: " + KNOWN.keySet());
            }
        }
        Path dataDir = Path.of(setting.apply("data-dir").orElse("data"));
        int port = setting.apply("port").map(value -> parseInt("port", value)).orElse(DEFAULT_PORT);
        return new Config(
                setting.apply("host").orElse("0.0.0.0"),
                port,
                dataDir,
                setting.apply("db-url"),
                setting.apply("db-user").orElse(""),
                setting.apply("db-password").orElse(""),
                Path.of(setting.apply("plugins-dir").orElse(dataDir.resolve("plugins").toString())),
                Duration.ofHours(setting.apply("token-hours").map(v -> parseInt("token-hours", v)).orElse(24 * 30)),
                setting.apply("public-url").orElse(""),
                setting.apply("node-url").orElse(""),
                Smtp.from(setting),
                MediaSettings.from(setting));
    }

    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("host", "address to listen on"),
            Map.entry("port", "HTTP port"),
            Map.entry("data-dir", "directory for the embedded database"),
            Map.entry("db-url", "JDBC URL"),
            Map.entry("db-user", "database user"),
            Map.entry("db-password", "database password"),
            Map.entry("plugins-dir", "directory of plugin jars"),
            Map.entry("token-hours", "lifetime of a login token in hours"),
            Map.entry("public-url", "the address people use to reach the server, for invitation links"),
            Map.entry("node-url", "the address other nodes of a cluster reach this one at"),
            Map.entry("smtp-host", "the mail server that sends links proving addresses"),
            Map.entry("smtp-port", "the mail server's port"),
            Map.entry("smtp-user", "the mail server's user"),
            Map.entry("smtp-password", "the mail server's password"),
            Map.entry("smtp-from", "the address Colearn's emails come from"),
            Map.entry("smtp-security", "none, starttls or tls"),
            Map.entry("media-url", "Janus servers carrying voice and video, separated by commas"),
            Map.entry("media-public-url", "the same Janus servers as browsers reach them"),
            Map.entry("media-admin-key", "the Janus VideoRoom admin_key"),
            Map.entry("ice-servers", "STUN and TURN servers for browsers, separated by commas"),
            Map.entry("turn-secret", "coturn's static-auth-secret, for short-lived TURN credentials"),
            Map.entry("turn-hours", "how long TURN credentials last"),
            Map.entry("javascript-dir", "where janus.js and webrtc-adapter are installed"));

    private static Map<String, String> parseFlags(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; options look like --port=8080");
            }
            String body = arg.substring(2);
            int eq = body.indexOf('=');
            if (eq >= 0) {
                flags.put(body.substring(0, eq), body.substring(eq + 1));
            } else if (i + 1 < args.length) {
                flags.put(body, args[++i]);
            } else {
                throw new IllegalArgumentException("option --" + body + " needs a value");
            }
        }
        return flags;
    }

    static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }
}
