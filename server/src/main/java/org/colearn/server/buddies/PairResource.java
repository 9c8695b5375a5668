package org.colearn.server.buddies;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.Member;
import org.colearn.server.community.MemberRole;
import org.colearn.server.community.Site;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.Validation;
import org.hibernate.SessionFactory;

/**
 * A site's own pairs: every member of the site sees the pairs published to it, and its site lead accepts or declines
 * each (with an optional reason, which goes back to the facilitator).
 */
@Path("collaboratives/{collaborativeId}/buddies/pairs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class PairResource {

    private final SessionFactory sessions;
    private final Clock clock;

    public PairResource(SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    record AnswerRequest(@NotBlank @Pattern(regexp = "accept|decline", message = "must be accept or decline") String answer,
            @Size(max = 1000) String reason) {}

    /** The pairs published to the caller's site, newest first; drafts stay with the facilitator. */
    @GET
    public List<Views.PairView> mine(@PathParam("collaborativeId") UUID collaborativeId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Member member = BuddyAccess.member(session, collaborativeId, caller);
            if (member.siteId() == null) {
                return List.of();
            }
            List<BuddyPair> pairs = session.createSelectionQuery(
                            "select p from BuddyPair p, PairSite s where s.pairId = p.id and s.siteId = :site"
                                    + " and p.status <> :proposed order by p.createdAt desc",
                            BuddyPair.class)
                    .setParameter("site", member.siteId())
                    .setParameter("proposed", PairStatus.PROPOSED)
                    .getResultList();
            Map<UUID, List<PairSite>> seats = Pairings.seats(session, pairs);
            Map<UUID, Site> sites = Pairings.sitesById(session, collaborativeId);
            Set<UUID> led = Pairings.sitesWithLead(session, collaborativeId);
            return pairs.stream()
                    .map(pair -> RoundViews.pair(pair, seats.get(pair.id()), sites, session.find(BuddyRound.class, pair.roundId()), clock, led))
                    .toList();
        });
    }

    @POST
    @Path("{pairId}/answer")
    public Views.PairView answer(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("pairId") UUID pairId,
            AnswerRequest request,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Member member = BuddyAccess.member(session, collaborativeId, caller);
            BuddyPair pair = session.find(BuddyPair.class, pairId);
            List<PairSite> seats = pair == null ? List.of() : BuddyAccess.sitesOf(session, pairId);
            PairSite mine = seats.stream().filter(seat -> seat.siteId().equals(member.siteId())).findFirst().orElse(null);
            if (pair == null || !pair.collaborativeId().equals(collaborativeId) || mine == null || pair.status() == PairStatus.PROPOSED) {
                throw ApiException.notFound("pair_not_found", "Your site has no published buddy pair with this id.");
            }
            if (member.role() != MemberRole.SITE_LEAD) {
                throw ApiException.forbidden("site_lead_only", "Only your site's lead can accept or decline a buddy pair.");
            }
            Validation.valid(request);
            if (pair.status() != PairStatus.PUBLISHED) {
                throw ApiException.conflict("pair_answered", "This pair is already " + pair.status() + ".");
            }
            if (mine.answer() != null) {
                throw ApiException.conflict("already_answered", "Your site has already " + mine.answer() + " this pair.");
            }
            String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
            if (request.answer().equals("decline")) {
                mine.answer(PairSite.DECLINED, reason, clock.instant());
                pair.decline();
            } else {
                mine.answer(PairSite.ACCEPTED, reason, clock.instant());
                if (seats.stream().allMatch(seat -> PairSite.ACCEPTED.equals(seat.answer()))) {
                    pair.activate(clock.instant());
                }
            }
            return RoundViews.pair(pair, seats, Pairings.sitesById(session, collaborativeId),
                    session.find(BuddyRound.class, pair.roundId()), clock, Pairings.sitesWithLead(session, collaborativeId));
        });
    }
}
