package org.colearn.plugin.failurecircle;

import java.util.List;
import java.util.stream.Collectors;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Stories;

/**
 * The guided story form: its rules (which parts are needed, how long each may be, what a tag is) are the catalogue's,
 * asked of it through {@link Stories#form}, so that a story told here can always be published and one change to them
 * changes both.
 */
final class StoryForm {

    static final Stories.Text EMPTY = new Stories.Text("", "", "", "", "", "", "", List.of());

    private StoryForm() {}

    /** The story's parts as the catalogue keeps them, or the first of the catalogue's rules it breaks, naming the field. */
    static Stories.Text read(Stories stories, CircleMessages.Submit submit) throws ActivityException {
        return stories.form(new Stories.Text(submit.title(), submit.topic(), submit.changeIdea(), submit.tried(),
                submit.happened(), submit.learned(), submit.differently() == null ? "" : submit.differently(),
                submit.tags() == null ? List.of() : submit.tags()));
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
        List<String> fields = findings.stream().map(Stories.Finding::field).distinct().toList();
        throw ActivityException.aboutFields("patient_data_suspected", fields,
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
