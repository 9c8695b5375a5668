package org.colearn.server.system;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The mail server Colearn sends its emails through (links that prove an address); with no host, no mail is sent
 * and facilitators confirm people by hand.
 */
public record Smtp(String host, int port, String user, String password, String from, Security security) {

    /** How the connection to the mail server is protected. */
    public enum Security {
        /** Plain SMTP (a relay on the same machine or network, or a test server). */
        NONE,
        /** Upgrade to TLS with STARTTLS, and refuse to send without it. */
        STARTTLS,
        /** TLS from the first byte (SMTPS). */
        TLS
    }

    public static final Smtp NONE = new Smtp("", 0, "", "", "", Security.STARTTLS);

    public boolean configured() {
        return !host.isBlank();
    }

    static Smtp from(Function<String, Optional<String>> setting) {
        Optional<String> host = setting.apply("smtp-host");
        if (host.isEmpty()) {
            return NONE;
        }
        Security security = setting.apply("smtp-security")
                .map(value -> parseSecurity(value))
                .orElse(Security.STARTTLS);
        int defaultPort = switch (security) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case TLS -> 465;
        };
        String user = setting.apply("smtp-user").orElse("");
        String from = setting.apply("smtp-from").orElse(user.contains("@") ? user : "");
        if (from.isBlank()) {
            throw new IllegalArgumentException("smtp-from must name the address Colearn's emails come from");
        }
        return new Smtp(
                host.get(),
                setting.apply("smtp-port").map(value -> Config.parseInt("smtp-port", value)).orElse(defaultPort),
                user,
                setting.apply("smtp-password").orElse(""),
                from,
                security);
    }

    private static Security parseSecurity(String value) {
        try {
            return Security.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("smtp-security must be none, starttls or tls, got '" + value + "'");
        }
    }

    @Override
    public String toString() {
        // Never print the password, whoever logs the configuration.
        return "Smtp[" + host + ":" + port + ", " + security + ", from " + from + "]";
    }
}
