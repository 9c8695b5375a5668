package org.colearn.server.media;

import java.net.URI;

/** A Janus server refused a request (with its error code) or could not be reached (code 0). */
final class JanusException extends Exception {

    /** VideoRoom: no such room. */
    static final int NO_SUCH_ROOM = 426;
    /** VideoRoom: no such participant. */
    static final int NO_SUCH_FEED = 428;

    final int code;

    JanusException(int code, String message) {
        super(message);
        this.code = code;
    }

    static JanusException unreachable(URI url, Exception cause) {
        JanusException unreachable = new JanusException(0, "Janus at " + url + " does not answer");
        unreachable.initCause(cause);
        return unreachable;
    }

    boolean unreachable() {
        return code == 0;
    }
}
