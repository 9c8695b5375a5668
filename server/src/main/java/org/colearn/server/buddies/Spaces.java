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
        List<Member> members = session.createSelectionQuery("from Member where collaborativeId = :c", Member.class)
                .setParameter("c", pair.collaborativeId())
                .getResultList();
        Map<UUID, String> names = members.stream().collect(Collectors.toMap(Member::id, Member::displayName));
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
        List<Views.StepView> steps = PairSteps.of(session, pair.id()).stream()
                .map(step -> new Views.StepView(step.id(), step.body(), step.agreedBy(), step.agreedAt(), step.done(),
                        step.doneById() == null ? null : names.get(step.doneById()), step.doneAt()))
                .toList();
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
                steps,
                partners(siteIds, own ? viewer.siteId() : null, sites, members),
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

    /**
     * The people of the pair's sites other than the viewer's own, by name: those who joined (an imported member who has
     * not is nobody to reach yet). No addresses: people gave theirs to the collaborative, not to another organisation,
     * so the pair reaches them through its space, which every member of both sites reads.
     */
    private static List<Views.SitePeople> partners(List<UUID> siteIds, UUID ownSite, Map<UUID, Site> sites, List<Member> members) {
        return siteIds.stream()
                .filter(id -> !id.equals(ownSite))
                .map(id -> new Views.SitePeople(id, sites.get(id).name(), members.stream()
                        .filter(member -> id.equals(member.siteId()) && member.accountId() != null)
                        .sorted(Comparator.comparing((Member member) -> member.role() != MemberRole.SITE_LEAD).thenComparing(Member::displayName))
                        .map(member -> new Views.PersonView(member.displayName(), member.profession(), member.role()))
                        .toList()))
                .toList();
    }

}
