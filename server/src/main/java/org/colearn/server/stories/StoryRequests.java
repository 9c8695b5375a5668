package org.colearn.server.stories;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.colearn.plugin.api.Stories.Credit;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.SingleLine;
import org.colearn.server.system.Validation;

/** The request bodies of the story endpoints, with their rules. */
final class StoryRequests {

    private StoryRequests() {}

    /** The text of a story, the same when it is posted and when it is edited. */
    interface Content {
        String title();

        String topic();

        String changeIdea();

        String whatWeTried();

        String whatHappened();

        String whatWeLearned();

        String whatWeWouldDoDifferently();

        List<String> tags();

        Boolean confirmNotIdentifying();

        /** The free-text fields by their JSON names, for the patient-data check. */
        default Map<String, String> texts() {
            Map<String, String> texts = new LinkedHashMap<>();
            texts.put("title", title());
            texts.put("topic", topic());
            texts.put("changeIdea", changeIdea());
            texts.put("whatWeTried", whatWeTried());
            texts.put("whatHappened", whatHappened());
            texts.put("whatWeLearned", whatWeLearned());
            texts.put("whatWeWouldDoDifferently", whatWeWouldDoDifferently());
            texts.put("tags", tags() == null ? null : String.join(", ", tags()));
            return texts;
        }
    }

    record NewStory(
            @SingleLine @NotBlank @Size(max = 200) String title,
            @SingleLine @NotBlank @Size(max = 200) String topic,
            @SingleLine @NotBlank @Size(max = 200) String changeIdea,
            @NotBlank @Size(max = 4000) String whatWeTried,
            @NotBlank @Size(max = 4000) String whatHappened,
            @NotBlank @Size(max = 4000) String whatWeLearned,
            @NotNull @Size(max = 4000) String whatWeWouldDoDifferently,
            @Size(max = 12) List<@NotNull @Pattern(regexp = TAG, message = TAG_RULE) String> tags,
            @NotNull Credit credit,
            @NotNull Visibility visibility,
            UUID sessionId,
            Boolean faculty,
            UUID draftId,
            Boolean confirmNotIdentifying) implements Content {

        /** The same story without its draft's id, which has no place where the story waits to be written. */
        NewStory withoutDraft() {
            return new NewStory(title, topic, changeIdea, whatWeTried, whatHappened, whatWeLearned, whatWeWouldDoDifferently,
                    tags, credit, visibility, sessionId, faculty, null, confirmNotIdentifying);
        }
    }

    record StoryEdit(
            @SingleLine @NotBlank @Size(max = 200) String title,
            @SingleLine @NotBlank @Size(max = 200) String topic,
            @SingleLine @NotBlank @Size(max = 200) String changeIdea,
            @NotBlank @Size(max = 4000) String whatWeTried,
            @NotBlank @Size(max = 4000) String whatHappened,
            @NotBlank @Size(max = 4000) String whatWeLearned,
            @NotNull @Size(max = 4000) String whatWeWouldDoDifferently,
            @Size(max = 12) List<@NotNull @Pattern(regexp = TAG, message = TAG_RULE) String> tags,
            @NotNull Visibility visibility,
            UUID sessionId,
            Boolean faculty,
            Boolean confirmNotIdentifying) implements Content {}

    record NewComment(@NotBlank @Size(max = 4000) String body, @NotNull Credit credit, Boolean confirmNotIdentifying) {}

    record NewFollowUp(@NotBlank @Size(max = 4000) String body, Boolean confirmNotIdentifying) {}

    record NewReport(@NotBlank @Size(max = 1000) String reason, UUID commentId) {}

    /** A facilitator's decision: {@code approve}, {@code hide}, {@code redact} or {@code dismiss} (the reports). */
    record Moderation(
            @NotNull @Pattern(regexp = "approve|hide|redact|dismiss", message = "must be one of approve, hide, redact, dismiss")
                    String action,
            @Size(max = 1000) String reason,
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> passages) {}

    static final String TAG = "[\\p{L}\\p{N}][\\p{L}\\p{N} '&-]{0,39}";
    static final String TAG_RULE = "must be 1 to 40 letters, digits, spaces or hyphens";

    /** Tags as they are kept: trimmed, lower-case, without repeats. */
    static List<String> tags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        return tags.stream().map(tag -> tag.strip().toLowerCase(Locale.ROOT)).distinct().toList();
    }

    /**
     * Refuses text that looks patient-identifiable unless the author confirmed it is not: a 422 whose
     * {@code findings} say where (field, kind, start, end) and never quote the text.
     */
    static void checkForPatientData(Map<String, String> texts, Boolean confirmed) {
        if (Boolean.TRUE.equals(confirmed)) {
            return;
        }
        List<PatientDataCheck.Finding> findings = PatientDataCheck.check(texts);
        if (findings.isEmpty()) {
            return;
        }
        List<ApiException.FieldError> errors = findings.stream()
                .map(f -> new ApiException.FieldError(f.field(), "may hold " + describe(f.kind())
                        + " (characters " + (f.start() + 1) + " to " + f.end() + ")"))
                .toList();
        throw new ApiException(
                422,
                "possible_patient_data",
                "This may identify a patient: " + errors.get(0).field() + " " + errors.get(0).message()
                        + (findings.size() > 1 ? " and " + (findings.size() - 1) + " more" : "")
                        + ". Edit it, or send it again with confirmNotIdentifying: true if it does not identify anyone.",
                errors,
                Map.of("findings", findings));
    }

    static String describe(String kind) {
        switch (kind) {
            case "nhs_number":
                return "an NHS number";
            case "date_of_birth":
                return "a date of birth";
            case "date":
                return "a date";
            case "postcode":
                return "a postcode";
            default:
                return "a hospital number";
        }
    }

    static <T> T valid(T request) {
        return Validation.valid(request);
    }
}
