package org.colearn.plugin.worldcafe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.worldcafe.CafeState.Cluster;
import org.colearn.plugin.worldcafe.CafeState.Guest;
import org.colearn.plugin.worldcafe.CafeState.Note;
import org.colearn.plugin.worldcafe.seating.Pair;
import org.colearn.plugin.worldcafe.seating.Round;
import org.colearn.plugin.worldcafe.seating.SeatingReport;
import org.colearn.plugin.worldcafe.seating.Table;

/**
 * What each person sees of a café: their table, its question, its people and notes, the timer and where they go
 * next; a host also the briefing from earlier rounds; everyone the harvest wall once the café is over (facilitators
 * throughout, to group notes as they come: the wall of a café of 1,500 holds over a thousand notes by round 6, and a
 * participant's view carries their own table's, so what each round sends everyone stays the size of a table);
 * facilitators the whole seating, who is where, and what the seating could not meet. Everyone at one table in one role (host or guest) shares one view,
 * everyone not seated another, the facilitators a third; what is a person's alone (where they go next, whether they
 * volunteered, which notes they agreed with) is their small {@link Personal} part.
 */
final class CafeViews {

    /** A café as everyone who shares this view sees it; rounds and tables count from 1. */
    record View(String phase, int round, int rounds, String question, Instant roundEndsAt, boolean warning,
            String hosts, List<String> kinds, MyTable table, List<NoteView> briefing, List<WallRound> wall, Console console) {}

    /**
     * What of the café is one person's alone: whether they offered to host, where they go next, and the ids of the notes
     * they agreed with.
     */
    record Personal(boolean volunteered, Next next, List<String> agreed) {}

    record Member(String personId, String name, String site, String profession) {}

    /** The viewer's table this round: whether they host it, who sits there, and its notes of this round. */
    record MyTable(int number, boolean host, Member hostPerson, List<Member> members, List<NoteView> notes) {}

    /**
     * Where the viewer goes in the next round: the table number, {@code stay} for a host who stays, and {@code host}
     * when they host that table (a host who stays, or someone who opens a new table as its host).
     */
    record Next(int round, Integer table, boolean stay, boolean host) {}

    record NoteView(String id, int round, int table, String kind, String text, String by, int agreements, String group) {}

    /** The harvest wall: each round with its question, the notes grouped by kind. */
    record WallRound(int round, String question, List<WallKind> kinds) {}

    record WallKind(String kind, List<NoteView> notes) {}

    /**
     * For facilitators: every table, who is still without a seat, the rules set, what could not be met, the next
     * round as planned now, the sites in the order that gives them their colours, and before the café begins how
     * many of its rounds can be free of repeats with the people here ({@code repeatFree}, in words).
     */
    record Console(List<TableView> tables, List<Member> unseated, List<Member> participants, List<String> volunteers,
            List<String> hostPicks, List<Pinned> pins, List<List<String>> apart, List<List<String>> together, Report report,
            NextRound next, List<SiteColour> sites, String repeatFree) {}

    /**
     * The next round as the plan stands: it follows every change (a move, a pin, a host who leaves). People away now
     * are in it until the round starts without them.
     */
    record NextRound(int round, String question, List<PlannedTable> tables, List<Move> moves, List<Member> away,
            Report report) {}

    record PlannedTable(int number, Member host, List<Member> members) {}

    /** Someone who changes table in the next round; {@code from} is null for someone without a seat now. */
    record Move(Member person, Integer from, int to) {}

    /**
     * A site and the number of its colour on the seating plan, from 0, kept for the café's life: sites are numbered in
     * the order they first came, so a late site never changes an earlier one's colour.
     */
    record SiteColour(String site, int colour) {}

    record TableView(int number, Member host, List<Member> members, int notes) {}

    record Pinned(String personId, int table) {}

    record Report(boolean perfect, int repeats, int earlierMeetings, int sameSitePairs, int unmixedTables, List<String> lines) {}

    private CafeViews() {}

    static View of(CafeConfig config, Model model, Participant viewer, Instant now) {
        return of(config, model, viewer, new Shared(config, model));
    }

