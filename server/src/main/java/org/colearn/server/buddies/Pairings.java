package org.colearn.server.buddies;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.colearn.server.buddies.matching.Group;
import org.colearn.server.buddies.matching.History;
import org.colearn.server.buddies.matching.Matcher;
import org.colearn.server.buddies.matching.Proposal;
import org.colearn.server.buddies.matching.SiteProfile;
import org.colearn.server.community.MemberRole;
import org.colearn.server.community.Site;
import org.colearn.server.system.ApiException;
import org.hibernate.Session;

/**
 * Runs the pairing engine for a round and keeps its proposal: a run replaces the proposed pairs that are not pinned,
 * around the pairs already published or active; a swap exchanges two sites between proposed pairs and pins both.
 */
final class Pairings {

    /** Pairs whose sites are taken for the round: a run leaves them alone. */
    private static final Set<PairStatus> TAKEN = EnumSet.of(PairStatus.PROPOSED, PairStatus.PUBLISHED, PairStatus.ACTIVE);

    private Pairings() {}

    /** Runs the engine for the round, on {@code siteIds} or every site with a profile; returns who could not be placed. */
    static List<Views.Unplaced> run(Session session, BuddyRound round, List<UUID> siteIds, Clock clock) {
        UUID collaborativeId = round.collaborativeId();
        Map<UUID, Site> sites = sitesById(session, collaborativeId);
        Map<UUID, BuddyProfile> profiles = Profiles.byCollaborative(session, collaborativeId);
        List<BuddyPair> pairs = pairsOf(session, round.id());
        Map<UUID, List<PairSite>> seats = seats(session, pairs);

        Set<UUID> busy = new HashSet<>();
        List<List<String>> pins = new ArrayList<>();
        for (BuddyPair pair : pairs) {
            List<UUID> members = seats.get(pair.id()).stream().map(PairSite::siteId).toList();
            if (pair.status() == PairStatus.PROPOSED && !pair.pinned()) {
                seats.get(pair.id()).forEach(session::remove);
                session.remove(pair);
            } else if (pair.status() == PairStatus.PROPOSED) {
                pins.add(members.stream().map(UUID::toString).toList());
            } else if (TAKEN.contains(pair.status())) {
                busy.addAll(members);
            }
        }
        Set<UUID> chosen = new LinkedHashSet<>();
        if (siteIds == null || siteIds.isEmpty()) {
            sites.keySet().stream().filter(profiles::containsKey).forEach(chosen::add);
        } else {
            for (int i = 0; i < siteIds.size(); i++) {
                BuddyAccess.site(session, collaborativeId, siteIds.get(i), "siteIds[" + i + "]");
                if (!profiles.containsKey(siteIds.get(i))) {
                    throw ApiException.invalid("siteIds[" + i + "]", "has no buddy profile yet: its site lead fills it in first");
                }
                chosen.add(siteIds.get(i));
            }
        }
        pins.forEach(pin -> pin.forEach(id -> chosen.add(UUID.fromString(id))));
        chosen.removeAll(busy);
        if (chosen.size() < 2) {
            throw ApiException.conflict("too_few_sites",
                    "Fewer than two sites with a buddy profile are free in this round: there is nobody left to pair.");
        }
        Map<UUID, Set<UUID>> declined = declinedBy(pairs, seats);
        List<SiteProfile> input = chosen.stream().map(id -> {
            SiteProfile profile = Profiles.forEngine(sites.get(id), profiles.get(id));
            Set<String> excluded = new HashSet<>(profile.excluded());
            declined.getOrDefault(id, Set.of()).forEach(other -> excluded.add(other.toString()));
            return new SiteProfile(profile.id(), profile.name(), profile.offers(), profile.wants(), profile.stages(),
                    profile.latitude(), profile.longitude(), profile.capacity(), excluded);
        }).toList();

        // Pinned pairs are kept as they are: the engine re-describes them, so drop the stored ones first.
        for (BuddyPair pair : pairs) {
            if (pair.status() == PairStatus.PROPOSED && pair.pinned()) {
                seats.get(pair.id()).forEach(session::remove);
                session.remove(pair);
            }
        }
        session.flush();
        Proposal proposal = Matcher.match(input, history(session, collaborativeId, round.id()), pins);
        for (Group group : proposal.groups()) {
            save(session, round, group, clock);
        }
        Set<UUID> kept = new HashSet<>(busy);
        pins.forEach(pin -> pin.forEach(id -> kept.add(UUID.fromString(id))));
        Unplacement why = new Unplacement(sites, profiles, kept, declined, chosen);
        return proposal.unplaced().stream()
                .map(u -> {
                    UUID siteId = UUID.fromString(u.siteId());
                    boolean noRoom = profiles.get(siteId).capacity() < 1;
                    return new Views.Unplaced(siteId, sites.get(siteId).name(), noRoom ? u.reason() : why.reason(siteId));
                })
                .toList();
    }

