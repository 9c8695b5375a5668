package org.colearn.server.buddies;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.Member;
import org.colearn.server.community.MemberRole;
import org.colearn.server.community.Site;
import org.colearn.server.system.ApiException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Sites' buddy profiles: a site's lead (or a facilitator) writes it; the site's members and facilitators read it;
 * facilitators list them all. Also the fixed list of regions a profile can pick.
 */
@Path("collaboratives/{collaborativeId}/buddies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ProfileResource {

    private final SessionFactory sessions;
    private final Clock clock;

    public ProfileResource(SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The regions a profile can name instead of coordinates, with their approximate centroids. */
    @GET
    @Path("regions")
    public List<UkRegions.Region> regions(@PathParam("collaborativeId") UUID collaborativeId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        sessions.inTransaction(session -> BuddyAccess.member(session, collaborativeId, caller));
        return List.copyOf(UkRegions.ALL.values());
    }

    /** Every site with its profile (empty when not filled in yet): for facilitators. */
    @GET
    @Path("profiles")
    public List<Views.ProfileView> list(@PathParam("collaborativeId") UUID collaborativeId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            BuddyAccess.facilitator(session, collaborativeId, caller, "see every site's buddy profile");
            Map<UUID, BuddyProfile> profiles = Profiles.byCollaborative(session, collaborativeId);
            return Profiles.sites(session, collaborativeId).stream()
                    .map(site -> Views.ProfileView.of(site, profiles.get(site.id()), true))
                    .toList();
        });
    }

    @GET
    @Path("profiles/{siteId}")
    public Views.ProfileView read(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("siteId") UUID siteId,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Site site = BuddyAccess.site(session, collaborativeId, siteId, null);
            Member member = BuddyAccess.profileReader(session, collaborativeId, site, caller);
            boolean editable = member.isFacilitator()
                    || (site.id().equals(member.siteId()) && member.role() == MemberRole.SITE_LEAD);
            return Views.ProfileView.of(site, session.find(BuddyProfile.class, siteId), editable);
        });
    }

    @PUT
    @Path("profiles/{siteId}")
    public Views.ProfileView write(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("siteId") UUID siteId,
            ProfileRequest request,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Site site = BuddyAccess.site(session, collaborativeId, siteId, null);
            BuddyAccess.profileEditor(session, collaborativeId, site, caller);
            ProfileRequest.checked(request);
            List<UUID> excluded = excluded(session, collaborativeId, site, request.excludedSiteIds());
            BuddyProfile profile = session.find(BuddyProfile.class, siteId);
            boolean created = profile == null;
            if (created) {
                profile = new BuddyProfile(siteId, collaborativeId);
            }
            UkRegions.Region region = UkRegions.named(request.region());
            profile.update(
                    ProfileRequest.distinct(request.offers()),
                    ProfileRequest.distinct(request.wants()),
                    request.stagesOrEmpty(),
                    region == null ? null : region.name(),
                    request.latitude(),
                    request.longitude(),
                    request.capacity(),
                    excluded,
                    clock.instant());
            if (created) {
                session.persist(profile);
            }
            return Views.ProfileView.of(site, profile, true);
        });
    }

    private static List<UUID> excluded(Session session, UUID collaborativeId, Site site, List<UUID> ids) {
        if (ids == null) {
            return List.of();
        }
        for (int i = 0; i < ids.size(); i++) {
            BuddyAccess.site(session, collaborativeId, ids.get(i), "excludedSiteIds[" + i + "]");
            if (site.id().equals(ids.get(i))) {
                throw ApiException.invalid("excludedSiteIds[" + i + "]", "is this site itself");
            }
        }
        return List.copyOf(new HashSet<>(ids));
    }
}
