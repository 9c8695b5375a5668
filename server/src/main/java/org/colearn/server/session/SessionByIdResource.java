package org.colearn.server.session;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.Access;
import org.colearn.server.plugin.Plugins;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.Validation;
import org.hibernate.SessionFactory;

/** One learning session: members read it; facilitators replace its agenda. */
@Path("sessions/{sessionId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class SessionByIdResource {

    private final SessionFactory sessions;
    private final Plugins plugins;
    private final AgendaListener listener;
    private final GuestsListener guestsListener;

    public SessionByIdResource(SessionFactory sessions, Plugins plugins, AgendaListener listener, GuestsListener guestsListener) {
        this.sessions = sessions;
        this.plugins = plugins;
        this.listener = listener;
        this.guestsListener = guestsListener;
    }

    @GET
    public SessionResource.SessionView get(@PathParam("sessionId") UUID sessionId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            LearningSession learningSession = SessionResource.find(session, sessionId, caller);
            boolean facilitator = Access.member(session, learningSession.collaborativeId(), caller).isFacilitator();
            return SessionResource.view(session, learningSession, facilitator);
        });
    }

    /** The session as an iCalendar file ({@code .ics}) to add to a calendar. */
    @GET
    @Path("calendar.ics")
    @Produces("text/calendar")
    public jakarta.ws.rs.core.Response calendar(
            @PathParam("sessionId") UUID sessionId, @Context SecurityContext security, @Context jakarta.ws.rs.core.UriInfo uri) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            LearningSession learningSession = SessionResource.find(session, sessionId, caller);
            String link = uri.getBaseUri().resolve("/").toString() + "#/sessions/" + sessionId;
            byte[] ics = CalendarExport.ics(learningSession, SessionResource.agenda(session, sessionId), link, java.time.Instant.now());
            return jakarta.ws.rs.core.Response.ok(ics)
                    .header("Content-Disposition", "attachment; filename=\"" + CalendarExport.fileName(learningSession) + "\"")
                    .build();
        });
    }

    /** The results the session's activities published, the latest under each title (facilitators). */
    @GET
    @Path("results")
    public List<SessionResults.ResultView> results(@PathParam("sessionId") UUID sessionId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            LearningSession learningSession = SessionResource.find(session, sessionId, caller);
            Access.facilitator(session, learningSession.collaborativeId(), caller, "download the session's results");
            return SessionResults.list(session, sessionId);
        });
    }

    /** One result as a file: {@code results/12.md}, {@code .csv} or {@code .json}. */
    @GET
    @Path("results/{seq: [0-9]{1,18}}.{format: [a-z]{1,8}}")
    @Produces({"application/json", "text/markdown", "text/csv"})
    public jakarta.ws.rs.core.Response result(@PathParam("sessionId") UUID sessionId, @PathParam("seq") long seq,
            @PathParam("format") String format, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        SessionResults.Download download = sessions.fromTransaction(session -> {
            LearningSession learningSession = SessionResource.find(session, sessionId, caller);
            Access.facilitator(session, learningSession.collaborativeId(), caller, "download the session's results");
            return SessionResults.download(session, sessionId, seq, format);
        });
        return jakarta.ws.rs.core.Response.ok(download.content(), download.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                .build();
    }

    record GuestSwitch(@jakarta.validation.constraints.NotNull Boolean allowed) {}

    /** Lets guests join with the session's code, or stops them (those already in are sent away at once). */
    @PUT
    @Path("guests")
    public SessionResource.SessionView guests(
            @PathParam("sessionId") UUID sessionId, GuestSwitch request, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        SessionResource.SessionView switched = sessions.fromTransaction(session -> {
            LearningSession learningSession = SessionResource.find(session, sessionId, caller);
            Access.facilitator(session, learningSession.collaborativeId(), caller, "switch guests on or off");
            Validation.valid(request);
            learningSession.guestsAllowed(request.allowed());
            return SessionResource.view(session, learningSession, true);
        });
        guestsListener.guestsSwitched(sessionId);
        return switched;
    }

    /** Replaces the whole agenda, in the order given. */
    @PUT
    @Path("agenda")
    public SessionResource.SessionView replaceAgenda(
            @PathParam("sessionId") UUID sessionId, List<SessionResource.AgendaItemRequest> agenda, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        SessionResource.SessionView changed = sessions.fromTransaction(session -> {
            LearningSession learningSession = SessionResource.find(session, sessionId, caller);
            Access.facilitator(session, learningSession.collaborativeId(), caller, "change the agenda");
            if (agenda == null) {
                throw ApiException.badRequest("body_required", "Send the agenda as a JSON list of items.");
            }
            Validation.valid(new SessionResource.SessionRequest("agenda", Instant.EPOCH, 5, agenda));
            SessionResource.replaceAgenda(session, sessionId, agenda, plugins);
            return SessionResource.view(session, learningSession, true);
        });
        listener.agendaChanged(sessionId);
        return changed;
    }
}
