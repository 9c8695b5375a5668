package org.colearn.server.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.Access;
import org.colearn.server.system.Json;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * {@code GET /api/collaboratives/{id}/live-activities}: the collaborative's sessions that are live now and the activity
 * each runs, for its facilitators, who may send that activity a message (the moderation page offers a story it has
 * just approved to a failure-story circle running now). Read from the database every node writes, so any node answers
 * alike.
 */
@Path("collaboratives/{collaborativeId}/live-activities")
@Produces(MediaType.APPLICATION_JSON)
public final class LiveActivitiesResource {

    /**
     * A live session.
     *
     * @param activityType the type of the activity running now ({@code failure-circle}), or null between activities
     */
    public record LiveActivity(UUID sessionId, String title, String activityType) {}

    private final SessionFactory sessions;

    public LiveActivitiesResource(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @GET
    public List<LiveActivity> list(@PathParam("collaborativeId") UUID collaborativeId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Access.facilitator(session, collaborativeId, caller, "see which activities are running");
            List<Object[]> live = session.createNativeQuery(
                            // The id as text: H2 and PostgreSQL hand a uuid column back as different types.
                            "select cast(id as varchar(36)), title from learning_session"
                                    + " where collaborative_id = :collaborative and status = 'live' order by starts_at", Object[].class)
                    .setParameter("collaborative", collaborativeId)
                    .getResultList();
            return live.stream().map(row -> {
                UUID sessionId = UUID.fromString(String.valueOf(row[0]));
                return new LiveActivity(sessionId, String.valueOf(row[1]), running(session, sessionId));
            }).toList();
        });
    }

    /** The activity the session's log last started and has not ended since, or null. */
    private static String running(Session session, UUID sessionId) {
        List<Object[]> last = session.createNativeQuery(
                        "select type, body from session_event where session_id = :session"
                                + " and type in ('activity.started', 'activity.ended', 'activity.failed') order by seq desc",
                        Object[].class)
                .setParameter("session", sessionId)
                .setMaxResults(1)
                .getResultList();
        if (last.isEmpty() || !"activity.started".equals(last.get(0)[0])) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(String.valueOf(last.get(0)[1])).path("type").asText(null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("session " + sessionId + " logged an activity.started that is not JSON", e);
        }
    }
}
