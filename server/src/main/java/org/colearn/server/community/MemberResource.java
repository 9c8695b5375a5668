package org.colearn.server.community;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.colearn.server.auth.Caller;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.Validation;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The members of a collaborative. Every member sees who is in it (names, sites, professions, roles); email
 * addresses reach only facilitators. Facilitators change roles and places, remove members and import them from CSV;
 * a member may change their own site and profession.
 */
@Path("collaboratives/{collaborativeId}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class MemberResource {

    private final SessionFactory sessions;
    private final Clock clock;
    private final MembershipListener listener;

    public MemberResource(SessionFactory sessions, Clock clock, MembershipListener listener) {
        this.sessions = sessions;
        this.clock = clock;
        this.listener = listener;
    }

    /** A change to a member; fields left out stay as they are. */
    record MemberChange(UUID siteId, Profession profession, MemberRole role) {}

    @GET
    public List<Views.MemberView> list(
            @PathParam("collaborativeId") UUID collaborativeId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Member me = Access.member(session, collaborativeId, caller);
            Map<UUID, Site> sites = sitesById(session, collaborativeId);
            return session.createSelectionQuery("from Member where collaborativeId = :id", Member.class)
                    .setParameter("id", collaborativeId)
                    .getResultList()
                    .stream()
                    .sorted(Comparator.comparing((Member m) -> m.displayName().toLowerCase(java.util.Locale.ROOT)))
                    .map(m -> Views.MemberView.of(m, sites, me.isFacilitator() || m.id().equals(me.id())))
                    .toList();
        });
    }

    @PATCH
    @Path("{memberId}")
    public Views.MemberView change(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("memberId") UUID memberId,
            MemberChange change,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Validation.valid(change);
        Member[] changed = new Member[1];
        Views.MemberView view = sessions.fromTransaction(session -> {
            Member me = Access.member(session, collaborativeId, caller);
            Member member = find(session, collaborativeId, memberId);
            boolean self = member.id().equals(me.id());
            if (!me.isFacilitator() && (!self || change.role() != null)) {
                throw ApiException.forbidden(
                        "facilitator_only", "Only a facilitator can change other members or anyone's role.");
            }
            if (change.siteId() != null) {
                Access.site(session, collaborativeId, change.siteId(), "siteId");
                if (self && member.siteId() != null && !change.siteId().equals(member.siteId())) {
                    // A site opens its pair's private space and stories: nobody moves themselves into one.
                    throw ApiException.conflict("site_move_needs_approval", "Moving to another site needs approval: ask "
                            + "for it (POST site-moves); a facilitator or that site's lead answers.");
                }
            }
            MemberRole role = change.role() == null ? member.role() : change.role();
            if (member.isFacilitator() && role != MemberRole.FACILITATOR) {
                requireAnotherFacilitator(session, collaborativeId);
            }
            SiteMoves.move(member, change.siteId(), change.role());
            member.place(member.siteId(), change.profession() == null ? member.profession() : change.profession(), member.role());
            changed[0] = member;
            return Views.MemberView.of(member, sitesById(session, collaborativeId), true);
        });
        told(collaborativeId, changed[0]);
        return view;
    }

    /** Removes a member; facilitators remove anyone, members remove themselves (leave). */
    @DELETE
    @Path("{memberId}")
    public Response remove(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("memberId") UUID memberId,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Member removed = sessions.fromTransaction(session -> {
            Member me = Access.member(session, collaborativeId, caller);
            Member member = find(session, collaborativeId, memberId);
            if (!me.isFacilitator() && !member.id().equals(me.id())) {
                throw ApiException.forbidden("facilitator_only", "Only a facilitator can remove other members.");
            }
            if (member.isFacilitator()) {
                requireAnotherFacilitator(session, collaborativeId);
            }
            session.remove(member);
            return member;
        });
        told(collaborativeId, removed);
        return Response.noContent().build();
    }

    /**
     * Imports members from a CSV file with the columns name, email, site, profession and role. By default the import
     * is all or nothing: one bad row rejects the file (422 with a report of every row). With {@code skipInvalid=true}
     * the valid rows are imported and the others reported; with {@code dryRun=true} nothing is saved.
     */
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public MemberImport.Report importCsv(
            @PathParam("collaborativeId") UUID collaborativeId,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @QueryParam("skipInvalid") @DefaultValue("false") boolean skipInvalid,
            String csv,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Access.facilitator(session, collaborativeId, caller, "import members");
            return new MemberImport(session, collaborativeId, clock).run(csv, dryRun, skipInvalid);
        });
    }

    static Map<UUID, Site> sitesById(Session session, UUID collaborativeId) {
        return SiteResource.sites(session, collaborativeId).stream().collect(Collectors.toMap(Site::id, Function.identity()));
    }

    private void told(UUID collaborativeId, Member member) {
        if (member.accountId() != null) {
            listener.membershipChanged(collaborativeId, member.accountId());
        }
    }

    private static Member find(Session session, UUID collaborativeId, UUID memberId) {
        Member member = session.find(Member.class, memberId);
        if (member == null || !member.collaborativeId().equals(collaborativeId)) {
            throw ApiException.notFound("member_not_found", "This collaborative has no member with this id.");
        }
        return member;
    }

    private static void requireAnotherFacilitator(Session session, UUID collaborativeId) {
        if (Access.facilitatorCount(session, collaborativeId) <= 1) {
            throw ApiException.conflict(
                    "last_facilitator", "A collaborative needs at least one facilitator. Make someone else a facilitator first.");
        }
    }
}
