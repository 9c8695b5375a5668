package org.colearn.server.session;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.Access;
import org.colearn.server.plugin.Plugins;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.SingleLine;
import org.colearn.server.system.Validation;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/** The learning sessions of a collaborative: facilitators plan them; members list them. */
@Path("collaboratives/{collaborativeId}/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class SessionResource {

    private final SessionFactory sessions;
    private final Clock clock;
    private final Plugins plugins;

    public SessionResource(SessionFactory sessions, Clock clock, Plugins plugins) {
        this.sessions = sessions;
        this.clock = clock;
        this.plugins = plugins;
    }

    public record AgendaItemRequest(
            UUID id,
            @SingleLine @NotBlank @Size(max = 200) String title,
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be an activity id such as plenary or world-cafe") String activityType,
            @NotNull @Min(1) @Max(480) Integer plannedMinutes,
            JsonNode config) {}

    public record SessionRequest(
            @SingleLine @NotBlank @Size(max = 200) String title,
            @NotNull Instant startsAt,
            @NotNull @Min(5) @Max(1440) Integer durationMinutes,
            @Size(max = 100) List<@Valid @NotNull AgendaItemRequest> agenda) {}

    record AgendaItemView(UUID id, int position, String title, String activityType, int plannedMinutes, JsonNode config) {}

    /** A session; {@code joinCode} and {@code guestsAllowed} reach facilitators only (null for anyone else). */
    record SessionView(
            UUID id,
            UUID collaborativeId,
            String title,
            Instant startsAt,
            int durationMinutes,
            List<AgendaItemView> agenda,
            String status,
            String joinCode,
            Boolean guestsAllowed) {}

    @POST
    public Response create(
            @PathParam("collaborativeId") UUID collaborativeId, SessionRequest request, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        SessionView created = sessions.fromTransaction(session -> {
            Access.facilitator(session, collaborativeId, caller, "plan learning sessions");
            Validation.valid(request);
            LearningSession learningSession = new LearningSession(collaborativeId, caller.accountId(), clock.instant(), Guests.newCode());
            learningSession.update(request.title().strip(), request.startsAt(), request.durationMinutes());
            session.persist(learningSession);
            replaceAgenda(session, learningSession.id(), request.agenda() == null ? List.of() : request.agenda(), plugins);
            return view(session, learningSession, true);
        });
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    public List<SessionView> list(@PathParam("collaborativeId") UUID collaborativeId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            boolean facilitator = Access.member(session, collaborativeId, caller).isFacilitator();
            return session.createSelectionQuery(
                            "from LearningSession where collaborativeId = :id order by startsAt", LearningSession.class)
                    .setParameter("id", collaborativeId)
                    .getResultList()
                    .stream()
                    .map(s -> view(session, s, facilitator))
                    .toList();
        });
    }

    /** The session, or 404 when it does not exist or the caller is not a member of its collaborative. */
    static LearningSession find(Session session, UUID sessionId, Caller caller) {
        LearningSession learningSession = session.find(LearningSession.class, sessionId);
        if (learningSession == null) {
            throw notFound();
        }
        try {
            Access.member(session, learningSession.collaborativeId(), caller);
        } catch (ApiException e) {
            throw notFound();
        }
        return learningSession;
    }

    static List<AgendaItem> agenda(Session session, UUID sessionId) {
        return session.createSelectionQuery("from AgendaItem where sessionId = :id order by position", AgendaItem.class)
                .setParameter("id", sessionId)
                .getResultList();
    }

    /**
     * Replaces the agenda. The configuration of an item whose activity type is installed must be a valid
     * configuration of that type; items of types not installed here keep theirs as given.
     */
    static void replaceAgenda(Session session, UUID sessionId, List<AgendaItemRequest> items, Plugins plugins) {
        List<String> configs = new java.util.ArrayList<>();
        List<AgendaItem> current = agenda(session, sessionId);
        java.util.Set<UUID> existing = new java.util.HashSet<>();
        current.forEach(item -> existing.add(item.id()));
        java.util.Set<UUID> kept = new java.util.HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            AgendaItemRequest item = items.get(i);
            if (item.id() != null && (!existing.contains(item.id()) || !kept.add(item.id()))) {
                throw ApiException.invalid("agenda[" + i + "].id", "must be the id of an item of this session, once; leave it out for a new item");
            }
            configs.add(ActivityConfigs.check(plugins, item.activityType(), item.config(), "agenda[" + i + "].config"));
        }
        current.forEach(session::remove);
        session.flush();
        for (int i = 0; i < items.size(); i++) {
            AgendaItemRequest item = items.get(i);
            session.persist(new AgendaItem(item.id(), sessionId, i, item.title().strip(), item.activityType(), item.plannedMinutes(), configs.get(i)));
        }
        session.flush();
    }

    /** The session as this member sees it: facilitators also get the join code and the guest switch. */
    static SessionView view(Session session, LearningSession s, boolean facilitator) {
        SessionView view = view(session, s);
        if (facilitator) {
            return new SessionView(view.id(), view.collaborativeId(), view.title(), view.startsAt(), view.durationMinutes(), view.agenda(), view.status(), s.joinCode(), s.guestsAllowed());
        }
        // A poll's question and answers are for when it runs, not for reading ahead.
        List<AgendaItemView> withoutConfig = view.agenda().stream()
                .map(i -> new AgendaItemView(i.id(), i.position(), i.title(), i.activityType(), i.plannedMinutes(), null))
                .toList();
        return new SessionView(view.id(), view.collaborativeId(), view.title(), view.startsAt(), view.durationMinutes(), withoutConfig, view.status(), null, null);
    }

    static SessionView view(Session session, LearningSession s) {
        List<AgendaItemView> items = agenda(session, s.id()).stream()
                .map(i -> new AgendaItemView(i.id(), i.position(), i.title(), i.activityType(), i.plannedMinutes(), ActivityConfigs.read(i.config())))
                .toList();
        return new SessionView(s.id(), s.collaborativeId(), s.title(), s.startsAt(), s.durationMinutes(), items, status(session, s.id()), null, null);
    }

    /**
     * {@code scheduled}, {@code live} or {@code ended}, as the live engine keeps it beside its log; a session created in
     * this very transaction may not be written yet, and is scheduled.
     */
    private static String status(Session session, UUID sessionId) {
        return session.createNativeQuery("select status from learning_session where id = :id", String.class)
                .setParameter("id", sessionId)
                .getResultStream()
                .findFirst()
                .orElse("scheduled");
    }

    private static ApiException notFound() {
        return ApiException.notFound("session_not_found", "There is no learning session with this id that you can see.");
    }
}
