package org.colearn.server.stories;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.colearn.server.auth.Tokens;

/**
 * The private keys that let the author of an anonymous story or comment edit or withdraw it. A key carries 256 random
 * bits, is shown once and stored only as its SHA-256 hash: with that much entropy a plain hash cannot be reversed
 * by guessing, and the hash ties the story to no one.
 */
final class EditKeys {

    static final String HEADER = "X-Edit-Key";

    private EditKeys() {}

    static String create() {
        return Tokens.random(32);
    }

    static String hash(String key) {
        return Tokens.hash(key);
    }

    /** Compares in constant time, so that timing tells a guesser nothing. */
    static boolean matches(String key, String storedHash) {
        if (key == null || key.isBlank() || storedHash == null || key.length() > 100) {
            return false;
        }
        return MessageDigest.isEqual(
                hash(key.strip()).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
