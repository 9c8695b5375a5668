package org.colearn.server.buddies;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.Member;
import org.colearn.server.community.MemberRole;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.Validation;
import org.hibernate.SessionFactory;

/**
 * An active pair's private space: check-ins (what each side gave and got), planned peer-review visits with their
 * purpose, notes with links, the next steps it agreed (which either site marks done), and the partner site's people.
 * Only the pair's own sites' members read and write it; facilitators read it only when a site lead of the pair
 * invites them. Everyone else gets 404. A space has the id of its pair. It also lists the pair's failure stories that
 * the reader may read in the catalogue.
 */
@Path("collaboratives/{collaborativeId}/buddies/spaces/{pairId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class SpaceResource {

    private final SessionFactory sessions;
    private final Clock clock;
    private final PairStories stories;

    public SpaceResource(SessionFactory sessions, Clock clock, PairStories stories) {
        this.sessions = sessions;
        this.clock = clock;
        this.stories = stories;
    }

    record CheckInRequest(@Size(max = 2000) String gave, @Size(max = 2000) String got) {}

    record VisitRequest(
            @NotNull UUID hostSiteId,
            @NotNull UUID visitingSiteId,
            @NotBlank @Pattern(regexp = "support|assurance", message = "must be support or assurance") String purpose,
            @NotNull LocalDate plannedOn,
            @Size(max = 2000) String note) {}

    record NoteRequest(
            @NotBlank @Size(max = 4000) String text,
            @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be a web address starting with http:// or https://") String link) {}

    record FacultyRequest(@NotNull Boolean invited) {}

    record StepRequest(@NotNull Boolean done) {}

    @GET
    public Views.SpaceView read(
            @PathParam("collaborativeId") UUID collaborativeId, @PathParam("pairId") UUID pairId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Member member = BuddyAccess.member(session, collaborativeId, caller);
            BuddyPair pair = BuddyAccess.pairSpace(session, collaborativeId, pairId, member);
            return Spaces.view(session, pair, member, clock, stories, caller);
        });
    }

    @POST
    @Path("check-ins")
    public Response checkIn(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("pairId") UUID pairId,
            CheckInRequest request,
            @Context SecurityContext security) {
        return add(collaborativeId, pairId, request, security, (session, pair, member) -> {
            String gave = blankToEmpty(request.gave());
            String got = blankToEmpty(request.got());
            if (gave.isEmpty() && got.isEmpty()) {
                throw ApiException.invalid("gave", "or got must say something: what your site gave, or what it got");
            }
            session.persist(new CheckIn(pair.id(), member.siteId(), member.id(), gave, got, clock.instant()));
            pair.checkedIn(clock.instant());
        });
    }

    @POST
    @Path("visits")
    public Response planVisit(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("pairId") UUID pairId,
            VisitRequest request,
            @Context SecurityContext security) {
        return add(collaborativeId, pairId, request, security, (session, pair, member) -> {
            List<UUID> sites = BuddyAccess.sitesOf(session, pair.id()).stream().map(PairSite::siteId).toList();
            if (!sites.contains(request.hostSiteId())) {
                throw ApiException.invalid("hostSiteId", "is not a site of this pair");
            }
            if (!sites.contains(request.visitingSiteId()) || request.visitingSiteId().equals(request.hostSiteId())) {
                throw ApiException.invalid("visitingSiteId", "must be the other site of this pair");
            }
            String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
            session.persist(new Visit(pair.id(), request.hostSiteId(), request.visitingSiteId(), request.purpose(),
                    request.plannedOn(), note, member.id(), clock.instant()));
        });
    }

    @POST
    @Path("notes")
    public Response addNote(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("pairId") UUID pairId,
            NoteRequest request,
            @Context SecurityContext security) {
        return add(collaborativeId, pairId, request, security, (session, pair, member) -> {
            String link = request.link() == null || request.link().isBlank() ? null : request.link().strip();
            session.persist(new PairNote(pair.id(), member.id(), request.text().strip(), link, clock.instant()));
        });
    }

    /** A member of either site marks one of the pair's next steps done, or open again. */
    @PUT
    @Path("steps/{stepId}")
    public Views.SpaceView step(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("pairId") UUID pairId,
            @PathParam("stepId") UUID stepId,
            StepRequest request,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Member member = BuddyAccess.member(session, collaborativeId, caller);
            BuddyPair pair = BuddyAccess.ownPair(session, collaborativeId, pairId, member);
            Validation.valid(request);
            PairStep step = stepId == null ? null : session.find(PairStep.class, stepId);
            if (step == null || !step.pairId().equals(pair.id())) {
                throw ApiException.notFound("step_not_found", "This pair has no next step with this id: reload its space to see its steps.");
            }
            if (step.done() != request.done()) {
                step.done(request.done(), member.id(), clock.instant());
            }
            session.flush();
            return Spaces.view(session, pair, member, clock, stories, caller);
        });
    }

    /** A site lead of the pair lets the faculty read the space, or stops them. */
    @PUT
    @Path("faculty")
    public Views.SpaceView faculty(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("pairId") UUID pairId,
            FacultyRequest request,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Member member = BuddyAccess.member(session, collaborativeId, caller);
            BuddyPair pair = BuddyAccess.ownPair(session, collaborativeId, pairId, member);
            requireLead(member);
            Validation.valid(request);
            pair.inviteFaculty(request.invited());
            return Spaces.view(session, pair, member, clock, stories, caller);
        });
    }

    /** What one of the pair's own members adds to its space, once they and their request are checked. */
    private interface Addition {
        void apply(org.hibernate.Session session, BuddyPair pair, Member member);
    }

    /** Checks the caller is a member of the pair and the request is valid, adds to the space, answers 201 with it. */
    private Response add(UUID collaborativeId, UUID pairId, Object request, SecurityContext security, Addition addition) {
        Caller caller = Caller.of(security);
        Views.SpaceView space = sessions.fromTransaction(session -> {
            Member member = BuddyAccess.member(session, collaborativeId, caller);
            BuddyPair pair = BuddyAccess.ownPair(session, collaborativeId, pairId, member);
            Validation.valid(request);
            addition.apply(session, pair, member);
            session.flush();
            return Spaces.view(session, pair, member, clock, stories, caller);
        });
        return Response.status(Response.Status.CREATED).entity(space).build();
    }

    private static void requireLead(Member member) {
        if (member.role() != MemberRole.SITE_LEAD) {
            throw ApiException.forbidden("site_lead_only", "Only a site lead of this pair can invite the faculty into its space.");
        }
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text.strip();
    }

}
