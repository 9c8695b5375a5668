package org.colearn.plugin.api;

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

    /** How a published story is credited. */
    enum Credit { PERSON, SITE, ANONYMOUS }

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
