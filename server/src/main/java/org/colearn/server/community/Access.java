package org.colearn.server.community;

import java.util.UUID;
import org.colearn.server.auth.Caller;
import org.colearn.server.system.ApiException;
import org.hibernate.Session;

/**
 * The role checks of the community feature. A person who is not a member of a collaborative learns nothing of it,
 * not even that it exists: they get the same 404 as for an unknown id.
 */
public final class Access {

    private Access() {}

    /** The caller's membership of the collaborative, or 404. */
    public static Member member(Session session, UUID collaborativeId, Caller caller) {
        Member member = session.createSelectionQuery(
                        "from Member where collaborativeId = :collaborative and accountId = :account", Member.class)
                .setParameter("collaborative", collaborativeId)
                .setParameter("account", caller.accountId())
                .uniqueResult();
        if (member == null || session.find(Collaborative.class, collaborativeId) == null) {
            throw ApiException.notFound(
                    "collaborative_not_found", "There is no collaborative with this id that you are a member of.");
        }
        return member;
    }

    /** The caller's membership when they facilitate the collaborative; 404 for strangers, 403 for other members. */
    public static Member facilitator(Session session, UUID collaborativeId, Caller caller, String action) {
        Member member = member(session, collaborativeId, caller);
        if (!member.isFacilitator()) {
            throw ApiException.forbidden("facilitator_only", "Only a facilitator of this collaborative can " + action + ".");
        }
        return member;
    }

    static Collaborative collaborative(Session session, UUID collaborativeId) {
        return session.find(Collaborative.class, collaborativeId);
    }

    /** A site of this collaborative, or 404 (or a 422 on {@code field} when the id came in a request body). */
    public static Site site(Session session, UUID collaborativeId, UUID siteId, String field) {
        Site site = siteId == null ? null : session.find(Site.class, siteId);
        if (site == null || !site.collaborativeId().equals(collaborativeId)) {
            if (field != null) {
                throw ApiException.invalid(field, "is not a site of this collaborative");
            }
            throw ApiException.notFound("site_not_found", "This collaborative has no site with this id.");
        }
        return site;
    }

    static long facilitatorCount(Session session, UUID collaborativeId) {
        return session.createSelectionQuery(
                        "select count(*) from Member where collaborativeId = :collaborative and role = :role", Long.class)
                .setParameter("collaborative", collaborativeId)
                .setParameter("role", MemberRole.FACILITATOR)
                .getSingleResult();
    }

    /** Whether the account is a member of the collaborative already (one membership per account). */
    static boolean isMember(Session session, UUID collaborativeId, UUID accountId) {
        return session.createSelectionQuery(
                                "select 1 from Member where collaborativeId = :id and accountId = :account", Integer.class)
                        .setParameter("id", collaborativeId)
                        .setParameter("account", accountId)
                        .setMaxResults(1)
                        .uniqueResult()
                != null;
    }
}
