package org.colearn.server.live;

/** A command or frame that cannot be applied; the sender gets {@code {"re":ref,"error":{"code","message"}}}. */
final class LiveException extends RuntimeException {

    private final String code;
    private final String ref;

    LiveException(String code, String message) {
        this(code, message, null);
    }

    LiveException(String code, String message, String ref) {
        super(message, null, false, false);
        this.code = code;
        this.ref = ref;
    }

    String code() {
        return code;
    }

    String ref() {
        return ref;
    }

    LiveException withRef(String newRef) {
        return ref != null ? this : new LiveException(code, getMessage(), newRef);
    }
}
