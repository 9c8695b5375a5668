package org.colearn.server.system;

/**
 * The one rule for characters in text a client sends: tab, line feed and carriage return are text, every other
 * control character (NUL, the rest of C0, DEL and C1) is refused, because no person types them and PostgreSQL cannot
 * store NUL at all.
 */
public final class ControlCharacters {

    private ControlCharacters() {}

    /** The index of the first control character in {@code text} that text may not hold, or -1 when there is none. */
    public static int find(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (forbidden(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** How a person would name the character, such as {@code U+0000}. */
    public static String name(char c) {
        return String.format("U+%04X", (int) c);
    }

    /** The sentence a field error carries: what is wrong, never the text itself. */
    public static String problem(char c) {
        return "contains the control character " + name(c) + "; text may hold tabs and line breaks but no other control characters";
    }

    private static boolean forbidden(char c) {
        return c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7F && c <= 0x9F;
    }
}
