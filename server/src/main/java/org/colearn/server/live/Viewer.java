package org.colearn.server.live;

import java.util.UUID;

/**
 * A person in a live session as the engine knows them: who they are, where from, whether they facilitate, and whether
 * they came as a guest (with the session's code, without an account).
 */
record Viewer(UUID personId, String name, String site, String profession, boolean facilitator, boolean guest) {

    String role() {
        return facilitator ? "facilitator" : "participant";
    }
}
