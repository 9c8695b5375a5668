package org.colearn.server.stories;

import java.util.Set;
import java.util.UUID;
import org.colearn.server.buddies.BuddySites;
import org.hibernate.Session;

/**
 * Which sites share the stories written for "my pair": the author's site and the sites it is actively paired with
 * (see {@link BuddySites}); a site without an active pair keeps its pair stories to itself. Every pair rule in this
 * package asks only here, so a pair that ends, or a new one, changes who reads at once.
 */
final class PairScope {

    private PairScope() {}

    /** The sites whose members read a pair story written at {@code siteId} (always including that site). */
    static Set<UUID> sitesSharing(Session session, UUID siteId) {
        return siteId == null ? Set.of() : BuddySites.withActiveBuddies(session, siteId);
    }
}
