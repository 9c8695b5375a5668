package org.colearn.server.session;

import java.util.regex.Pattern;

/**
 * Keeps a CSV cell text when a spreadsheet opens the file: a cell that begins with {@code = + - @}, a tab or a carriage
 * return would be read as a formula ({@code =HYPERLINK(...)} in a participant's note), so it gets a leading
 * apostrophe, as OWASP's advice on CSV injection says. Plain numbers, negative ones included, stay numbers.
 */
public final class SpreadsheetText {

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private SpreadsheetText() {}

    public static String cell(String text) {
        if (text.isEmpty() || NUMBER.matcher(text).matches()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
