package org.colearn.server.media;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** Where the live session's media assignments go: to every connection of one person. Called on the media thread. */
@FunctionalInterface
public interface Tell {

    /** This person's media room changed: {@code assignment} is the body of a {@code media.room} frame. */
    void tell(UUID personId, ObjectNode assignment);
}
