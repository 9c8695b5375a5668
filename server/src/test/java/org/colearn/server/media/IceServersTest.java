package org.colearn.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.colearn.server.system.MediaSettings;
import org.junit.jupiter.api.Test;

class IceServersTest {

    static final UUID PERSON = UUID.fromString("5778363d-c5b4-493b-8046-7cf9ec9e2fc0");

    @Test
    void turnCredentialsAreCoturnsSharedSecretKindExpiringAfterTheConfiguredHours() {
        MediaSettings settings = new MediaSettings(List.of(URI.create("http://127.0.0.1:8088/janus")), "",
                List.of("stun:turn.example.org:3478", "turn:turn.example.org:3478?transport=udp"), "north-sea-secret", Duration.ofHours(12));
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1765200000).minus(Duration.ofHours(12)), ZoneOffset.UTC);
        JsonNode servers = new IceServers(settings, clock).forPerson(PERSON);
        assertEquals("stun:turn.example.org:3478", servers.get(0).path("urls").get(0).asText());
        JsonNode turn = servers.get(1);
        assertEquals("1765200000:" + PERSON, turn.path("username").asText());
        // base64(HMAC-SHA1("north-sea-secret", username)), as coturn's use-auth-secret computes it
        assertEquals("nyNDLaiEko3Pouz159PhYDz8+ag=", turn.path("credential").asText());
    }
}
