package org.colearn.server.stories;

import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Which sites share the stories written for "my pair". Until buddy pairings exist this is a site on its own; the
 * buddy feature extends it to a site and its buddy site, and every pair rule in this package asks only here.
 */
final class PairScope {

    private PairScope() {}

    /** The sites whose members read a pair story written at {@code siteId} (always including that site). */
    static Set<UUID> sitesSharing(Session session, UUID siteId) {
        return siteId == null ? Set.of() : Set.of(siteId);
    }
}
