package org.colearn.server.buddies;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.colearn.server.auth.Caller;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.SingleLine;
import org.colearn.server.system.Validation;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Pairing rounds, for facilitators: create a round, run the engine (on every site or a subset), swap and pin
 * proposed pairs, re-run, and publish the proposal to the site leads.
 */
@Path("collaboratives/{collaborativeId}/buddies/rounds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class RoundResource {

    private final SessionFactory sessions;
    private final Clock clock;

    public RoundResource(SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    record RoundRequest(@SingleLine @NotBlank @Size(max = 120) String name, @Min(1) @Max(365) Integer quietAfterDays) {}

    record RunRequest(@Size(max = 2000) List<UUID> siteIds) {}

    record SwapRequest(@NotNull UUID siteId, @NotNull UUID otherSiteId) {}

    record PinRequest(@NotNull Boolean pinned) {}

    @GET
    public List<Views.RoundSummary> list(@PathParam("collaborativeId") UUID collaborativeId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            BuddyAccess.facilitator(session, collaborativeId, caller, "see pairing rounds");
            return rounds(session, collaborativeId).stream().map(round -> {
                List<BuddyPair> pairs = Pairings.pairsOf(session, round.id());
                return new Views.RoundSummary(round.id(), round.name(), round.quietAfterDays(), round.createdAt(), pairs.size(),
                        pairs.stream().filter(p -> p.status() == PairStatus.ACTIVE).count(),
                        pairs.stream().filter(p -> p.quiet(clock, round.quietAfterDays())).count());
            }).toList();
        });
    }

    @POST
    public Response create(
            @PathParam("collaborativeId") UUID collaborativeId, RoundRequest request, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Views.RoundView created = sessions.fromTransaction(session -> {
            BuddyAccess.facilitator(session, collaborativeId, caller, "start a pairing round");
            Validation.valid(request);
            String name = request.name().strip();
            if (rounds(session, collaborativeId).stream().anyMatch(r -> r.name().equalsIgnoreCase(name))) {
                throw ApiException.conflict("round_name_taken", "This collaborative already has a pairing round called " + name + ".");
            }
            BuddyRound round = new BuddyRound(
                    collaborativeId, name, request.quietAfterDays() == null ? 28 : request.quietAfterDays(), clock.instant());
            session.persist(round);
            return RoundViews.round(session, round, clock, List.of());
        });
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("{roundId}")
    public Views.RoundView read(
            @PathParam("collaborativeId") UUID collaborativeId, @PathParam("roundId") UUID roundId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            BuddyAccess.facilitator(session, collaborativeId, caller, "see pairing rounds");
            return RoundViews.round(session, round(session, collaborativeId, roundId), clock, List.of());
        });
    }

    /** Proposes pairs for the sites still free in the round, keeping pinned, published and active pairs. */
    @POST
    @Path("{roundId}/run")
    public Views.RoundView run(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("roundId") UUID roundId,
            RunRequest request,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            BuddyAccess.facilitator(session, collaborativeId, caller, "run a pairing");
            BuddyRound round = round(session, collaborativeId, roundId);
            List<UUID> siteIds = request == null ? null : Validation.valid(request).siteIds();
            List<Views.Unplaced> unplaced = Pairings.run(session, round, siteIds, clock);
            session.flush();
            return RoundViews.round(session, round, clock, unplaced);
        });
    }

    @POST
    @Path("{roundId}/swap")
    public Views.RoundView swap(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("roundId") UUID roundId,
            SwapRequest request,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            BuddyAccess.facilitator(session, collaborativeId, caller, "change proposed pairs");
            BuddyRound round = round(session, collaborativeId, roundId);
            Validation.valid(request);
            Pairings.swap(session, round, request.siteId(), request.otherSiteId());
            session.flush();
            return RoundViews.round(session, round, clock, List.of());
        });
    }

    @PUT
    @Path("{roundId}/pairs/{pairId}/pin")
    public Views.RoundView pin(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("roundId") UUID roundId,
            @PathParam("pairId") UUID pairId,
            PinRequest request,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            BuddyAccess.facilitator(session, collaborativeId, caller, "pin proposed pairs");
            BuddyRound round = round(session, collaborativeId, roundId);
            Validation.valid(request);
            BuddyPair pair = session.find(BuddyPair.class, pairId);
            if (pair == null || !pair.roundId().equals(roundId)) {
                throw ApiException.notFound("pair_not_found", "This round has no pair with this id.");
            }
            if (pair.status() != PairStatus.PROPOSED) {
                throw ApiException.conflict("pair_published", "Only proposed pairs can be pinned: this one is " + pair.status() + ".");
            }
            pair.pin(request.pinned());
            return RoundViews.round(session, round, clock, List.of());
        });
    }

    /** Sends every proposed pair to its site leads, who accept or decline. */
    @POST
    @Path("{roundId}/publish")
    public Views.RoundView publish(
            @PathParam("collaborativeId") UUID collaborativeId, @PathParam("roundId") UUID roundId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            BuddyAccess.facilitator(session, collaborativeId, caller, "publish pairs");
            BuddyRound round = round(session, collaborativeId, roundId);
            List<BuddyPair> proposed = Pairings.pairsOf(session, roundId).stream()
                    .filter(pair -> pair.status() == PairStatus.PROPOSED)
                    .toList();
            if (proposed.isEmpty()) {
                throw ApiException.conflict("nothing_to_publish", "This round has no proposed pairs. Run a pairing first.");
            }
            proposed.forEach(pair -> pair.publish(clock.instant()));
            return RoundViews.round(session, round, clock, List.of());
        });
    }

    private static List<BuddyRound> rounds(Session session, UUID collaborativeId) {
        return session.createSelectionQuery("from BuddyRound where collaborativeId = :c order by createdAt desc", BuddyRound.class)
                .setParameter("c", collaborativeId)
                .getResultList();
    }

    static BuddyRound round(Session session, UUID collaborativeId, UUID roundId) {
        BuddyRound round = roundId == null ? null : session.find(BuddyRound.class, roundId);
        if (round == null || !round.collaborativeId().equals(collaborativeId)) {
            throw ApiException.notFound("round_not_found", "This collaborative has no pairing round with this id.");
        }
        return round;
    }
}
