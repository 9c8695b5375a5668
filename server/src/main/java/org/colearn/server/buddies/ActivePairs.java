package org.colearn.server.buddies;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * What other features ask of a collaborative's buddy pairs: the active pairs of its latest round, each with what it
 * has open in plain words (the visits still to come, the next steps not done yet, each side's latest check-in, the
 * latest notes) and the accounts of its sites' members, in six queries whatever the number of pairs. These are the pair's private matters: whoever
 * asks decides who may see them, as the pair's space does.
 */
public final class ActivePairs {

    /** Notes have no open or closed state: the latest few stand for what the pair is working on. */
    static final int NOTES_SHOWN = 3;
    private static final int SNIPPET = 120;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /**
     * One active pair: its sites' names in seat order, whether it invited the faculty, its open items, and the
     * accounts of its sites' members.
     */
    public record Pair(UUID id, List<String> sites, boolean facultyInvited, List<String> openItems, List<UUID> memberIds) {}

    private ActivePairs() {}

    /** The active pairs of the collaborative's latest round; visits before {@code today} count as done. */
    public static List<Pair> of(Session session, UUID collaborativeId, LocalDate today) {
        List<Object[]> seats = session.createSelectionQuery(
                        "select p.id, p.facultyInvited, s.siteId, site.name from BuddyPair p, PairSite s, Site site"
                                + " where s.pairId = p.id and site.id = s.siteId and p.collaborativeId = :c and p.status = :active"
                                + " and p.roundId in (select r.id from BuddyRound r where r.collaborativeId = :c"
                                + " and r.createdAt = (select max(l.createdAt) from BuddyRound l where l.collaborativeId = :c))"
                                + " order by p.createdAt, p.id, s.seat",
                        Object[].class)
                .setParameter("c", collaborativeId)
                .setParameter("active", PairStatus.ACTIVE)
                .getResultList();
        Map<UUID, Builder> pairs = new LinkedHashMap<>();
        Map<UUID, String> siteNames = new LinkedHashMap<>();
        Map<UUID, Builder> pairOfSite = new LinkedHashMap<>();
        for (Object[] seat : seats) {
            Builder pair = pairs.computeIfAbsent((UUID) seat[0], id -> new Builder((Boolean) seat[1]));
            pair.sites.add((String) seat[3]);
            siteNames.put((UUID) seat[2], (String) seat[3]);
            pairOfSite.put((UUID) seat[2], pair);
        }
        if (pairs.isEmpty()) {
            return List.of();
        }
        session.createSelectionQuery(
                        "select accountId, siteId from Member where collaborativeId = :c and siteId in :sites and accountId is not null",
                        Object[].class)
                .setParameter("c", collaborativeId)
                .setParameter("sites", pairOfSite.keySet())
                .getResultList()
                .forEach(member -> pairOfSite.get((UUID) member[1]).members.add((UUID) member[0]));
        session.createSelectionQuery("from Visit where pairId in :pairs and plannedOn >= :today", Visit.class)
                .setParameter("pairs", pairs.keySet())
                .setParameter("today", today)
                .getResultList()
                .stream()
                .sorted(Comparator.comparing(Visit::plannedOn))
                .forEach(visit -> pairs.get(visit.pairId()).items.add("Visit on " + DAY.format(visit.plannedOn()) + ": "
                        + siteNames.get(visit.visitingSiteId()) + " visits " + siteNames.get(visit.hostSiteId())
                        + " (" + visit.purpose() + ")"));
        session.createSelectionQuery("from PairStep where pairId in :pairs and doneAt is null order by agreedAt", PairStep.class)
                .setParameter("pairs", pairs.keySet())
                .getResultList()
                .forEach(step -> pairs.get(step.pairId()).items.add("Next step (agreed " + day(step.agreedAt()) + "): " + snippet(step.body())));
        session.createSelectionQuery("from CheckIn where pairId in :pairs order by createdAt desc", CheckIn.class)
                .setParameter("pairs", pairs.keySet())
                .getResultList()
                .forEach(checkIn -> pairs.get(checkIn.pairId()).checkIn(checkIn, siteNames.get(checkIn.siteId())));
        session.createSelectionQuery("from PairNote where pairId in :pairs order by createdAt desc", PairNote.class)
                .setParameter("pairs", pairs.keySet())
                .getResultList()
                .forEach(note -> pairs.get(note.pairId()).note(note));
        List<Pair> active = new ArrayList<>();
        pairs.forEach((id, pair) -> active.add(pair.build(id)));
        return active;
    }

    /** Gathers one pair's rows as they come from the queries. */
    private static final class Builder {
        final boolean facultyInvited;
        final List<String> sites = new ArrayList<>();
        final List<String> items = new ArrayList<>();
        final List<UUID> checkedIn = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<UUID> members = new ArrayList<>();

        Builder(boolean facultyInvited) {
            this.facultyInvited = facultyInvited;
        }

        /** Keeps only each side's latest check-in: the rows come newest first. */
        void checkIn(CheckIn checkIn, String site) {
            if (checkedIn.contains(checkIn.siteId())) {
                return;
            }
            checkedIn.add(checkIn.siteId());
            StringBuilder text = new StringBuilder(site).append("'s latest check-in (").append(day(checkIn.createdAt())).append("):");
            if (!checkIn.gave().isEmpty()) {
                text.append(" gave ").append(snippet(checkIn.gave())).append(checkIn.got().isEmpty() ? "" : ";");
            }
            if (!checkIn.got().isEmpty()) {
                text.append(" got ").append(snippet(checkIn.got()));
            }
            items.add(text.toString());
        }

        void note(PairNote note) {
            if (notes.size() < NOTES_SHOWN) {
                notes.add("Note (" + day(note.createdAt()) + "): " + snippet(note.body()));
            }
        }

        Pair build(UUID id) {
            List<String> open = new ArrayList<>(items);
            open.addAll(notes);
            return new Pair(id, List.copyOf(sites), facultyInvited, List.copyOf(open), List.copyOf(members));
        }
    }

    private static String day(Instant instant) {
        return DAY.format(instant.atZone(ZoneOffset.UTC));
    }

    /** The first line of a text, cut to a length that reads on a screen shared in a breakout room. */
    private static String snippet(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= SNIPPET ? line : line.substring(0, SNIPPET - 1) + "…";
    }
}
