package org.colearn.server.buddies;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.colearn.server.community.Site;
import org.hibernate.Session;

/** Builds the views of rounds and pairs from what is stored, with each active pair's quiet flag as of now. */
final class RoundViews {

    private RoundViews() {}

    static Views.RoundView round(Session session, BuddyRound round, Clock clock, List<Views.Unplaced> unplaced) {
        Map<UUID, Site> sites = Pairings.sitesById(session, round.collaborativeId());
        Map<UUID, BuddyProfile> profiles = Profiles.byCollaborative(session, round.collaborativeId());
        List<BuddyPair> pairs = Pairings.pairsOf(session, round.id());
        Map<UUID, List<PairSite>> seats = Pairings.seats(session, pairs);
        Set<UUID> led = Pairings.sitesWithLead(session, round.collaborativeId());
        Set<UUID> placed = new HashSet<>();
        List<Views.PairView> views = pairs.stream().map(pair -> {
            if (pair.status() != PairStatus.DECLINED) {
                seats.get(pair.id()).forEach(seat -> placed.add(seat.siteId()));
            }
            return pair(pair, seats.get(pair.id()), sites, round, clock, led);
        }).toList();
        List<Views.SiteRef> withoutLead = sites.values().stream()
                .filter(site -> profiles.containsKey(site.id()) && !led.contains(site.id()))
                .map(site -> new Views.SiteRef(site.id(), site.name()))
                .sorted(Comparator.comparing(Views.SiteRef::name))
                .toList();
        List<Views.SiteRef> waiting = sites.values().stream()
                .filter(site -> profiles.containsKey(site.id()) && profiles.get(site.id()).capacity() > 0 && !placed.contains(site.id()))
                .map(site -> new Views.SiteRef(site.id(), site.name()))
                .sorted(Comparator.comparing(Views.SiteRef::name))
                .toList();
        List<Views.SiteRef> withoutProfile = sites.values().stream()
                .filter(site -> !profiles.containsKey(site.id()))
                .map(site -> new Views.SiteRef(site.id(), site.name()))
                .sorted(Comparator.comparing(Views.SiteRef::name))
                .toList();
        List<Views.MapSite> map = sites.values().stream()
                .map(site -> {
                    double[] where = Profiles.location(site, profiles.get(site.id()));
                    return new Views.MapSite(site.id(), site.name(), where == null ? null : where[0], where == null ? null : where[1]);
                })
                .sorted(Comparator.comparing(Views.MapSite::name))
                .toList();
        return new Views.RoundView(round.id(), round.name(), round.quietAfterDays(), round.createdAt(), views, waiting,
                withoutProfile, withoutLead, unplaced, map);
    }

    /**
     * A pair as facilitators and its sites see it; {@code led} are the sites with a lead who can answer, and a pair
     * still waiting for the answer of a site without one is flagged: nobody can accept it.
     */
    static Views.PairView pair(BuddyPair pair, List<PairSite> seats, Map<UUID, Site> sites, BuddyRound round, Clock clock, Set<UUID> led) {
        boolean waiting = pair.status() == PairStatus.PROPOSED || pair.status() == PairStatus.PUBLISHED;
        List<String> warnings = seats.stream()
                .filter(seat -> waiting && seat.answer() == null && !led.contains(seat.siteId()))
                .map(seat -> sites.get(seat.siteId()).name() + " has no site lead: nobody can accept this pair until it has one")
                .toList();
        List<Views.PairSiteView> members = seats.stream()
                .map(seat -> new Views.PairSiteView(seat.siteId(), sites.get(seat.siteId()).name(), seat.answer(), seat.reason()))
                .toList();
        return new Views.PairView(
                pair.id(),
                round.id(),
                round.name(),
                pair.status(),
                members,
                pair.score(),
                new Views.Parts(pair.mutuality(), pair.locality(), pair.stage(), pair.freshness()),
                pair.mutual(),
                pair.pinned(),
                pair.reasons(),
                pair.quiet(clock, round.quietAfterDays()),
                pair.activeSince(),
                pair.lastCheckInAt(),
                pair.facultyInvited(),
                warnings);
    }
}
