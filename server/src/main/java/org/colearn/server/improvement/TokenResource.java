package org.colearn.server.improvement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.colearn.server.auth.Tokens;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.SingleLine;
import org.colearn.server.system.Validation;
import org.hibernate.SessionFactory;

/** A site's data tokens: its lead or a facilitator creates one (shown once), lists them and revokes them. */
@Path("collaboratives/{collaborativeId}/sites/{siteId}/data-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class TokenResource {

    static final String PREFIX = "cdt_";

    private final SessionFactory sessions;
    private final Clock clock;

    public TokenResource(SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    record TokenRequest(@SingleLine @NotBlank @Size(max = 120) String label) {}

    record TokenView(UUID id, String label, String createdBy, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
        static TokenView of(SiteDataToken t) {
            return new TokenView(t.id(), t.label(), t.createdBy(), t.createdAt(), t.lastUsedAt(), t.revokedAt());
        }
    }

    /** The new token's secret, which the server shows this once and keeps only hashed. */
    record CreatedToken(TokenView token, String secret) {}

    @GET
    public List<TokenView> list(
            @PathParam("collaborativeId") UUID collaborativeId, @PathParam("siteId") UUID siteId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            DataAccess.lead(session, collaborativeId, siteId, caller, "see its data tokens");
            return session.createSelectionQuery("from SiteDataToken where siteId = :s order by createdAt desc", SiteDataToken.class)
                    .setParameter("s", siteId)
                    .getResultList()
                    .stream()
                    .map(TokenView::of)
                    .toList();
        });
    }

    @POST
    public Response create(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("siteId") UUID siteId,
            TokenRequest request,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        CreatedToken created = sessions.fromTransaction(session -> {
            DataAccess.lead(session, collaborativeId, siteId, caller, "create data tokens");
            Validation.valid(request);
            String secret = PREFIX + Tokens.random(32);
            SiteDataToken token = new SiteDataToken(
                    collaborativeId, siteId, request.label().strip(), Tokens.hash(secret), caller.displayName(), clock.instant());
            session.persist(token);
            return new CreatedToken(TokenView.of(token), secret);
        });
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @DELETE
    @Path("{tokenId}")
    public TokenView revoke(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("siteId") UUID siteId,
            @PathParam("tokenId") UUID tokenId,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            DataAccess.lead(session, collaborativeId, siteId, caller, "revoke data tokens");
            SiteDataToken token = session.find(SiteDataToken.class, tokenId);
            if (token == null || !token.siteId().equals(siteId)) {
                throw ApiException.notFound("token_not_found", "This site has no data token with this id.");
            }
            token.revoke(clock.instant());
            return TokenView.of(token);
        });
    }
}
