package org.colearn.server.buddies;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.colearn.server.buddies.matching.SiteProfile;
import org.colearn.server.community.Site;
import org.hibernate.Session;

/** Reads the profiles of a collaborative and turns them into what the pairing engine needs. */
final class Profiles {

    private Profiles() {}

    static Map<UUID, BuddyProfile> byCollaborative(Session session, UUID collaborativeId) {
        return session.createSelectionQuery("from BuddyProfile where collaborativeId = :c", BuddyProfile.class)
                .setParameter("c", collaborativeId)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(BuddyProfile::siteId, Function.identity()));
    }

    static List<Site> sites(Session session, UUID collaborativeId) {
        return session.createSelectionQuery("from Site where collaborativeId = :c order by name", Site.class)
                .setParameter("c", collaborativeId)
                .getResultList();
    }

    /** Where a site is: its profile's coordinates, else its profile's region, else the site's own place; or null. */
    static double[] location(Site site, BuddyProfile profile) {
        if (profile != null && profile.latitude() != null) {
            return new double[] {profile.latitude(), profile.longitude()};
        }
        UkRegions.Region region = profile == null ? null : UkRegions.named(profile.region());
        if (region != null) {
            return new double[] {region.latitude(), region.longitude()};
        }
        if (site.latitude() != null && site.longitude() != null) {
            return new double[] {site.latitude(), site.longitude()};
        }
        UkRegions.Region siteRegion = UkRegions.named(site.region());
        return siteRegion == null ? null : new double[] {siteRegion.latitude(), siteRegion.longitude()};
    }

    static SiteProfile forEngine(Site site, BuddyProfile profile) {
        double[] where = location(site, profile);
        return new SiteProfile(
                site.id().toString(),
                site.name(),
                profile.offers(),
                profile.wants(),
                profile.stages().entrySet().stream()
                        .collect(Collectors.toMap(e -> SiteProfile.key(e.getKey()), Map.Entry::getValue, (a, b) -> a)),
                where == null ? null : where[0],
                where == null ? null : where[1],
                profile.capacity(),
                profile.excluded().stream().map(UUID::toString).collect(Collectors.toSet()));
    }
}
