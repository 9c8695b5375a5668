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

    @Test
    void csvCellsThatASpreadsheetWouldRunAsFormulasAreKeptAsText() {
        assertEquals("'=HYPERLINK(\"http://x.example\",\"Click\")", SpreadsheetText.cell("=HYPERLINK(\"http://x.example\",\"Click\")"));
        assertEquals("'+1+2", SpreadsheetText.cell("+1+2"));
        assertEquals("'-2+3", SpreadsheetText.cell("-2+3"));
        assertEquals("'@SUM(A1)", SpreadsheetText.cell("@SUM(A1)"));
        assertEquals("'\tcmd", SpreadsheetText.cell("\tcmd"));
        assertEquals("'\rcmd", SpreadsheetText.cell("\rcmd"));
    }

    @Test
    void csvCellsOfPlainTextAndNumbersAreWrittenAsTheyAre() {
        assertEquals("Handover at 8", SpreadsheetText.cell("Handover at 8"));
        assertEquals("-12", SpreadsheetText.cell("-12"));
        assertEquals("3.5", SpreadsheetText.cell("3.5"));
        assertEquals("", SpreadsheetText.cell(""));
        assertEquals("a = b", SpreadsheetText.cell("a = b"));
    }
}