    /**
     * The view this person shares with everyone of their {@link #key}, from what all views share: in a café of 1,500
     * the seats, the tables' people and notes, the wall and the console are worked out once per change, not once per
     * person.
     */
    static View of(CafeConfig config, Model model, Participant viewer, Shared shared) {
        boolean running = model.phase.equals("round");
        Table seat = running ? shared.seats.get(viewer.personId()) : null;
        boolean hosting = seat != null && viewer.personId().equals(seat.host());
        MyTable table = seat == null ? null : new MyTable(seat.index() + 1, hosting,
                seat.host() == null ? null : member(model, seat.host()), shared.members(seat), shared.tableNotes(seat));
        List<NoteView> briefing = hosting
                ? notes(model, note -> note.round() < model.round && note.table() == seat.index())
                : List.of();
        return new View(model.phase, model.round + 1, config.rounds(), model.round >= 0 ? config.question(model.round) : null,
                running ? model.roundEndsAt : null, running && model.warned, config.hosts(), shared.kinds, table,
                briefing, viewer.facilitator() || model.phase.equals("done") ? shared.wall() : List.of(),
                viewer.facilitator() ? shared.console() : null);
    }

    /**
     * Who shares this person's view: everyone at one table in one role (a host's briefing is their table's), everyone
     * else of the same kind (the facilitators, who also see the console, or the participants without a seat).
     */
    static String key(Model model, Participant viewer, Shared shared) {
        Table seat = model.phase.equals("round") ? shared.seats.get(viewer.personId()) : null;
        String who = viewer.facilitator() ? "facilitators" : "participants";
        return seat == null ? who : who + ":table:" + seat.index() + (viewer.personId().equals(seat.host()) ? ":host" : ":guest");
    }

    /** What of the café is this person's alone. */
    static Personal personal(CafeConfig config, Model model, Participant viewer, Shared shared) {
        String id = viewer.personId();
        List<String> agreed = shared.agreers.contains(id)
                ? model.notes.stream().filter(note -> note.agreedBy().contains(id)).map(Note::id).toList()
                : List.of();
        return new Personal(model.volunteers.contains(id), next(config, model, viewer, shared), agreed);
    }

    /** What every person's view of the café as it stands has in common. */
    static final class Shared {
        private final CafeConfig config;
        private final Model model;
        final Map<String, Table> seats = new HashMap<>();
        final Map<String, Table> nextSeats = new HashMap<>();
        final Set<String> agreers = new HashSet<>();
        final List<String> kinds;
        private final Map<Integer, List<Member>> members = new HashMap<>();
        private final Map<Integer, List<NoteView>> tableNotes = new HashMap<>();
        private List<WallRound> wall;
        private Console console;

        Shared(CafeConfig config, Model model) {
            this.config = config;
            this.model = model;
            this.kinds = List.copyOf(model.kinds);
            if (model.phase.equals("round")) {
                index(model.plan.rounds().get(model.round), seats);
                if (model.round + 1 < model.plan.rounds().size()) {
                    index(model.plan.rounds().get(model.round + 1), nextSeats);
                }
            }
            model.notes.forEach(note -> agreers.addAll(note.agreedBy()));
        }

        private static void index(Round round, Map<String, Table> seats) {
            round.tables().forEach(table -> table.people().forEach(person -> seats.put(person, table)));
        }

        List<Member> members(Table table) {
            return members.computeIfAbsent(table.index(), index -> table.people().stream().map(id -> member(model, id)).toList());
        }

        List<NoteView> tableNotes(Table table) {
            return tableNotes.computeIfAbsent(table.index(),
                    index -> notes(model, note -> note.round() == model.round && note.table() == index));
        }

        List<WallRound> wall() {
            if (wall == null) {
                wall = CafeViews.wall(config, model);
            }
            return wall;
        }

        Console console() {
            if (console == null) {
                console = CafeViews.console(config, model);
            }
            return console;
        }
    }

    private static Next next(CafeConfig config, Model model, Participant viewer, Shared shared) {
        int nextRound = model.round + 1;
        if (!model.phase.equals("round") || nextRound >= config.rounds()) {
            return null;
        }
        Table now = shared.seats.get(viewer.personId());
        Table then = shared.nextSeats.get(viewer.personId());
        if (then == null) {
            return null;
        }
        boolean host = viewer.personId().equals(then.host());
        boolean stay = host && now != null && now.index() == then.index();
        return new Next(nextRound + 1, then.index() + 1, stay, host);
    }

