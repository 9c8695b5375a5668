package org.colearn.server.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MediaSettingsTest {

    @Test
    void withoutAMediaUrlRoomsTalkPeerToPeer() {
        assertFalse(Config.from(new String[0], Map.of()).media().mediaServer());
    }

    @Test
    void severalJanusServersAreReadInOrderWithTheAddressesBrowsersUse() {
        MediaSettings media = Config.from(new String[0], Map.of(
                "COLEARN_MEDIA_URL", "http://janus1:8088/janus, http://janus2:8088/janus",
                "COLEARN_MEDIA_PUBLIC_URL", "https://media.example.org/janus1,https://media.example.org/janus2",
                "COLEARN_TURN_SECRET", "north-sea-secret",
                "COLEARN_MEDIA_ADMIN_KEY", "room-maker")).media();
        assertEquals(List.of(URI.create("http://janus1:8088/janus"), URI.create("http://janus2:8088/janus")), media.janus());
        assertEquals(List.of("https://media.example.org"), media.browserOrigins());
        assertFalse(media.toString().contains("north-sea-secret") || media.toString().contains("room-maker"), media::toString);
    }

    @Test
    void aMediaUrlThatIsNotHttpIsRefusedWithWhatItShouldLookLike() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Config.from(new String[] {"--media-url=janus.example.org:8088"}, Map.of()));
        assertTrue(refused.getMessage().contains("such as http://127.0.0.1:8088/janus"), refused.getMessage());
    }

    @Test
    void iceServersMustBeStunOrTurnAddresses() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Config.from(new String[] {"--ice-servers=turn.example.org:3478"}, Map.of()));
        assertTrue(refused.getMessage().startsWith("ice-servers must be stun:, stuns:, turn: or turns: addresses"), refused.getMessage());
    }

    @Test
    void publicAddressesMustMatchTheMediaServersOneForOne() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Config.from(new String[0], Map.of(
                "COLEARN_MEDIA_URL", "http://janus1:8088/janus,http://janus2:8088/janus",
                "COLEARN_MEDIA_PUBLIC_URL", "/janus")));
        assertTrue(refused.getMessage().contains("as many addresses as media-url"), refused.getMessage());
    }
}