    /** Exchanges two sites between their proposed pairs, re-scores both and pins them: the facilitator chose them. */
    static void swap(Session session, BuddyRound round, UUID first, UUID second) {
        List<BuddyPair> proposed = pairsOf(session, round.id()).stream().filter(p -> p.status() == PairStatus.PROPOSED).toList();
        Map<UUID, List<PairSite>> seats = seats(session, proposed);
        PairSite a = seatOf(seats, first, "siteId");
        PairSite b = seatOf(seats, second, "otherSiteId");
        if (a.pairId().equals(b.pairId())) {
            throw ApiException.invalid("otherSiteId", "is in the same pair already");
        }
        UUID pairOfA = a.pairId();
        int seatOfA = a.seat();
        a.moveTo(b.pairId(), b.seat());
        b.moveTo(pairOfA, seatOfA);
        session.flush();
        Map<UUID, Site> sites = sitesById(session, round.collaborativeId());
        Map<UUID, BuddyProfile> profiles = Profiles.byCollaborative(session, round.collaborativeId());
        History history = history(session, round.collaborativeId(), round.id());
        for (UUID pairId : List.of(a.pairId(), b.pairId())) {
            List<SiteProfile> members = BuddyAccess.sitesOf(session, pairId).stream()
                    .map(seat -> Profiles.forEngine(sites.get(seat.siteId()), profiles.get(seat.siteId())))
                    .toList();
            if (Matcher.excluded(members)) {
                throw ApiException.conflict("excluded_pair", "This swap would pair sites that must not be paired: "
                        + members.stream().map(SiteProfile::name).collect(Collectors.joining(", ")) + ".");
            }
            session.find(BuddyPair.class, pairId).describe(Matcher.group(members, history, true));
        }
    }

    private static PairSite seatOf(Map<UUID, List<PairSite>> seats, UUID siteId, String field) {
        return seats.values().stream().flatMap(List::stream).filter(s -> s.siteId().equals(siteId)).findFirst()
                .orElseThrow(() -> ApiException.invalid(field, "is not in a proposed pair of this round"));
    }

    private static void save(Session session, BuddyRound round, Group group, Clock clock) {
        BuddyPair pair = new BuddyPair(round.id(), round.collaborativeId(), group, clock.instant());
        session.persist(pair);
        for (int seat = 0; seat < group.siteIds().size(); seat++) {
            session.persist(new PairSite(pair.id(), UUID.fromString(group.siteIds().get(seat)), seat));
        }
    }

    /**
     * Within a round, a site whose lead declined a pair is not proposed again with that pair's other sites, in either
     * direction; the other sites of a declined triad may still be proposed together, as none of them declined the
     * other. Answers, for each site whose lead declined, the sites it declined: the engine keeps a pair apart when either
     * site excludes the other, so the decliner's own exclusions are enough.
     */
    private static Map<UUID, Set<UUID>> declinedBy(List<BuddyPair> pairs, Map<UUID, List<PairSite>> seats) {
        Map<UUID, Set<UUID>> declined = new HashMap<>();
        for (BuddyPair pair : pairs) {
            if (pair.status() != PairStatus.DECLINED) {
                continue;
            }
            for (PairSite decliner : seats.get(pair.id())) {
                if (!PairSite.DECLINED.equals(decliner.answer())) {
                    continue;
                }
                for (PairSite other : seats.get(pair.id())) {
                    if (!other.siteId().equals(decliner.siteId())) {
                        declined.computeIfAbsent(decliner.siteId(), k -> new HashSet<>()).add(other.siteId());
                    }
                }
            }
        }
        return declined;
    }

    /** Every pair that became active in the collaborative's other rounds, by the name of its round. */
    static History history(Session session, UUID collaborativeId, UUID exceptRound) {
        List<Object[]> rows = session.createSelectionQuery(
                        "select s.pairId, s.siteId, r.name from PairSite s, BuddyPair p, BuddyRound r"
                                + " where s.pairId = p.id and p.roundId = r.id and p.collaborativeId = :c"
                                + " and p.status = :active and r.id <> :round",
                        Object[].class)
                .setParameter("c", collaborativeId)
                .setParameter("active", PairStatus.ACTIVE)
                .setParameter("round", exceptRound)
                .getResultList();
        Map<UUID, List<Object[]>> byPair = rows.stream().collect(Collectors.groupingBy(row -> (UUID) row[0]));
        Map<String, String> earlier = new HashMap<>();
        byPair.values().forEach(members -> {
            for (Object[] a : members) {
                for (Object[] b : members) {
                    if (!a[1].equals(b[1])) {
                        earlier.put(History.pairKey(a[1].toString(), b[1].toString()), (String) a[2]);
                    }
                }
            }
        });
        return new History(earlier);
    }

    static List<BuddyPair> pairsOf(Session session, UUID roundId) {
        return session.createSelectionQuery("from BuddyPair where roundId = :r order by score desc, createdAt", BuddyPair.class)
                .setParameter("r", roundId)
                .getResultList();
    }

    static Map<UUID, List<PairSite>> seats(Session session, Collection<BuddyPair> pairs) {
        Map<UUID, List<PairSite>> seats = new HashMap<>();
        pairs.forEach(pair -> seats.put(pair.id(), new ArrayList<>()));
        if (pairs.isEmpty()) {
            return seats;
        }
        session.createSelectionQuery("from PairSite where pairId in :ids order by seat", PairSite.class)
                .setParameter("ids", pairs.stream().map(BuddyPair::id).toList())
                .getResultList()
                .forEach(seat -> seats.get(seat.pairId()).add(seat));
        return seats;
    }

    /**
     * The sites of the collaborative that have a site lead who can answer a proposal: a member with that role and an
     * account (a lead imported but not yet signed up cannot).
     */
    static Set<UUID> sitesWithLead(Session session, UUID collaborativeId) {
        return new HashSet<>(session.createSelectionQuery(
                        "select distinct siteId from Member where collaborativeId = :c and role = :lead and accountId is not null"
                                + " and siteId is not null",
                        UUID.class)
                .setParameter("c", collaborativeId)
                .setParameter("lead", MemberRole.SITE_LEAD)
                .getResultList());
    }

    static Map<UUID, Site> sitesById(Session session, UUID collaborativeId) {
        // Ordered by name, so that a run sees the sites in the same order every time and seats them alphabetically.
        return Profiles.sites(session, collaborativeId).stream()
                .collect(Collectors.toMap(Site::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
