package org.colearn.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SessionResultsTest {

    @Test
    void downloadNamesKeepAccentedLettersWithoutTheirAccents() {
        assertEquals("world-cafe-harvest", SessionResults.fileName("World café harvest"));
        assertEquals("reunion-a-sao-paulo-naive", SessionResults.fileName("Réunion à São Paulo: naïve?"));
    }

    @Test
    void downloadNamesAreLowerCaseWordsJoinedByHyphens() {
        assertEquals("poll-which-change-first", SessionResults.fileName("Poll: Which change first?"));
        assertEquals("result", SessionResults.fileName("¿¡!"));
    }
}
