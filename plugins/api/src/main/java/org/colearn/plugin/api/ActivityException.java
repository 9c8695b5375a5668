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
    private final String field;

    public ActivityException(String code, String message) {
        this(code, null, message);
    }

    /**
     * A refusal about one field of a configuration or a message, so the person is shown it beside that field.
     *
     * @param field the field's name in the record, such as {@code options}; null when the refusal concerns the whole
     */
    public ActivityException(String code, String field, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    public String code() {
        return code;
    }

    /** The field the refusal concerns, or null when it concerns the whole configuration or message. */
    public String field() {
        return field;
    }
}
