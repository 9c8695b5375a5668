package org.colearn.server.community;

import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.colearn.server.auth.Caller;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.Validation;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Moves between sites. A site opens its buddy pair's private space, its stories and, to its lead, its profile, so a
 * member does not move themselves: they ask, and a facilitator or the lead of the site they ask for approves (never
 * the person who asked). Until then they keep their site. A site lead who moves becomes a participant: they spoke for
 * the old site, and the new one has its own lead unless a facilitator makes them lead there.
 */
@Path("collaboratives/{collaborativeId}/site-moves")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class SiteMoves {

    private final SessionFactory sessions;
    private final Clock clock;
    private final MembershipListener listener;

    public SiteMoves(SessionFactory sessions, Clock clock, MembershipListener listener) {
        this.sessions = sessions;
        this.clock = clock;
        this.listener = listener;
    }

    record MoveRequest(@NotNull UUID siteId) {}

    /** A pending move: who asked, from which site to which, and when. */
    record MoveView(UUID memberId, String displayName, MemberRole role, UUID fromSiteId, String fromSiteName, UUID toSiteId,
            String toSiteName, Instant requestedAt) {

        static MoveView of(Member member, Map<UUID, Site> sites) {
            Site from = member.siteId() == null ? null : sites.get(member.siteId());
            Site to = sites.get(member.moveSiteId());
            return new MoveView(member.id(), member.displayName(), member.role(), member.siteId(), from == null ? null : from.name(),
                    member.moveSiteId(), to == null ? null : to.name(), member.moveRequestedAt());
        }
    }

    /** The caller asks to move to another site; a later request replaces an earlier one. */
    @POST
    public Response request(
            @PathParam("collaborativeId") UUID collaborativeId, MoveRequest request, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Validation.valid(request);
        MoveView view = sessions.fromTransaction(session -> {
            Member me = Access.member(session, collaborativeId, caller);
            Access.site(session, collaborativeId, request.siteId(), "siteId");
            if (request.siteId().equals(me.siteId())) {
                throw ApiException.invalid("siteId", "is your site already");
            }
            me.requestMove(request.siteId(), clock.instant());
            return MoveView.of(me, MemberResource.sitesById(session, collaborativeId));
        });
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    /**
     * The pending moves the caller may see: all of them for a facilitator; for a site lead, those into their site;
     * and anyone's own.
     */
    @GET
    public List<MoveView> pending(@PathParam("collaborativeId") UUID collaborativeId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Member me = Access.member(session, collaborativeId, caller);
            Map<UUID, Site> sites = MemberResource.sitesById(session, collaborativeId);
            return session.createSelectionQuery("from Member where collaborativeId = :id and moveSiteId is not null", Member.class)
                    .setParameter("id", collaborativeId)
                    .getResultList()
                    .stream()
                    .filter(member -> member.id().equals(me.id()) || mayAnswer(me, member))
                    .sorted(Comparator.comparing(Member::moveRequestedAt))
                    .map(member -> MoveView.of(member, sites))
                    .toList();
        });
    }

    /** Moves the member to the site they asked for. */
    @POST
    @Path("{memberId}/approve")
    @Consumes(MediaType.WILDCARD)
    public Views.MemberView approve(
            @PathParam("collaborativeId") UUID collaborativeId, @PathParam("memberId") UUID memberId,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Member[] moved = new Member[1];
        Views.MemberView view = sessions.fromTransaction(session -> {
            Member member = answerable(session, collaborativeId, memberId, caller, false);
            move(member, member.moveSiteId(), null);
            moved[0] = member;
            return Views.MemberView.of(member, MemberResource.sitesById(session, collaborativeId), true);
        });
        if (moved[0].accountId() != null) {
            listener.membershipChanged(collaborativeId, moved[0].accountId());
        }
        return view;
    }

    /** Declines a move; the member who asked may also withdraw it this way. They stay where they are. */
    @POST
    @Path("{memberId}/decline")
    @Consumes(MediaType.WILDCARD)
    public Response decline(
            @PathParam("collaborativeId") UUID collaborativeId, @PathParam("memberId") UUID memberId,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        sessions.inTransaction(session -> answerable(session, collaborativeId, memberId, caller, true).forgetMove());
        return Response.noContent().build();
    }

    /** A member names the site they work at: their first site is theirs at once, another one is a request to move. */
    static void arrive(Member member, UUID siteId, Instant at) {
        if (member.siteId() == null) {
            member.place(siteId, member.profession(), member.role());
        } else if (!siteId.equals(member.siteId())) {
            member.requestMove(siteId, at);
        }
    }

    /**
     * Places a member at a site, ending any move they asked for; a site lead who changes site becomes a participant
     * unless {@code role} says otherwise.
     */
    static void move(Member member, UUID siteId, MemberRole role) {
        boolean changesSite = siteId != null && !siteId.equals(member.siteId());
        MemberRole after = role != null ? role
                : changesSite && member.role() == MemberRole.SITE_LEAD ? MemberRole.PARTICIPANT
                : member.role();
        member.place(siteId == null ? member.siteId() : siteId, member.profession(), after);
        if (changesSite) {
            member.forgetMove();
        }
    }

    /** The member's pending move, when the caller may answer it (or, with {@code orOwn}, withdraw it). */
    private static Member answerable(Session session, UUID collaborativeId, UUID memberId, Caller caller, boolean orOwn) {
        Member me = Access.member(session, collaborativeId, caller);
        Member member = session.find(Member.class, memberId);
        if (member == null || !member.collaborativeId().equals(collaborativeId) || member.moveSiteId() == null) {
            throw ApiException.notFound("site_move_not_found", "This member has not asked to move to another site.");
        }
        boolean own = member.id().equals(me.id());
        if (own && !orOwn) {
            throw ApiException.forbidden("own_site_move",
                    "Someone else approves your move: another facilitator, or the lead of the site you asked for.");
        }
        if (!own && !mayAnswer(me, member)) {
            throw ApiException.forbidden("site_move_approver_only",
                    "Only a facilitator or the lead of the site asked for can answer this request.");
        }
        return member;
    }

    private static boolean mayAnswer(Member me, Member asking) {
        return !me.id().equals(asking.id())
                && (me.isFacilitator() || me.role() == MemberRole.SITE_LEAD && asking.moveSiteId().equals(me.siteId()));
    }
}
