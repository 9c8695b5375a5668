package org.colearn.server.buddies;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/** What other features ask of buddy pairings: which sites a site is actively paired with now. */
public final class BuddySites {

    private BuddySites() {}

    /**
     * The site and every site it shares an active pair (or triad) with: accepted by every lead, in any round. A pair
     * that is only proposed, waiting for its leads, or declined shares nothing.
     */
    public static Set<UUID> withActiveBuddies(Session session, UUID siteId) {
        List<UUID> buddies = session.createNativeQuery(
                        "select distinct other.site_id from buddy_pair_site mine"
                                + " join buddy_pair pair on pair.id = mine.pair_id and pair.status = :active"
                                + " join buddy_pair_site other on other.pair_id = mine.pair_id"
                                + " where mine.site_id = :site",
                        UUID.class)
                .setParameter("active", PairStatus.ACTIVE.name())
                .setParameter("site", siteId)
                .getResultList();
        Set<UUID> sites = new LinkedHashSet<>();
        sites.add(siteId);
        sites.addAll(buddies);
        return sites;
    }
}
