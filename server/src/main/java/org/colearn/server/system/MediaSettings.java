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
 * @param janus the Janus HTTP API addresses ({@code http://janus:8088/janus}), reached by this server and by browsers
 * @param adminKey the VideoRoom plugin's {@code admin_key}, without which nobody may create rooms; empty when not set
 * @param iceServers STUN and TURN addresses ({@code stun:host:3478}, {@code turn:host:3478?transport=udp})
 * @param turnSecret coturn's {@code static-auth-secret}; empty for none
 * @param turnLifetime how long TURN credentials handed out in the welcome last
 */
public record MediaSettings(List<URI> janus, String adminKey, List<String> iceServers, String turnSecret, Duration turnLifetime) {

    public static final MediaSettings NONE = new MediaSettings(List.of(), "", List.of(), "", Duration.ofHours(12));

    public MediaSettings {
        janus = List.copyOf(janus);
        iceServers = List.copyOf(iceServers);
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
                setting.apply("media-admin-key").orElse(""),
                ice,
                setting.apply("turn-secret").orElse(""),
                Duration.ofHours(setting.apply("turn-hours").map(value -> Config.parseInt("turn-hours", value)).orElse(12)));
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
}
