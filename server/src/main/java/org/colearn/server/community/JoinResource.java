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
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.colearn.server.auth.Account;
import org.colearn.server.auth.Caller;
import org.colearn.server.system.Public;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.Validation;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Opening an invitation link: anyone with the link sees what they are invited to; once logged in, they join with the
 * site and profession they choose.
 */
@Path("invitations/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class JoinResource {

    private final SessionFactory sessions;
    private final Clock clock;

    public JoinResource(SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    record AcceptRequest(UUID siteId, @NotNull Profession profession) {}

    /**
     * What the person opening a link is told before joining; {@code yours} is the membership already made for a
     * signed-in caller (imported for their proven address, or joined before), so that the form starts from its site
     * and profession, and null for anyone else.
     */
    record InvitationPreview(
            UUID collaborativeId, String collaborativeName, String topic, MemberRole role, List<Views.SiteView> sites, Yours yours) {}

    /** The site and profession a membership made for the caller holds, and the role it gives. */
    record Yours(UUID siteId, Profession profession, MemberRole role) {}

    @GET
    @Public
    public InvitationPreview preview(@PathParam("code") String code, @Context SecurityContext security) {
        Caller caller = security != null && security.getUserPrincipal() instanceof Caller signedIn ? signedIn : null;
        return sessions.fromTransaction(session -> {
            Invitation invitation = usable(session, code);
            Collaborative collaborative = Access.collaborative(session, invitation.collaborativeId());
            List<Views.SiteView> sites = SiteResource.sites(session, collaborative.id()).stream()
                    .map(site -> Views.SiteView.of(site, 0))
                    .toList();
            Account account = caller == null ? null : session.find(Account.class, caller.accountId());
            Member member = account == null ? null : memberOf(session, collaborative.id(), account);
            Yours yours = member == null ? null : new Yours(member.siteId(), member.profession(), member.role());
            return new InvitationPreview(
                    collaborative.id(), collaborative.name(), collaborative.topic(), invitation.role(), sites, yours);
        });
    }

    /**
     * Joins the collaborative of the link; joining again answers with the existing membership, and a site other than
     * the member's own becomes a request to move there, as members never move themselves.
     */
    @POST
    @Path("accept")
    public Views.MemberView accept(
            @PathParam("code") String code, AcceptRequest request, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Validation.valid(request);
        return sessions.fromTransaction(session -> {
            Invitation invitation = usable(session, code);
            UUID collaborativeId = invitation.collaborativeId();
            if (request.siteId() == null && invitation.role() != MemberRole.FACILITATOR) {
                throw ApiException.invalid("siteId", "must name the site you work at");
            }
            Site site = request.siteId() == null ? null : Access.site(session, collaborativeId, request.siteId(), "siteId");
            Account account = session.find(Account.class, caller.accountId());
            Member member = memberOf(session, collaborativeId, account);
            if (member == null) {
                refuseTakenAddress(session, collaborativeId, account);
                member = new Member(collaborativeId, account.id(), account.email(), account.displayName(), clock.instant());
                member.place(site == null ? null : site.id(), request.profession(), invitation.role());
                session.persist(member);
                invitation.used();
            } else if (member.accountId() == null) {
                member.linkAccount(account.id(), account.displayName());
                member.place(member.siteId(), request.profession(), member.role());
                invitation.used();
            }
            if (site != null) {
                SiteMoves.arrive(member, site.id(), clock.instant());
            }
            return Views.MemberView.of(member, MemberResource.sitesById(session, collaborativeId), true);
        });
    }

    /**
     * The caller's membership: theirs already, or one imported for their address once they have proven it (an
     * imported role goes to the address's owner only), or null.
     */
    private static Member memberOf(Session session, UUID collaborativeId, Account account) {
        Member member = session.createSelectionQuery("from Member where collaborativeId = :id and accountId = :account", Member.class)
                .setParameter("id", collaborativeId)
                .setParameter("account", account.id())
                .uniqueResult();
        if (member != null || !account.emailProven()) {
            return member;
        }
        return session.createSelectionQuery(
                        "from Member where collaborativeId = :id and accountId is null and email = :email", Member.class)
                .setParameter("id", collaborativeId)
                .setParameter("email", account.provenEmail())
                .uniqueResult();
    }

    /** One address, one member: a membership given to the caller's address waits for its proof. */
    private static void refuseTakenAddress(Session session, UUID collaborativeId, Account account) {
        Member holder = session.createSelectionQuery("from Member where collaborativeId = :id and email = :email", Member.class)
                .setParameter("id", collaborativeId)
                .setParameter("email", account.email())
                .uniqueResult();
        if (holder == null) {
            return;
        }
        if (holder.accountId() == null) {
            throw ApiException.conflict(
                    "address_unconfirmed",
                    "A membership waits in this collaborative for " + account.email() + ", for whoever confirms that"
                            + " address. Open the link we emailed you (or ask the facilitator to confirm you), then open"
                            + " this invitation again.");
        }
        throw ApiException.conflict(
                "email_in_use",
                "Another member of this collaborative has the address " + account.email() + ". Ask the facilitator.");
    }

    private Invitation usable(Session session, String code) {
        Invitation invitation = code == null || code.length() > 64
                ? null
                : session.createSelectionQuery("from Invitation where code = :code", Invitation.class)
                        .setParameter("code", code)
                        .uniqueResult();
        if (invitation == null) {
            throw ApiException.notFound("invitation_not_found", "This invitation link is not valid. Ask your facilitator for a new one.");
        }
        if (!invitation.usableAt(clock.instant())) {
            throw new ApiException(
                    410,
                    "invitation_expired",
                    "This invitation link has expired or was withdrawn. Ask your facilitator for a new one.",
                    List.of());
        }
        return invitation;
    }
}
