package org.colearn.plugin.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The collaborative's catalogue of failure stories, as an activity may use it: stories people bring to a session,
 * and publishing a story told in the session with its teller's consent. The catalogue's rules hold here too:
 * visibility is never widened, stories for the collaborative or wider wait for a facilitator's approval, and an
 * anonymous story keeps no link to its teller. Calls read or write the database: make them in answer to a message,
 * never while making a view.
 *
 * @since 1
 */
public interface Stories {

    /**
     * The parts of a story, as the guided form asks for them. Strings are never null (empty when not given); tags
     * are lower case words.
     */
    record Text(String title, String topic, String changeIdea, String tried, String happened, String learned,
            String differently, List<String> tags) {}

    /**
     * A story of the catalogue as any reader in the session may see it.
     *
     * @param credit what readers see as its credit: a person's name, a site's team ("Ashford team"), or null when
     *     it is anonymous
     * @param faculty whether a facilitator told it to lead by example
     */
    record Story(String id, Text text, String credit, boolean faculty) {

        /** Whether it is credited to nobody. */
        public boolean anonymous() {
            return credit == null;
        }
    }

    /** How a published story is credited: its teller by name, the teller's site's team, or nobody. */
    enum Credit { PERSON, SITE, ANONYMOUS }

    /** The shortest edit key the catalogue accepts for an anonymous story: 32 base64url characters carry 192 bits. */
    int MIN_EDIT_KEY = 32;

    /** The longest edit key the catalogue accepts, so that a key an activity accepts always opens the story there. */
    int MAX_EDIT_KEY = 100;

    /**
     * The hash under which the catalogue keeps an edit key (SHA-256 of the key without surrounding blanks, as lower-case
     * hex): an activity that recognises a teller by their key keeps this hash, and so finds the same story the catalogue
     * does. A key carries enough random bits that its hash cannot be reversed by guessing.
     *
     * @since 1
     */
    static String editKeyHash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }

    /**
     * Who may read a published story: the teller's site and its buddy sites, this session's participants, the
     * collaborative, or every collaborative on the server.
     */
    enum Visibility { PAIR, SESSION, COLLABORATIVE, SERVER }

    /**
     * What the patient-data check found: the field ({@code "happened"}), the kind ({@code "nhs_number"},
     * {@code "date_of_birth"}, {@code "date"} (any other date, which may still be one), {@code "postcode"},
     * {@code "hospital_number"}) and a sentence for the teller. Never the flagged text itself.
     */
    record Finding(String field, String kind, String message) {}

    /**
     * The catalogue's form rules on this text, the same that its own pages apply: which parts are needed, how long each
     * may be, how many tags and what a tag is. Call it when a story is told, so that a story accepted then can be
     * published later. Reads nothing.
     *
     * @return the text as the catalogue keeps it: parts without surrounding blanks, tags lower case and each once
     * @throws ActivityException {@code invalid_story} naming a part that breaks a rule ({@code "title"}, ...,
     *     by the names of {@link Text}), or {@code invalid_tags} (field {@code "tags"}); the sentence names every part
     * @since 1
     */
    Text form(Text text) throws ActivityException;

    /** The patient-data check of the catalogue on this text: empty when nothing looks patient-identifying. */
    List<Finding> check(Text text);

    /**
     * A story of the catalogue that this person may bring to the session: one credited to them or to their site, or
     * an anonymous one whose edit key they give (null when they have none). A story that does not exist, is not
     * theirs, is withdrawn or hidden, or whose key is wrong gives the same empty answer, so ids cannot be probed.
     */
    Optional<Story> own(Participant teller, String storyId, String editKey);

    /**
     * A story that everyone in this session may already read (approved for this session, the collaborative or every
     * collaborative, and not hidden), for a facilitator to bring; empty otherwise.
     */
    Optional<Story> readable(String storyId);

    /**
     * Publishes a story told in the session to the catalogue, as its teller chose. A story credited to a person or a
     * site names its {@code teller}; an anonymous one passes a null teller and the {@code editKey} that only the
     * teller holds (at least 32 characters; stored only as a hash), with which they can later edit or withdraw it.
     *
     * @param confirmedNotIdentifying the teller has seen the findings of {@link #check} and confirms the text does not
     *     identify a patient; without it, any finding refuses the story
     * @return the new story's id
     * @throws ActivityException {@code patient_data_suspected}, {@code invalid_story} (a part missing or too long),
     *     {@code invalid_credit} (a site credit for someone without a site, a key too short)
     */
    String publish(Text text, Credit credit, Participant teller, String editKey, Visibility visibility,
            boolean confirmedNotIdentifying) throws ActivityException;
}
