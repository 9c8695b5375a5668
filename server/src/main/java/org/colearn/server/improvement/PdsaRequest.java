package org.colearn.server.improvement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.SingleLine;
import org.colearn.server.system.Validation;

/**
 * A PDSA cycle as a site's member writes it; each later stage needs its date, and no stage is dated before the plan. The
 * change idea is one line: it heads the cycle on the chart and becomes a failure story's change idea and title.
 */
record PdsaRequest(
        @SingleLine @NotBlank @Size(max = 200) String changeIdea,
        @NotBlank @Size(max = 4000) String plan,
        @NotBlank @Size(max = 4000) String prediction,
        @NotNull LocalDate plannedOn,
        UUID measureId,
        @Size(max = 4000) String done,
        LocalDate doneOn,
        @Size(max = 4000) String study,
        LocalDate studiedOn,
        Act act,
        @Size(max = 4000) String actNote,
        LocalDate actedOn) {

    PdsaRequest checked() {
        Validation.valid(this);
        stage("done", done, "doneOn", doneOn);
        stage("study", study, "studiedOn", studiedOn);
        if ((act == null) != (actedOn == null)) {
            throw ApiException.invalid(act == null ? "act" : "actedOn", "must be given with " + (act == null ? "actedOn" : "act"));
        }
        return this;
    }

    private void stage(String field, String text, String dateField, LocalDate date) {
        boolean written = text != null && !text.isBlank();
        if (written != (date != null)) {
            throw ApiException.invalid(written ? dateField : field, "must be given with " + (written ? field : dateField));
        }
        if (date != null && date.isBefore(plannedOn)) {
            throw ApiException.invalid(dateField, "must not be before plannedOn");
        }
    }
}
