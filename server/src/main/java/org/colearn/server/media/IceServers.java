package org.colearn.server.media;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.colearn.server.system.Json;
import org.colearn.server.system.MediaSettings;

/**
 * The ICE servers a browser is given: the STUN servers as configured, and the TURN servers with credentials of its
 * own that expire, made from coturn's shared secret the way coturn's {@code use-auth-secret} checks them (the user
 * name is the expiry time and the person, the password its HMAC-SHA1 under the secret).
 */
final class IceServers {

    private final MediaSettings settings;
    private final Clock clock;

    IceServers(MediaSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    ArrayNode forPerson(UUID personId) {
        ArrayNode servers = Json.MAPPER.createArrayNode();
        List<String> stun = settings.iceServers().stream().filter(url -> url.startsWith("stun")).toList();
        List<String> turn = settings.iceServers().stream().filter(url -> url.startsWith("turn")).toList();
        if (!stun.isEmpty()) {
            ArrayNode urls = servers.addObject().putArray("urls");
            stun.forEach(urls::add);
        }
        if (!turn.isEmpty()) {
            ObjectNode server = servers.addObject();
            ArrayNode urls = server.putArray("urls");
            turn.forEach(urls::add);
            if (!settings.turnSecret().isEmpty()) {
                long expires = clock.instant().plus(settings.turnLifetime()).getEpochSecond();
                String user = expires + ":" + personId;
                server.put("username", user);
                server.put("credential", hmac(settings.turnSecret(), user));
            }
        }
        return servers;
    }

    static String hmac(String secret, String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(user.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this Java runtime", e);
        }
    }
}
