package org.colearn.server.improvement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.colearn.server.auth.Caller;
import org.colearn.server.buddies.ActivePairs;
import org.colearn.server.community.Access;
import org.colearn.server.community.Member;
import org.colearn.server.community.MemberRole;
import org.colearn.server.community.Site;
import org.colearn.server.system.ApiException;
import org.hibernate.Session;

/**
 * Who may see and write a site's data. Strangers to the collaborative get its 404. A site's data are read by its own
 * members, the facilitators, the members of the site's active buddy pair, and everyone in the collaborative once the
 * site shares them; they are written only by the site's own members.
 */
final class DataAccess {

    private DataAccess() {}

    /** The site when the caller may read its data; 403 for members who may not. */
    static Site reader(Session session, UUID collaborativeId, UUID siteId, Caller caller, Clock clock) {
        Member member = Access.member(session, collaborativeId, caller);
        Site site = Access.site(session, collaborativeId, siteId, null);
        if (!mayRead(session, member, site, clock)) {
            throw ApiException.forbidden(
                    "site_data_private",
                    site.name() + " has not shared its data with the collaborative. Its members, its buddy pair and the"
                            + " facilitators can see them.");
        }
        return site;
    }

    static boolean mayRead(Session session, Member member, Site site, Clock clock) {
        return member.isFacilitator()
                || site.id().equals(member.siteId())
                || shared(session, site.id())
                || inBuddyPair(session, member, site, clock);
    }

    /** Every site of the collaborative whose data the member may read, in a few queries whatever their number. */
    static Set<UUID> readableSites(Session session, Member member, Clock clock) {
        List<Site> sites = session.createSelectionQuery("from Site where collaborativeId = :c", Site.class)
                .setParameter("c", member.collaborativeId())
                .getResultList();
        if (member.isFacilitator()) {
            return sites.stream().map(Site::id).collect(Collectors.toSet());
        }
        Set<UUID> readable = new HashSet<>(session.createSelectionQuery(
                        "select s.siteId from DataSharing s, Site site where site.id = s.siteId and site.collaborativeId = :c", UUID.class)
                .setParameter("c", member.collaborativeId())
                .getResultList());
        if (member.siteId() != null) {
            readable.add(member.siteId());
        }
        Set<String> pairSites = ActivePairs.of(session, member.collaborativeId(), LocalDate.now(clock)).stream()
                .filter(pair -> pair.memberIds().contains(member.accountId()))
                .flatMap(pair -> pair.sites().stream())
                .collect(Collectors.toSet());
        sites.stream().filter(site -> pairSites.contains(site.name())).forEach(site -> readable.add(site.id()));
        return readable;
    }

    /** The site when the caller is one of its members: only a site's own people enter its data. */
    static Site enterer(Session session, UUID collaborativeId, UUID siteId, Caller caller) {
        Member member = Access.member(session, collaborativeId, caller);
        Site site = Access.site(session, collaborativeId, siteId, null);
        if (!site.id().equals(member.siteId())) {
            throw ApiException.forbidden("own_site_only", "Only members of " + site.name() + " enter its data and add its measures.");
        }
        return site;
    }

    /** The site when the caller leads it or facilitates the collaborative: they issue its tokens and share its data. */
    static Site lead(Session session, UUID collaborativeId, UUID siteId, Caller caller, String action) {
        Member member = Access.member(session, collaborativeId, caller);
        Site site = Access.site(session, collaborativeId, siteId, null);
        boolean lead = member.role() == MemberRole.SITE_LEAD && site.id().equals(member.siteId());
        if (!lead && !member.isFacilitator()) {
            throw ApiException.forbidden("site_lead_only", "Only the site lead of " + site.name() + " or a facilitator can " + action + ".");
        }
        return site;
    }

    /** A measure of this collaborative that the caller may know of; 404 otherwise, as for an unknown id. */
    static Measure measure(Session session, UUID collaborativeId, UUID measureId, Member member, Clock clock) {
        Measure measure = measureId == null ? null : session.find(Measure.class, measureId);
        boolean visible = measure != null
                && measure.collaborativeId().equals(collaborativeId)
                && (measure.siteId() == null
                        || mayRead(session, member, session.find(Site.class, measure.siteId()), clock));
        if (!visible) {
            throw ApiException.notFound("measure_not_found", "This collaborative has no measure with this id that you can see.");
        }
        return measure;
    }

    /** The measure when the site has it: every common measure, and the site's own ones. */
    static Measure measureOfSite(Measure measure, Site site) {
        if (measure.siteId() != null && !measure.siteId().equals(site.id())) {
            throw ApiException.notFound("measure_not_found", site.name() + " has no measure with this id.");
        }
        return measure;
    }

    static boolean shared(Session session, UUID siteId) {
        return session.find(DataSharing.class, siteId) != null;
    }

    private static boolean inBuddyPair(Session session, Member member, Site site, Clock clock) {
        return ActivePairs.of(session, site.collaborativeId(), LocalDate.now(clock)).stream()
                .anyMatch(pair -> pair.memberIds().contains(member.accountId()) && pair.sites().contains(site.name()));
    }
}
