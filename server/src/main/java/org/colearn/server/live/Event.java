package org.colearn.server.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Something that happened in a live session, numbered by the session's sequence, with who may see it. */
record Event(long seq, String type, Audience audience, ObjectNode body, Instant at) {}
