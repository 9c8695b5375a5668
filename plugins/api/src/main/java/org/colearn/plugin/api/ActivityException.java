package org.colearn.plugin.api;

import java.util.Objects;

/**
 * A refusal the person who caused it can act on, such as voting after a poll closed. It carries a stable code
 * ({@code poll_closed}: lower case, digits and underscores) and a sentence for a person. Nothing changes.
 *
 * @since 1
 */
public final class ActivityException extends Exception {

    private final String code;

    public ActivityException(String code, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    public String code() {
        return code;
    }
}
