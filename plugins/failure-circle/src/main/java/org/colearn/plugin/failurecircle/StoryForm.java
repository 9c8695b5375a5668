package org.colearn.plugin.failurecircle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Stories;

/**
 * The rules of the guided story form: which parts are needed, how long each may be, what a tag is. They are the
 * catalogue's, so that a story told here can always be published: it needs the title, topic, change idea and what we
 * tried, what happened and what we learned.
 */
final class StoryForm {

    static final Stories.Text EMPTY = new Stories.Text("", "", "", "", "", "", "", List.of());
    static final int MAX_SHORT = 200;
    static final int MAX_LONG = 4000;
    static final int MAX_TAGS = 10;
    private static final Pattern TAG = Pattern.compile("[\\p{Ll}\\p{N}][\\p{Ll}\\p{N}'-]{0,39}");

    private StoryForm() {}

    /** The story's parts, trimmed, or the first rule it breaks, naming the field. */
    static Stories.Text read(CircleMessages.Submit submit) throws ActivityException {
        return new Stories.Text(
                part("title", submit.title(), MAX_SHORT, true),
                part("topic", submit.topic(), MAX_SHORT, true),
                part("changeIdea", submit.changeIdea(), MAX_SHORT, true),
                part("tried", submit.tried(), MAX_LONG, true),
                part("happened", submit.happened(), MAX_LONG, true),
                part("learned", submit.learned(), MAX_LONG, true),
                part("differently", submit.differently(), MAX_LONG, false),
                tags(submit.tags()));
    }

    private static String part(String field, String value, int max, boolean required) throws ActivityException {
        String text = value == null ? "" : value.strip();
        if (required && text.isEmpty()) {
            throw new ActivityException("invalid_story", field, "Fill in " + words(field) + ".");
        }
        if (text.length() > max) {
            throw new ActivityException("invalid_story", field, "Keep " + words(field) + " to " + max + " characters.");
        }
        return text;
    }

    /** Tags as they are kept: trimmed, lower case, each once. */
    private static List<String> tags(List<String> given) throws ActivityException {
        List<String> tags = new ArrayList<>();
        for (String tag : given == null ? List.<String>of() : given) {
            String word = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
            if (!TAG.matcher(word).matches()) {
                throw new ActivityException("invalid_tags", "tags", "A tag is one word of up to 40 letters, digits or hyphens.");
            }
            if (!tags.contains(word)) {
                tags.add(word);
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw new ActivityException("invalid_tags", "tags", "Give at most " + MAX_TAGS + " tags.");
        }
        return List.copyOf(tags);
    }

    /**
     * Refuses a story the catalogue's check finds may identify a patient, unless the teller confirmed it does not. The
     * refusal names each field and kind, never the text.
     */
    static void checkPatientData(Stories stories, Stories.Text text, boolean confirmed) throws ActivityException {
        List<Stories.Finding> findings = stories.check(text);
        if (findings.isEmpty() || confirmed) {
            return;
        }
        String where = findings.stream().map(finding -> words(finding.field()) + " (" + finding.kind().replace('_', ' ') + ")")
                .distinct().collect(Collectors.joining(", "));
        throw new ActivityException("patient_data_suspected", findings.get(0).field(),
                "This may identify a patient: " + where + ". Change it, or confirm that it identifies no one and send it again.");
    }

    /** A part of the form as the form names it. */
    static String words(String field) {
        return switch (field) {
            case "title" -> "the title";
            case "topic" -> "the topic";
            case "changeIdea" -> "the change idea";
            case "tried" -> "what we tried";
            case "happened" -> "what happened";
            case "learned" -> "what we learned";
            case "differently" -> "what we would do differently";
            case "tags" -> "the tags";
            default -> field;
        };
    }
}
