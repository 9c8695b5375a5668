package org.colearn.server.community;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.colearn.server.auth.Account;
import org.colearn.server.auth.Caller;
import org.colearn.server.system.ApiException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Confirming by hand who owns an imported member's address: a facilitator sees the accounts that signed up with
 * that address without proving it (where no mail is sent, nobody can prove it by email) and confirms the one that is
 * the person, having asked them; the membership and its role then go to that account.
 */
@Path("collaboratives/{collaborativeId}/members/{memberId}/claimants")
@Produces(MediaType.APPLICATION_JSON)
public final class ClaimantResource {

    /** Accounts listed for one address; more would only be noise from someone signing up with it again and again. */
    private static final int LISTED = 20;

    private final SessionFactory sessions;

    public ClaimantResource(SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** An account that signed up with the member's address, as the facilitator sees it to decide. */
    record Claimant(UUID accountId, String displayName, Instant signedUpAt, boolean emailProven) {}

    @GET
    public List<Claimant> list(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("memberId") UUID memberId,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Member member = waiting(session, collaborativeId, memberId, caller);
            return session.createSelectionQuery("from Account where email = :email order by createdAt", Account.class)
                    .setParameter("email", member.email())
                    .setMaxResults(LISTED)
                    .getResultList()
                    .stream()
                    .map(a -> new Claimant(a.id(), a.displayName(), a.createdAt(), a.emailProven()))
                    .toList();
        });
    }

    /** Gives the imported membership, role included, to the account the facilitator confirms. */
    @POST
    @Path("{accountId}/confirm")
    @Consumes(MediaType.WILDCARD)
    public Views.MemberView confirm(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("memberId") UUID memberId,
            @PathParam("accountId") UUID accountId,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Member member = waiting(session, collaborativeId, memberId, caller);
            Account account = session.find(Account.class, accountId);
            if (account == null || !account.email().equals(member.email())) {
                throw ApiException.notFound(
                        "claimant_not_found", "No account with this id signed up with " + member.email() + ".");
            }
            if (Access.isMember(session, collaborativeId, accountId)) {
                throw ApiException.conflict(
                        "already_member", "This account is a member of this collaborative already; remove one of the two first.");
            }
            member.linkAccount(account.id(), account.displayName());
            return Views.MemberView.of(member, MemberResource.sitesById(session, collaborativeId), true);
        });
    }

    /** An imported member of the facilitator's collaborative that no account has yet. */
    private static Member waiting(Session session, UUID collaborativeId, UUID memberId, Caller caller) {
        Access.facilitator(session, collaborativeId, caller, "confirm members' addresses");
        Member member = session.find(Member.class, memberId);
        if (member == null || !member.collaborativeId().equals(collaborativeId)) {
            throw ApiException.notFound("member_not_found", "This collaborative has no member with this id.");
        }
        if (member.accountId() != null) {
            throw ApiException.conflict("member_active", "This member has an account already; there is nothing to confirm.");
        }
        return member;
    }
}
