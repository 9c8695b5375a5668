package org.colearn.plugin.datareview;

import org.colearn.plugin.api.ActivityException;

/**
 * What the facilitator sets up.
 *
 * @param measure the name of the collaborative's common measure to review, up to 200 characters; empty for the first
 *     of its common measures by name
 */
public record DataReviewConfig(String measure) {

    static final DataReviewConfig DEFAULT = new DataReviewConfig("");

    void check() throws ActivityException {
        if (measure != null && measure.length() > 200) {
            throw new ActivityException("invalid_config", "measure", "A measure's name has at most 200 characters.");
        }
    }
}
