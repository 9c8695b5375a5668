package org.colearn.server.live;

import java.util.List;

/**
 * A command or frame that cannot be applied; the sender gets {@code {"re":ref,"error":{"code","message"}}}, with the
 * {@code field} of the body it concerns when there is one, so that a form can mark that field.
 */
final class LiveException extends RuntimeException {

    private final String code;
    private final String ref;
    private final List<String> fields;

    LiveException(String code, String message) {
        this(code, message, null);
    }

    LiveException(String code, String message, String ref) {
        this(code, message, ref, (String) null);
    }

    LiveException(String code, String message, String ref, String field) {
        this(code, message, ref, field == null ? List.of() : List.of(field));
    }

    /** A refusal about several fields of the body, the first of them named as its {@code field}. */
    LiveException(String code, String message, String ref, List<String> fields) {
        super(message, null, false, false);
        this.code = code;
        this.ref = ref;
        this.fields = List.copyOf(fields);
    }

    /** The error frame answering the command {@code re}. */
    String frame(String re) {
        return Frames.error(re, code, getMessage(), fields);
    }

    String code() {
        return code;
    }

    String ref() {
        return ref;
    }

    /** The field of the command's body the refusal concerns, or null. */
    String field() {
        return fields.isEmpty() ? null : fields.get(0);
    }

    /** Every field of the command's body the refusal concerns, the first being {@link #field()}. */
    List<String> fields() {
        return fields;
    }

    LiveException withRef(String newRef) {
        return ref != null ? this : new LiveException(code, getMessage(), newRef, fields);
    }
}
