package org.colearn.server.stories;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.Access;
import org.hibernate.SessionFactory;

/**
 * The facilitators' queue: stories of their collaborative awaiting approval, and reported stories and comments with
 * the reasons given, limited to the stories whose scope includes the facilitator. Oldest first, by their kept times
 * (an anonymous story's week) and then by their random ids, so that a week's anonymous stories are not listed in the
 * order they were posted.
 */
@Path("collaboratives/{collaborativeId}/stories/moderation")
@Produces(MediaType.APPLICATION_JSON)
public final class ModerationQueueResource {

    private final SessionFactory sessions;

    ModerationQueueResource(SessionFactory sessions) {
        this.sessions = sessions;
    }

    record Report(UUID commentId, String reason, Instant reportedWeekOf) {}

    record QueueItem(StoryViews.StoryView story, List<Report> reports, List<StoryViews.CommentView> reportedComments) {}

    @GET
    public List<QueueItem> queue(@PathParam("collaborativeId") UUID collaborativeId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Access.facilitator(session, collaborativeId, caller, "moderate stories");
            Audience audience = Audience.of(session, caller);
            Map<UUID, List<Report>> reports = new LinkedHashMap<>();
            for (Object[] row : session.createNativeQuery(
                            "select r.story_id, r.comment_id, r.reason, r.created_at from story_report r join story s on s.id = r.story_id"
                                    + " where s.collaborative_id = :collaborative order by r.created_at, r.id",
                            Object[].class)
                    .setParameter("collaborative", collaborativeId)
                    .getResultList()) {
                reports.computeIfAbsent(Reactions.uuid(row[0]), id -> new ArrayList<>()).add(new Report(
                        row[1] == null ? null : Reactions.uuid(row[1]), (String) row[2], instant(row[3])));
            }
            List<Story> stories = session.createSelectionQuery(
                            "from Story where collaborativeId = :collaborative order by createdAt, id", Story.class)
                    .setParameter("collaborative", collaborativeId)
                    .getResultList()
                    .stream()
                    .filter(audience::canModerate)
                    .filter(story -> story.status() == StoryStatus.PENDING || reports.containsKey(story.id()))
                    .toList();
            List<StoryViews.StoryView> views = StoryViews.of(session, stories, audience, caller, false);
            List<QueueItem> queue = new ArrayList<>();
            for (StoryViews.StoryView view : views) {
                List<Report> storyReports = reports.getOrDefault(view.id(), List.of());
                List<UUID> commentIds = storyReports.stream().map(Report::commentId).filter(java.util.Objects::nonNull).toList();
                List<StoryComment> comments = commentIds.isEmpty() ? List.of() : session.createSelectionQuery(
                                "from StoryComment where id in :ids", StoryComment.class)
                        .setParameter("ids", commentIds)
                        .getResultList();
                queue.add(new QueueItem(view, storyReports, StoryViews.comments(session, comments, audience, true)));
            }
            return queue;
        });
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toInstant();
        }
        return Instant.parse(value.toString());
    }
}