    private static List<WallRound> wall(CafeConfig config, Model model) {
        List<WallRound> rounds = new ArrayList<>();
        for (int round = 0; round <= Math.max(model.round, 0) && round < config.rounds(); round++) {
            int number = round;
            List<WallKind> kinds = new ArrayList<>();
            for (String kind : model.kinds) {
                List<NoteView> notes = notes(model, note -> note.round() == number && note.kind().equals(kind));
                if (!notes.isEmpty()) {
                    kinds.add(new WallKind(kind, notes));
                }
            }
            if (!kinds.isEmpty()) {
                rounds.add(new WallRound(round + 1, config.question(round), kinds));
            }
        }
        return rounds;
    }

    private static Console console(CafeConfig config, Model model) {
        List<TableView> tables = new ArrayList<>();
        List<String> seated = new ArrayList<>();
        if (model.phase.equals("round")) {
            for (Table table : model.plan.rounds().get(model.round).tables()) {
                seated.addAll(table.people());
                int notes = (int) model.notes.stream().filter(n -> n.round() == model.round && n.table() == table.index()).count();
                tables.add(new TableView(table.index() + 1, table.host() == null ? null : member(model, table.host()),
                        table.people().stream().map(id -> member(model, id)).toList(), notes));
            }
        }
        List<Member> participants = model.people.values().stream()
                .filter(guest -> !guest.facilitator() && !model.absent.contains(guest.id()))
                .map(guest -> member(model, guest.id())).toList();
        List<Member> unseated = model.phase.equals("round")
                ? participants.stream().filter(member -> !seated.contains(member.personId())).toList()
                : List.of();
        return new Console(tables, unseated, participants, List.copyOf(model.volunteers), List.copyOf(model.hostPicks),
                model.pins.stream().map(pin -> new Pinned(pin.personId(), pin.table() + 1)).toList(),
                List.copyOf(model.apart), List.copyOf(model.together),
                model.plan == null ? null : report(model, model.plan.report(), model.plan.rounds(), true), Preview.of(config, model),
                IntStream.range(0, model.sites.size()).mapToObj(colour -> new SiteColour(model.sites.get(colour), colour)).toList(),
                model.phase.equals("gathering") ? Limits.beforeBegin(config, participants.size()) : null);
    }

    /**
     * What the seating of {@code rounds} (the whole café, or one round) could not meet, in names, after why: where
     * its repeats are and what the people's sites and professions make unavoidable.
     */
    static Report report(Model model, SeatingReport report, List<Round> rounds, boolean wholeCafe) {
        List<String> lines = new ArrayList<>(Limits.why(model.plan, report, rounds, wholeCafe));
        report.repeats().forEach(repeat -> lines.add(names(model, repeat.pair()) + " sit together again in rounds "
                + rounds(repeat.rounds()) + "."));
        report.priorRepeats().forEach(repeat -> lines.add(names(model, repeat.pair()) + " met at an earlier café and sit together in round "
                + rounds(repeat.rounds()) + "."));
        report.sameSitePairs().forEach(pair -> lines.add(names(model, pair.pair()) + ", both from " + pair.site() + ", share table "
                + (pair.table() + 1) + " in round " + (pair.round() + 1) + "."));
        report.unmixedTables().forEach(table -> lines.add("Table " + (table.table() + 1) + " in round " + (table.round() + 1)
                + " has only " + table.profession() + "s."));
        return new Report(report.perfect(), report.repeatCount(), report.priorRepeatCount(), report.sameSitePairCount(),
                report.unmixedTableCount(), lines.size() > 30 ? List.copyOf(lines.subList(0, 30)) : List.copyOf(lines));
    }

    private static List<NoteView> notes(Model model, java.util.function.Predicate<Note> which) {
        return model.notes.stream().filter(which).map(note -> new NoteView(note.id(), note.round() + 1, note.table() + 1,
                note.kind(), note.text(), note.authorName(), note.agreedBy().size(),
                model.clusters.stream().filter(c -> c.id().equals(note.clusterId())).map(Cluster::label).findFirst().orElse(null)))
                .toList();
    }

    static Member member(Model model, String personId) {
        Guest guest = model.people.get(personId);
        return guest == null ? new Member(personId, model.name(personId), null, null)
                : new Member(guest.id(), guest.name(), guest.site(), guest.profession());
    }

    private static String names(Model model, Pair pair) {
        return model.name(pair.first()) + " and " + model.name(pair.second());
    }

    private static String rounds(List<Integer> rounds) {
        return String.join(", ", rounds.stream().map(round -> String.valueOf(round + 1)).toList());
    }
}
