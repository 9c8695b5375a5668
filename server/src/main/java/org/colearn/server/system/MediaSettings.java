package org.colearn.server.system;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where voice and video go: the Janus servers that carry rooms' media (none: people talk peer to peer in rooms of up
 * to 8), the ICE servers browsers use to get through NAT, and the coturn shared secret that Colearn turns into
 * short-lived TURN credentials.
 *
 * @param janus the Janus HTTP API addresses ({@code http://janus:8088/janus}) this server reaches
 * @param janusPublic the same Janus servers, in the same order, as browsers reach them (the same addresses unless set)
 * @param adminKey the VideoRoom plugin's {@code admin_key}, without which nobody may create rooms; empty when not set
 * @param iceServers STUN and TURN addresses ({@code stun:host:3478}, {@code turn:host:3478?transport=udp})
 * @param turnSecret coturn's {@code static-auth-secret}; empty for none
 * @param turnLifetime how long TURN credentials handed out in the welcome last
 * @param javascriptDir where the browser libraries for media are installed ({@code janus-gateway/janus.js} and
 *     {@code webrtc-adapter/adapter.js}, as Debian's {@code libjs-janus-gateway} and {@code libjs-webrtc-adapter} put them)
 */
public record MediaSettings(List<URI> janus, List<String> janusPublic, String adminKey, List<String> iceServers, String turnSecret, Duration turnLifetime,
        java.nio.file.Path javascriptDir) {

    public static final java.nio.file.Path DEBIAN_JAVASCRIPT = java.nio.file.Path.of("/usr/share/javascript");

    public static final MediaSettings NONE = new MediaSettings(List.of(), List.of(), "", List.of(), "", Duration.ofHours(12), DEBIAN_JAVASCRIPT);

    public MediaSettings {
        janus = List.copyOf(janus);
        janusPublic = janusPublic.isEmpty() ? janus.stream().map(URI::toString).toList() : List.copyOf(janusPublic);
        if (janusPublic.size() != janus.size()) {
            throw new IllegalArgumentException("media-public-url must name as many addresses as media-url, in the same order");
        }
        iceServers = List.copyOf(iceServers);
    }

    /** Janus servers as this server reaches them, with no other addresses for browsers. */
    public MediaSettings(List<URI> janus, String adminKey, List<String> iceServers, String turnSecret, Duration turnLifetime) {
        this(janus, List.of(), adminKey, iceServers, turnSecret, turnLifetime, DEBIAN_JAVASCRIPT);
    }

    /** The origins of the media servers browsers reach at absolute addresses, for the pages' connect-src. */
    public List<String> browserOrigins() {
        return janusPublic.stream()
                .map(URI::create)
                .filter(uri -> uri.getScheme() != null && uri.getHost() != null)
                .map(uri -> uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()))
                .distinct()
                .toList();
    }

    public boolean mediaServer() {
        return !janus.isEmpty();
    }

    static MediaSettings from(Function<String, Optional<String>> setting) {
        List<URI> janus = list(setting.apply("media-url")).stream().map(MediaSettings::janusUrl).toList();
        List<String> ice = list(setting.apply("ice-servers"));
        for (String server : ice) {
            if (!server.matches("(stun|stuns|turn|turns):\\S+")) {
                throw new IllegalArgumentException("ice-servers must be stun:, stuns:, turn: or turns: addresses separated by commas, got '" + server + "'");
            }
        }
        return new MediaSettings(
                janus,
                list(setting.apply("media-public-url")),
                setting.apply("media-admin-key").orElse(""),
                ice,
                setting.apply("turn-secret").orElse(""),
                Duration.ofHours(setting.apply("turn-hours").map(value -> Config.parseInt("turn-hours", value)).orElse(12)),
                setting.apply("javascript-dir").map(java.nio.file.Path::of).orElse(DEBIAN_JAVASCRIPT));
    }

    private static List<String> list(Optional<String> value) {
        return value.map(text -> Arrays.stream(text.split(",")).map(String::strip).filter(part -> !part.isEmpty()).toList())
                .orElse(List.of());
    }

    private static URI janusUrl(String text) {
        try {
            URI uri = URI.create(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // Said below.
        }
        throw new IllegalArgumentException("media-url must be Janus HTTP API addresses separated by commas, such as http://127.0.0.1:8088/janus, got '" + text + "'");
    }

    @Override
    public String toString() {
        // Never print the secrets, whoever logs the configuration.
        return "MediaSettings[janus " + janus + ", browsers " + janusPublic + ", ice " + iceServers + ", turn secret "
                + (turnSecret.isEmpty() ? "none" : "set") + ", libraries " + javascriptDir + "]";
    }
}
