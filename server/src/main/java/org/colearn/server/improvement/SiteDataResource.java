package org.colearn.server.improvement;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.colearn.server.auth.Tokens;
import org.colearn.server.community.Site;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.Public;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Where a site's own systems send its values, with the site's data token as {@code Authorization: Bearer cdt_...}.
 * The token opens this site's measures and nothing else: no person's login, no other site, no other collaborative.
 */
@Path("site-data/measures")
@Public
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class SiteDataResource {

    private final SessionFactory sessions;
    private final Clock clock;

    public SiteDataResource(SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @GET
    public List<Views.MeasureView> measures(@Context HttpHeaders headers) {
        return sessions.fromTransaction(session -> {
            SiteDataToken token = token(session, headers);
            return session.createSelectionQuery(
                            "from Measure where collaborativeId = :c and (siteId is null or siteId = :s) order by siteId nulls first, name",
                            Measure.class)
                    .setParameter("c", token.collaborativeId())
                    .setParameter("s", token.siteId())
                    .getResultList()
                    .stream()
                    .map(Views.MeasureView::of)
                    .toList();
        });
    }

    @POST
    @Path("{measureId}/values")
    public ValueResource.Written send(
            @PathParam("measureId") UUID measureId, ValueResource.ValuesRequest request, @Context HttpHeaders headers) {
        return sessions.fromTransaction(session -> {
            SiteDataToken token = token(session, headers);
            Measure measure = session.find(Measure.class, measureId);
            if (measure == null || !measure.collaborativeId().equals(token.collaborativeId())) {
                throw ApiException.notFound("measure_not_found", "This site has no measure with this id.");
            }
            DataAccess.measureOfSite(measure, session.find(Site.class, token.siteId()));
            return ValueResource.Written.of(
                    new ValueWriting(session, measure, token.siteId()), request, ValueChange.Source.API, "data token " + token.label(), clock);
        });
    }

    private SiteDataToken token(Session session, HttpHeaders headers) {
        String header = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        String secret = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        if (!secret.startsWith(TokenResource.PREFIX)) {
            throw ApiException.unauthorized("data_token_missing", "Send the site's data token as Authorization: Bearer cdt_...");
        }
        SiteDataToken token = session.createSelectionQuery("from SiteDataToken where tokenHash = :h", SiteDataToken.class)
                .setParameter("h", Tokens.hash(secret))
                .uniqueResult();
        if (token == null || token.revokedAt() != null) {
            throw ApiException.unauthorized("data_token_invalid", "This data token is unknown or has been revoked; ask the site lead for a new one.");
        }
        token.used(clock.instant());
        return token;
    }
}
