package org.colearn.server.live;

import java.util.UUID;

/** A person in a live session as the engine knows them: who they are, where from, and whether they facilitate. */
record Viewer(UUID personId, String name, String site, String profession, boolean facilitator) {

    String role() {
        return facilitator ? "facilitator" : "participant";
    }
}
