package org.colearn.server.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CheckedTextFactoryTest {

    @Test
    void aControlCharacterIsNamedByTheJsonPathOfItsField() {
        ControlCharacterException nested = assertThrows(ControlCharacterException.class,
                () -> Json.INPUT.readTree("{\"body\":{\"notes\":[\"fine\",{\"text\":\"bad\\u0000\"}]}}"));
        assertEquals("body.notes[1].text", nested.field());
        ControlCharacterException top = assertThrows(ControlCharacterException.class, () -> Json.INPUT.readTree("\"\\u001b[31m\""));
        assertEquals("", top.field());
    }

    @Test
    void aFieldNameWithAControlCharacterIsRefusedWithoutRepeatingIt() {
        ControlCharacterException e = assertThrows(ControlCharacterException.class,
                () -> Json.INPUT.readTree("{\"site\":{\"na\\u0000me\":\"Ashford\"}}"));
        assertEquals("site.?", e.field());
    }

    @Test
    void tabsLineBreaksAndOrdinaryTextAreReadAsTheyAre() throws Exception {
        assertEquals("a\tb\r\nc é ✓", Json.INPUT.readTree("{\"t\":\"a\\tb\\r\\nc é ✓\"}").path("t").asText());
    }

    @Test
    void aCopyOfTheInputMapperStillRefusesControlCharacters() {
        ObjectMapper copy = Json.INPUT.copy();
        assertThrows(ControlCharacterException.class, () -> copy.readTree("[\"\\u0085\"]"));
    }

    @Test
    void whatTheServerStoredItselfIsStillReadable() throws Exception {
        assertEquals("old\u0007", Json.MAPPER.readTree("\"old\\u0007\"").asText());
    }
}
