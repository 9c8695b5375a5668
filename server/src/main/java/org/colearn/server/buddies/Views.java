package org.colearn.server.buddies;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.colearn.server.community.MemberRole;
import org.colearn.server.community.Profession;
import org.colearn.server.community.Site;

/** The JSON shapes the buddy-pairing endpoints answer with. */
final class Views {

    private Views() {}

    /**
     * A site's profile; a site without one answers with empty lists, capacity 1 and {@code updatedAt} null. The
     * coordinates shown are where the engine places the site ({@code placedBy} says from what).
     */
    record ProfileView(
            UUID siteId,
            String siteName,
            List<String> offers,
            List<String> wants,
            Map<String, Integer> stages,
            String region,
            Double latitude,
            Double longitude,
            int capacity,
            List<UUID> excludedSiteIds,
            Instant updatedAt,
            boolean editable) {

        static ProfileView of(Site site, BuddyProfile profile, boolean editable) {
            if (profile == null) {
                UkRegions.Region region = UkRegions.named(site.region());
                return new ProfileView(site.id(), site.name(), List.of(), List.of(), Map.of(),
                        region == null ? null : region.name(), site.latitude(), site.longitude(), 1, List.of(), null, editable);
            }
            return new ProfileView(site.id(), site.name(), profile.offers(), profile.wants(), profile.stages(), profile.region(),
                    profile.latitude(), profile.longitude(), profile.capacity(), profile.excluded(), profile.updatedAt(), editable);
        }
    }

    record SiteRef(UUID id, String name) {}

    /** A site on the facilitator's map: where the engine places it (null coordinates when unknown). */
    record MapSite(UUID id, String name, Double latitude, Double longitude) {}

    record PairSiteView(UUID siteId, String name, String answer, String reason) {}

    record Parts(int mutuality, int locality, int stage, int freshness) {}

    /** A pair as the facilitator and the pair's own sites see it (never its space). */
    record PairView(
            UUID id,
            UUID roundId,
            String roundName,
            PairStatus status,
            List<PairSiteView> sites,
            int score,
            Parts parts,
            boolean mutual,
            boolean pinned,
            List<String> reasons,
            boolean quiet,
            Instant activeSince,
            Instant lastCheckInAt,
            boolean facultyInvited,
            List<String> warnings) {}

    record Unplaced(UUID siteId, String name, String reason) {}

    /**
     * A round of pairing with its pairs, the sites still waiting for a partner, the sites with a profile but no lead to
     * answer a proposal, and the map of the sites.
     */
    record RoundView(
            UUID id,
            String name,
            int quietAfterDays,
            Instant createdAt,
            List<PairView> pairs,
            List<SiteRef> waiting,
            List<SiteRef> withoutProfile,
            List<SiteRef> withoutLead,
            List<Unplaced> unplaced,
            List<MapSite> map) {}

    record RoundSummary(UUID id, String name, int quietAfterDays, Instant createdAt, long pairs, long active, long quiet) {}

    record CheckInView(UUID id, UUID siteId, String siteName, String author, String gave, String got, Instant createdAt) {}

    record VisitView(UUID id, UUID hostSiteId, String hostName, UUID visitingSiteId, String visitingName, String purpose,
            java.time.LocalDate plannedOn, String note, String author) {}

    record NoteView(UUID id, String author, String text, String link, Instant createdAt) {}

    /** A next step the pair agreed: who wrote it down and when, and whether (and by whom) it was done. */
    record StepView(UUID id, String text, String by, Instant agreedAt, boolean done, String doneBy, Instant doneAt) {}

    /** A member of a site of the pair, as the other site sees them: name, profession and role, never an address. */
    record PersonView(String name, Profession profession, MemberRole role) {}

    /** The people of one site of the pair. */
    record SitePeople(UUID siteId, String name, List<PersonView> people) {}

    /** How much each site gave and got in the pair's log: the reciprocity of the pair at a glance. */
    record Reciprocity(UUID siteId, String name, long gave, long got) {}

    /**
     * A pair's private space, only for the pair's own members (and facilitators it invited), with the pair's failure
     * stories that the reader may read, its next steps, and the people of the partner site (of every site, for an
     * invited facilitator).
     */
    record SpaceView(
            UUID pairId,
            String roundName,
            List<SiteRef> sites,
            List<Reciprocity> reciprocity,
            List<CheckInView> checkIns,
            List<VisitView> visits,
            List<NoteView> notes,
            List<StepView> steps,
            List<SitePeople> partners,
            boolean quiet,
            int quietAfterDays,
            Instant activeSince,
            Instant lastCheckInAt,
            boolean facultyInvited,
            UUID mySiteId,
            boolean canWrite,
            boolean canInviteFaculty,
            List<PairStories.Entry> stories) {}
}
