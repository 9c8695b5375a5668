package org.colearn.plugin.failurecircle;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.colearn.plugin.api.Stories;

/**
 * Everything a circle knows, as the server stores (and logs) it after every change. An anonymous story keeps no trace
 * of its teller here: no person id, name or site, no time it came in, only the SHA-256 of the teller's key.
 *
 * @param stories every story in the order it came in, in every circle
 * @param notes every "what I will take back" note, in the order written
 * @param circles the ids of the breakout rooms that have had a circle, in the order they got one ("plenary" is not
 *     listed: it always exists)
 * @param storytellers the person each circle chose to share its stories, by circle id
 * @param nextNote the number of the next note
 */
public record CircleState(List<Story> stories, List<Note> notes, List<String> circles, Map<String, String> storytellers,
        int nextNote) {

    /**
     * One story in a circle.
     *
     * @param id the story's id in the activity: the teller's {@code ref} for a story submitted or brought, the catalogue
     *     id for one a facilitator offered
     * @param circle the circle it was told in: {@code plenary} or a room id
     * @param origin {@code submitted} here, {@code brought} from the catalogue by its teller, or {@code offered} from
     *     the catalogue by a facilitator
     * @param credit for a submitted story, how its teller wants it credited: {@code person}, {@code site} or
     *     {@code anonymous}; null for a catalogue story
     * @param creditLabel what people see as its credit: a name, "Ashford team", or null for nobody
     * @param faculty whether a facilitator told it under their name
     * @param tellerId the teller of a credited story; null for an anonymous one and for one a facilitator offered
     * @param keyHash the SHA-256 (hex) of the key of an anonymous story's teller; null otherwise
     * @param status {@code queued}, {@code current} (being told now), {@code shared}, or {@code withdrawn} (its text
     *     is then gone)
     * @param endsAt when the current story's time is up; null before it is shared
     * @param timeUp whether that time has passed
     * @param consent for a submitted story: {@code open} until its teller decides, then {@code published} or
     *     {@code kept}; null for a catalogue story
     * @param catalogueId the story's id in the catalogue, once it is there; never kept for an anonymous story
     * @param reactions who gave which reaction, by kind
     * @param visibility who its teller let read it in the catalogue ({@code pair}, {@code session}, {@code collaborative},
     *     {@code server}), once published; null otherwise
     */
    public record Story(String id, String circle, String origin, Stories.Text text, String credit, String creditLabel,
            boolean faculty, String tellerId, String keyHash, String status, Instant endsAt, boolean timeUp, String consent,
            String catalogueId, Map<String, List<String>> reactions, String visibility) {

        boolean told() {
            return status.equals(Circle.CURRENT) || status.equals(Circle.SHARED);
        }

        boolean anonymous() {
            return creditLabel == null;
        }

        Story withStatus(String newStatus, Instant newEndsAt, boolean newTimeUp) {
            return new Story(id, circle, origin, text, credit, creditLabel, faculty, tellerId, keyHash, newStatus, newEndsAt,
                    newTimeUp, consent, catalogueId, reactions, visibility);
        }

        Story withConsent(String newConsent, String newCatalogueId, String newVisibility) {
            return new Story(id, circle, origin, text, credit, creditLabel, faculty, tellerId, keyHash, status, endsAt,
                    timeUp, newConsent, newCatalogueId, reactions, newVisibility);
        }

        Story withReactions(Map<String, List<String>> newReactions) {
            return new Story(id, circle, origin, text, credit, creditLabel, faculty, tellerId, keyHash, status, endsAt,
                    timeUp, consent, catalogueId, newReactions, visibility);
        }

        /** Taken back before it was told: nothing of its text is kept. */
        Story withdrawn() {
            return new Story(id, circle, origin, StoryForm.EMPTY, credit, null, false, tellerId, keyHash, Circle.WITHDRAWN,
                    null, false, null, null, Map.of(), null);
        }
    }

    /** A "what I will take back" note on a story; its writer alone may delete it, and no view names them. */
    public record Note(String id, String storyId, String writerId, String text) {}
}
