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
    static final int MIN_LENGTH = org.colearn.plugin.api.Stories.MIN_EDIT_KEY;
    static final int MAX_LENGTH = org.colearn.plugin.api.Stories.MAX_EDIT_KEY;

    private EditKeys() {}

    static String create() {
        return Tokens.random(32);
    }

    /** The one hashing of edit keys, which activities that recognise a teller by their key share. */
    static String hash(String key) {
        return org.colearn.plugin.api.Stories.editKeyHash(key);
    }

    /** Whether a key has a length the catalogue accepts: {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters. */
    static boolean fits(String key) {
        return key != null && key.strip().length() >= MIN_LENGTH && key.length() <= MAX_LENGTH;
    }

    /** Compares in constant time, so that timing tells a guesser nothing. */
    static boolean matches(String key, String storedHash) {
        if (!fits(key) || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(
                hash(key).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
