package org.colearn.plugin.failurecircle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.api.Stories;
import org.colearn.plugin.failurecircle.CircleState.Story;

/**
 * Recognises the teller of a story: the person named on a credited one, and for an anonymous one whoever holds the key
 * whose hash, as the catalogue makes it, the story keeps. A key has 256 random bits, so its hash cannot be reversed by guessing and ties the
 * story to no one.
 */
final class Tellers {

    private Tellers() {}

    /** The catalogue's hash of an edit key, so that the key a story is told with is the one that opens it there. */
    static String hash(String key) {
        return Stories.editKeyHash(key);
    }

    static boolean isTeller(Story story, Participant person, String key) {
        if (story.keyHash() != null) {
            // Compared in constant time, so that timing tells a guesser nothing.
            return key != null && key.length() <= Queue.MAX_KEY && MessageDigest.isEqual(
                    hash(key).getBytes(StandardCharsets.US_ASCII), story.keyHash().getBytes(StandardCharsets.US_ASCII));
        }
        return story.tellerId() != null && story.tellerId().equals(person.personId());
    }

    /** Refuses anyone but the teller, with one answer whether the key is wrong or the person is not the teller. */
    static void requireTeller(Story story, Participant person, String key) throws ActivityException {
        if (!isTeller(story, person, key)) {
            throw new ActivityException("not_teller", "Only the teller of this story can do that; for an anonymous story, "
                    + "use the browser (or the key) you told it with.");
        }
    }
}
