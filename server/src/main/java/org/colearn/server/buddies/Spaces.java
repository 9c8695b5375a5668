package org.colearn.server.buddies;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.Member;
import org.colearn.server.community.MemberRole;
import org.colearn.server.community.Site;
import org.hibernate.Session;

/** Builds a pair's space as one of its members (or an invited facilitator) sees it. */
final class Spaces {

    private Spaces() {}

    static Views.SpaceView view(Session session, BuddyPair pair, Member viewer, Clock clock, PairStories stories, Caller caller) {
        BuddyRound round = session.find(BuddyRound.class, pair.roundId());
        Map<UUID, Site> sites = Pairings.sitesById(session, pair.collaborativeId());
        Map<UUID, String> names = session.createSelectionQuery("from Member where collaborativeId = :c", Member.class)
                .setParameter("c", pair.collaborativeId())
                .getResultList()
                .stream()
                .collect(Collectors.toMap(Member::id, Member::displayName));
        List<UUID> siteIds = BuddyAccess.sitesOf(session, pair.id()).stream().map(PairSite::siteId).toList();
        List<CheckIn> checkIns = session.createSelectionQuery("from CheckIn where pairId = :p order by createdAt desc", CheckIn.class)
                .setParameter("p", pair.id())
                .getResultList();
        List<Views.Reciprocity> reciprocity = siteIds.stream()
                .map(id -> new Views.Reciprocity(
                        id,
                        sites.get(id).name(),
                        checkIns.stream().filter(c -> c.siteId().equals(id) && !c.gave().isEmpty()).count(),
                        checkIns.stream().filter(c -> c.siteId().equals(id) && !c.got().isEmpty()).count()))
                .toList();
        List<Views.VisitView> visits = session.createSelectionQuery("from Visit where pairId = :p", Visit.class)
                .setParameter("p", pair.id())
                .getResultList()
                .stream()
                .sorted(Comparator.comparing(Visit::plannedOn))
                .map(v -> new Views.VisitView(v.id(), v.hostSiteId(), sites.get(v.hostSiteId()).name(), v.visitingSiteId(),
                        sites.get(v.visitingSiteId()).name(), v.purpose(), v.plannedOn(), v.note(), names.get(v.authorId())))
                .toList();
        List<Views.NoteView> notes = session.createSelectionQuery("from PairNote where pairId = :p order by createdAt desc", PairNote.class)
                .setParameter("p", pair.id())
                .getResultList()
                .stream()
                .map(n -> new Views.NoteView(n.id(), names.get(n.authorId()), n.body(), n.link(), n.createdAt()))
                .toList();
        boolean own = viewer.siteId() != null && siteIds.contains(viewer.siteId());
        return new Views.SpaceView(
                pair.id(),
                round.name(),
                siteIds.stream().map(id -> new Views.SiteRef(id, sites.get(id).name())).toList(),
                reciprocity,
                checkIns.stream()
                        .map(c -> new Views.CheckInView(c.id(), c.siteId(), sites.get(c.siteId()).name(), names.get(c.authorId()),
                                c.gave(), c.got(), c.createdAt()))
                        .toList(),
                visits,
                notes,
                pair.quiet(clock, round.quietAfterDays()),
                round.quietAfterDays(),
                pair.activeSince(),
                pair.lastCheckInAt(),
                pair.facultyInvited(),
                own ? viewer.siteId() : null,
                own,
                own && viewer.role() == MemberRole.SITE_LEAD,
                stories.readable(session, caller, pair.collaborativeId(), new LinkedHashSet<>(siteIds)));
    }

}
