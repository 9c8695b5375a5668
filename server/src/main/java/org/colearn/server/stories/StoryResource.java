package org.colearn.server.stories;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.colearn.plugin.api.Stories.Credit;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.Access;
import org.colearn.server.community.Collaborative;
import org.colearn.server.community.Member;
import org.hibernate.SessionFactory;

/** A collaborative's catalogue of failure stories: post a story, search and filter, export a selection. */
@Path("collaboratives/{collaborativeId}/stories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class StoryResource {

    private final SessionFactory sessions;
    private final Clock clock;
    private final StorySearch search;

    StoryResource(SessionFactory sessions, Clock clock, StorySearch search) {
        this.sessions = sessions;
        this.clock = clock;
        this.search = search;
    }

    @POST
    public Response post(
            @PathParam("collaborativeId") UUID collaborativeId,
            StoryRequests.NewStory request,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        StoryViews.Created<StoryViews.StoryView> created = sessions.fromTransaction(session -> {
            Member author = Access.member(session, collaborativeId, caller);
            StoryRequests.valid(request);
            StoryRequests.checkForPatientData(request.texts(), request.confirmNotIdentifying());
            if (request.credit() == Credit.SITE && author.siteId() == null) {
                throw org.colearn.server.system.ApiException.invalid("credit", "can be 'team' only once you belong to a site");
            }
            String editKey = request.credit() == Credit.ANONYMOUS ? EditKeys.create() : null;
            Instant now = PostingTime.kept(clock.instant(), request.credit());
            Story story = new Story(collaborativeId, request.credit(), author.id(), author.siteId(),
                    editKey == null ? null : EditKeys.hash(editKey), now);
            story.write(request, now);
            StoryWriting.scope(session, story, request.visibility(), request.sessionId(), author.siteId());
            StoryWriting.faculty(story, request.faculty(), author);
            StoryWriting.reindex(session, story);
            if (story.anonymous()) {
                // Written later by the mixer, among others, so that nothing in its table sits beside this request.
                Spool.put(session, new Spool.SpooledStory(story.id(), collaborativeId, story.scopeSiteId(), now,
                        story.editKeyHash(), request.withoutDraft()), clock.instant());
            } else {
                session.persist(story);
            }
            if (request.draftId() != null) {
                // The draft is the last thing that could tie an anonymous story to its author: it goes with the posting.
                session.createMutationQuery("delete from StoryDraft where id = :id and memberId = :member")
                        .setParameter("id", request.draftId())
                        .setParameter("member", author.id())
                        .executeUpdate();
            }
            session.flush();
            Audience audience = Audience.of(session, caller);
            StoryViews.StoryView view = StoryViews.of(session, story, audience, caller, editKey != null);
            return new StoryViews.Created<>(story.anonymous() ? StoryViews.posting(view) : view, editKey);
        });
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    public List<StoryViews.StoryView> list(
            @PathParam("collaborativeId") UUID collaborativeId,
            @QueryParam("q") String q,
            @QueryParam("topic") String topic,
            @QueryParam("changeIdea") String changeIdea,
            @QueryParam("siteId") UUID siteId,
            @QueryParam("kind") String kind,
            @QueryParam("tag") String tag,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Access.member(session, collaborativeId, caller);
            Audience audience = Audience.of(session, caller);
            Catalogue.Filters filters = new Catalogue.Filters(q, topic, changeIdea, siteId, kind, tag);
            return StoryViews.of(session, Catalogue.search(session, collaborativeId, audience, filters, search), audience, caller, false);
        });
    }

    /** The values the catalogue's filters offer, from the stories the caller may read. */
    record Facets(List<String> topics, List<String> changeIdeas, List<String> tags, List<SiteChoice> sites) {}

    record SiteChoice(UUID id, String name) {}

    @GET
    @Path("facets")
    public Facets facets(@PathParam("collaborativeId") UUID collaborativeId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Access.member(session, collaborativeId, caller);
            Audience audience = Audience.of(session, caller);
            TreeSet<String> topics = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            TreeSet<String> ideas = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            TreeSet<String> tags = new TreeSet<>();
            Map<String, UUID> sites = new TreeMap<>();
            for (StoryViews.StoryView story : StoryViews.of(
                    session, Catalogue.readable(session, collaborativeId, audience), audience, caller, false)) {
                topics.add(story.topic());
                ideas.add(story.changeIdea());
                tags.addAll(story.tags());
                if (story.siteId() != null && story.siteName() != null) {
                    sites.put(story.siteName(), story.siteId());
                }
            }
            return new Facets(List.copyOf(topics), List.copyOf(ideas), List.copyOf(tags),
                    sites.entrySet().stream().map(e -> new SiteChoice(e.getValue(), e.getKey())).toList());
        });
    }

    /** The chosen stories (every readable one when none is named) as one Markdown file. */
    @GET
    @Path("export.md")
    @Produces("text/markdown")
    public Response export(
            @PathParam("collaborativeId") UUID collaborativeId,
            @QueryParam("id") List<UUID> ids,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        String markdown = sessions.fromTransaction(session -> {
            Access.member(session, collaborativeId, caller);
            Audience audience = Audience.of(session, caller);
            List<Story> readable = Catalogue.readable(session, collaborativeId, audience).stream()
                    .filter(story -> audience.canRead(story))
                    .toList();
            List<Story> chosen = readable;
            if (ids != null && !ids.isEmpty()) {
                chosen = readable.stream().filter(story -> ids.contains(story.id())).toList();
                if (chosen.size() != new java.util.HashSet<>(ids).size()) {
                    throw StoryWriting.notFound();
                }
            }
            String name = session.find(Collaborative.class, collaborativeId).name();
            return MarkdownExport.of(name, StoryViews.of(session, chosen, audience, caller, false));
        });
        return Response.ok(markdown, "text/markdown; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"failure-stories.md\"")
                .build();
    }
}
