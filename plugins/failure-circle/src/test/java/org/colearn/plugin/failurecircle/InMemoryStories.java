package org.colearn.plugin.failurecircle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.api.Stories;

/**
 * A catalogue kept in memory, keeping the rules of {@link Stories} that a circle relies on: its form rules are what a
 * test sets (the catalogue's own are tested against the circle with the server), the patient-data check
 * flags anything shaped like an NHS number, {@code own} answers only the teller (or the holder of the edit key), and
 * every publication is recorded so that a test can say what reached the catalogue.
 */
final class InMemoryStories implements Stories {

    /** One call of {@link #publish}, as the catalogue received it. */
    record Publication(Text text, Credit credit, Participant teller, String editKey, Visibility visibility, boolean confirmed) {}

    private static final Pattern NHS_NUMBER = Pattern.compile("\\b\\d{3} ?\\d{3} ?\\d{4}\\b");

    final List<Publication> published = new ArrayList<>();
    private final Map<String, Story> stories = new LinkedHashMap<>();
    private final Map<String, String> tellers = new HashMap<>();
    private final Map<String, String> editKeys = new HashMap<>();
    private final List<String> readable = new ArrayList<>();
    /** What the catalogue's form rules make of a text; by default they accept it as it is. */
    FormRules formRules = text -> text;

    /** The catalogue's form rules, as a test sets them. */
    interface FormRules {
        Text apply(Text text) throws ActivityException;
    }

    /** A story credited to this person, already in the catalogue. */
    String credited(Participant teller, String title) {
        String id = add(new Story("cat-" + (stories.size() + 1), text(title), teller.name(), teller.facilitator()));
        tellers.put(id, teller.personId());
        return id;
    }

    /** An anonymous story in the catalogue whose teller holds {@code editKey}. */
    String anonymous(String title, String editKey) {
        String id = add(new Story("cat-" + (stories.size() + 1), text(title), null, false));
        editKeys.put(id, editKey);
        return id;
    }

    /** A story everyone in the session may read. */
    String approved(String title, String credit) {
        String id = add(new Story("cat-" + (stories.size() + 1), text(title), credit, false));
        readable.add(id);
        return id;
    }

    private String add(Story story) {
        stories.put(story.id(), story);
        return story.id();
    }

    static Text text(String title) {
        return new Text(title, "Deterioration", "Early warning scores", "Paper charts", "Nobody looked at them",
                "Charts need an owner", "", List.of("nursing"));
    }

    @Override
    public Text form(Text text) throws ActivityException {
        return formRules.apply(text);
    }

    @Override
    public List<Finding> check(Text text) {
        List<Finding> findings = new ArrayList<>();
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("title", text.title());
        parts.put("tried", text.tried());
        parts.put("happened", text.happened());
        parts.put("learned", text.learned());
        parts.forEach((field, value) -> {
            if (NHS_NUMBER.matcher(value).find()) {
                findings.add(new Finding(field, "nhs_number", "This looks like an NHS number."));
            }
        });
        return findings;
    }

    @Override
    public Optional<Story> own(Participant teller, String storyId, String editKey) {
        Story story = stories.get(storyId);
        if (story == null) {
            return Optional.empty();
        }
        boolean theirs = story.anonymous() ? editKey != null && editKey.equals(editKeys.get(storyId))
                : teller.personId().equals(tellers.get(storyId));
        return theirs ? Optional.of(story) : Optional.empty();
    }

    @Override
    public Optional<Story> readable(String storyId) {
        return readable.contains(storyId) ? Optional.of(stories.get(storyId)) : Optional.empty();
    }

    @Override
    public String publish(Text text, Credit credit, Participant teller, String editKey, Visibility visibility,
            boolean confirmedNotIdentifying) throws ActivityException {
        if (!confirmedNotIdentifying && !check(text).isEmpty()) {
            throw new ActivityException("patient_data_suspected", "This may identify a patient.");
        }
        if (credit == Credit.ANONYMOUS ? teller != null || editKey == null || editKey.length() < 32 : teller == null) {
            throw new ActivityException("invalid_credit", "An anonymous story has a key and no teller; a credited one a teller.");
        }
        published.add(new Publication(text, credit, teller, editKey, visibility, confirmedNotIdentifying));
        String credited = switch (credit) {
            case PERSON -> teller.name();
            case SITE -> teller.site() + " team";
            case ANONYMOUS -> null;
        };
        return add(new Story("cat-" + (stories.size() + 1), text, credited, false));
    }
}
