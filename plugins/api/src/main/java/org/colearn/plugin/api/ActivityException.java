package org.colearn.plugin.api;

import java.util.List;
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
    private final List<String> fields;

    public ActivityException(String code, String message) {
        this(code, null, message);
    }

    /**
     * A refusal about one field of a configuration or a message, so the person is shown it beside that field.
     *
     * @param field the field's name in the record, such as {@code options}; null when the refusal concerns the whole
     */
    public ActivityException(String code, String field, String message) {
        this(field == null ? List.of() : List.of(field), code, message);
    }

    private ActivityException(List<String> fields, String code, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.fields = List.copyOf(fields);
        this.field = this.fields.isEmpty() ? null : this.fields.get(0);
    }

    /**
     * A refusal about several fields at once, such as every part of a story that may identify a patient, so the person
     * is shown each of them; the first is {@link #field()}.
     *
     * @param fields the fields' names in the record, in the order of the form; empty when the refusal concerns the whole
     * @since 2
     */
    public static ActivityException aboutFields(String code, List<String> fields, String message) {
        return new ActivityException(fields, code, message);
    }

    public String code() {
        return code;
    }

    /** The field the refusal concerns, or null when it concerns the whole configuration or message. */
    public String field() {
        return field;
    }

    /**
     * Every field the refusal concerns, the first being {@link #field()}; empty when it concerns the whole.
     *
     * @since 2
     */
    public List<String> fields() {
        return fields;
    }
}
