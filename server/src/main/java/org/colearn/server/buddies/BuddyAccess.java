package org.colearn.server.buddies;

import java.util.List;
import java.util.UUID;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.Access;
import org.colearn.server.community.Member;
import org.colearn.server.community.MemberRole;
import org.colearn.server.community.Site;
import org.colearn.server.system.ApiException;
import org.hibernate.Session;

/**
 * The role checks of buddy pairings. Strangers to a collaborative get its 404; a pair's space answers 404 to everyone
 * outside the pair (facilitators included, unless the pair invited them), so that it does not even confirm itself.
 */
final class BuddyAccess {

    private BuddyAccess() {}

    static Member member(Session session, UUID collaborativeId, Caller caller) {
        return Access.member(session, collaborativeId, caller);
    }

    static Member facilitator(Session session, UUID collaborativeId, Caller caller, String action) {
        return Access.facilitator(session, collaborativeId, caller, action);
    }

    /** A site of this collaborative, or 404 (or a 422 on {@code field} when the id came in a request body). */
    static Site site(Session session, UUID collaborativeId, UUID siteId, String field) {
        Site site = siteId == null ? null : session.find(Site.class, siteId);
        if (site == null || !site.collaborativeId().equals(collaborativeId)) {
            if (field != null) {
                throw ApiException.invalid(field, "is not a site of this collaborative");
            }
            throw ApiException.notFound("site_not_found", "This collaborative has no site with this id.");
        }
        return site;
    }

    /** The caller when they may edit this site's profile: a facilitator, or the lead of this very site. */
    static Member profileEditor(Session session, UUID collaborativeId, Site site, Caller caller) {
        Member member = member(session, collaborativeId, caller);
        if (!member.isFacilitator() && !(member.role() == MemberRole.SITE_LEAD && site.id().equals(member.siteId()))) {
            throw ApiException.forbidden(
                    "site_lead_only", "Only the site lead of " + site.name() + " or a facilitator can change its buddy profile.");
        }
        return member;
    }

    /** The caller when they may read this site's profile: a facilitator or a member of the site. */
    static Member profileReader(Session session, UUID collaborativeId, Site site, Caller caller) {
        Member member = member(session, collaborativeId, caller);
        if (!member.isFacilitator() && !site.id().equals(member.siteId())) {
            throw ApiException.forbidden(
                    "own_site_only", "Only members of " + site.name() + " and facilitators can read its buddy profile.");
        }
        return member;
    }

    /** The pair, when the caller is a member of one of its sites (or a facilitator it invited); otherwise 404. */
    static BuddyPair pairSpace(Session session, UUID collaborativeId, UUID pairId, Member member) {
        BuddyPair pair = pairId == null ? null : session.find(BuddyPair.class, pairId);
        boolean visible = pair != null
                && pair.collaborativeId().equals(collaborativeId)
                && pair.status() == PairStatus.ACTIVE
                && (inPair(session, pair, member) || (member.isFacilitator() && pair.facultyInvited()));
        if (!visible) {
            throw ApiException.notFound(
                    "pair_not_found", "There is no active buddy pair with this id whose space you can see.");
        }
        return pair;
    }

    /** The pair's space when the caller belongs to one of its sites: only they write in it. */
    static BuddyPair ownPair(Session session, UUID collaborativeId, UUID pairId, Member member) {
        BuddyPair pair = pairSpace(session, collaborativeId, pairId, member);
        if (!inPair(session, pair, member)) {
            throw ApiException.forbidden("pair_members_only", "Only the pair's own sites write in its space; you were invited to read it.");
        }
        return pair;
    }

    static boolean inPair(Session session, BuddyPair pair, Member member) {
        return member.siteId() != null && sitesOf(session, pair.id()).stream().anyMatch(s -> s.siteId().equals(member.siteId()));
    }

    static List<PairSite> sitesOf(Session session, UUID pairId) {
        return session.createSelectionQuery("from PairSite where pairId = :pair order by seat", PairSite.class)
                .setParameter("pair", pairId)
                .getResultList();
    }
}
