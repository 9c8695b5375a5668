package org.colearn.server.live;

/**
 * A command or frame that cannot be applied; the sender gets {@code {"re":ref,"error":{"code","message"}}}, with the
 * {@code field} of the body it concerns when there is one, so that a form can mark that field.
 */
final class LiveException extends RuntimeException {

    private final String code;
    private final String ref;
    private final String field;

    LiveException(String code, String message) {
        this(code, message, null);
    }

    LiveException(String code, String message, String ref) {
        this(code, message, ref, null);
    }

    LiveException(String code, String message, String ref, String field) {
        super(message, null, false, false);
        this.code = code;
        this.ref = ref;
        this.field = field;
    }

    /** The error frame answering the command {@code re}. */
    String frame(String re) {
        return Frames.error(re, code, getMessage(), field);
    }

    String code() {
        return code;
    }

    String ref() {
        return ref;
    }

    /** The field of the command's body the refusal concerns, or null. */
    String field() {
        return field;
    }

    LiveException withRef(String newRef) {
        return ref != null ? this : new LiveException(code, getMessage(), newRef, field);
    }
}
