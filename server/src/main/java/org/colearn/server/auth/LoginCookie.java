package org.colearn.server.auth;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The browser's login: a cookie scripts cannot read ({@code HttpOnly}), sent only to this site ({@code SameSite=Lax}),
 * and only over HTTPS when the server is reached over HTTPS. Also the rule that tells a request from this site's own
 * pages from one another site made a browser send with the cookie.
 */
public final class LoginCookie {

    public static final String NAME = "colearn_login";
    /** The header the web app's fetch wrapper sends on every call; a form or image on another site cannot. */
    public static final String PAGE_HEADER = "X-Colearn-Request";

    private LoginCookie() {}

    /**
     * The {@code Set-Cookie} value holding {@code token} until {@code expiresAt}. {@code secure} when the request came
     * over HTTPS: directly, through a proxy saying so ({@code X-Forwarded-Proto}), or to a server whose public address
     * is HTTPS. A forged forwarded header can only make the forger's own cookie stricter.
     */
    static String issue(String token, Instant expiresAt, Instant now, boolean secure) {
        long seconds = Math.max(0, Duration.between(now, expiresAt).getSeconds());
        return NAME + "=" + token + "; Max-Age=" + seconds + "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} value that makes the browser forget the login. */
    static String clear(boolean secure) {
        return NAME + "=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    static boolean secure(boolean direct, String forwardedProto, String publicUrl) {
        return direct
                || (forwardedProto != null && forwardedProto.strip().toLowerCase(Locale.ROOT).startsWith("https"))
                || publicUrl.toLowerCase(Locale.ROOT).startsWith("https:");
    }

    /** The login token of a {@code Cookie} header, or null when it carries none. */
    public static String token(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String pair : cookieHeader.split(";")) {
            String trimmed = pair.strip();
            if (trimmed.startsWith(NAME + "=")) {
                String value = trimmed.substring(NAME.length() + 1).strip();
                return value.isEmpty() || value.length() > 100 ? null : value;
            }
        }
        return null;
    }

    /**
     * Whether a browser's {@code Origin} is this site's own: the origin of the configured public address, or the
     * address the request was sent to ({@code Host}, which a page on another site cannot set). The scheme is not
     * compared with the Host, since a proxy in front may end HTTPS.
     */
    public static boolean sameSite(String origin, String host, String publicUrl) {
        if (origin == null || origin.isBlank() || "null".equals(origin)) {
            return false;
        }
        URI uri;
        try {
            uri = URI.create(origin.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            return false;
        }
        if (!publicUrl.isBlank() && origin(uri).equals(origin(URI.create(publicUrl.strip())))) {
            return true;
        }
        return host != null && authority(uri).equalsIgnoreCase(host.strip());
    }

    private static String origin(URI uri) {
        return (uri.getScheme() + "://" + authority(uri)).toLowerCase(Locale.ROOT);
    }

    private static String authority(URI uri) {
        int port = uri.getPort();
        boolean standard = port == -1
                || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80)
                || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443);
        return standard ? uri.getHost() : uri.getHost() + ":" + port;
    }
}
