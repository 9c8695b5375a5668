package org.colearn.plugin.worldcafe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.colearn.plugin.api.Activity;
import org.colearn.plugin.api.ActivityContext;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.api.Rooms;
import org.colearn.plugin.worldcafe.CafeState.Guest;
import org.colearn.plugin.worldcafe.seating.Round;
import org.colearn.plugin.worldcafe.seating.SeatingPlan;
import org.colearn.plugin.worldcafe.seating.Table;

/**
 * One world café in a live session: gathering people and hosts, then round after round of tables as breakout rooms
 * with a timer, hosts staying put and everyone else moving as the seating plans, and at the end everyone back in
 * the plenary with the harvest. The seating itself is {@link Seating}'s; the notes are {@link Notes}'.
 */
final class Cafe implements Activity<CafeState> {

    static final String ROUND_END = "round-end";
    static final String ROUND_WARNING = "round-warning";
    static final long WARNING_SECONDS = 60;
    /** How long seating may take; the engine seats 1,500 people in well under a second of CPU. */
    static final Duration SEATING_BUDGET = Duration.ofMinutes(2);

    private final ActivityContext context;
    private final CafeConfig config;
    final Model model;
    private final Seating seating;
    private final Notes notes;
    private final HarvestPublisher harvest;
    /** What everyone's view has in common, worked out at the first view after a change; null until then. */
    private CafeViews.Shared views;

    Cafe(ActivityContext context, CafeConfig config, CafeState state) {
        this.context = context;
        this.config = config;
        this.model = Model.from(state);
        this.seating = new Seating(config, model);
        this.notes = new Notes(model);
        this.harvest = new HarvestPublisher(context, config, model);
    }

    @Override
    public CafeState state() {
        return model.toState();
    }

    @Override
    public void join(Participant participant) {
        views = null;
        model.absent.remove(participant.personId());
        Guest guest = new Guest(participant.personId(), participant.name(), participant.site(), participant.profession(),
                participant.facilitator());
        model.people.put(guest.id(), guest);
        model.addSite(guest);
        if (!model.phase.equals("round") || participant.facilitator()) {
            return;
        }
        Round current = model.plan.rounds().get(model.round);
        if (current.tableOf(participant.personId()).isEmpty()) {
            model.plan = seating.seatLateJoiner(participant.personId());
        }
        sendToTable(participant.personId());
    }

    @Override
    public void leave(Participant participant) {
        views = null;
        // They may come back: their seat waits for them until the next round is seated. A host's table cannot wait:
        // someone who sat there this round takes over, and stays for the rounds to come.
        model.absent.add(participant.personId());
        if (model.phase.equals("round")) {
            model.plan = seating.replaceAbsentHost(participant.personId());
        }
    }

    @Override
    public void receive(Participant from, Record message) throws ActivityException {
        views = null;
        if (message instanceof CafeMessages.Note note) {
            notes.add(from, note, config);
            harvest.changed();
        } else if (message instanceof CafeMessages.Agree agree) {
            notes.agree(from, agree);
            harvest.changed();
        } else if (message instanceof CafeMessages.Volunteer volunteer) {
            volunteer(from, volunteer);
        } else if (!from.facilitator()) {
            throw new ActivityException("facilitator_only", "Only a facilitator can do that in a world café.");
        } else {
            facilitate(message);
        }
    }

    private void facilitate(Record message) throws ActivityException {
        if (message instanceof CafeMessages.Begin) {
            begin();
        } else if (message instanceof CafeMessages.NextRound) {
            endRound();
        } else if (message instanceof CafeMessages.Extend extend) {
            extend(extend.minutes());
        } else if (message instanceof CafeMessages.Finish) {
            finish();
        } else if (message instanceof CafeMessages.Move move) {
            move(move);
        } else if (message instanceof CafeMessages.PickHost pick) {
            seating.pickHost(pick);
        } else if (message instanceof CafeMessages.Pin pin) {
            seating.pin(pin);
        } else if (message instanceof CafeMessages.KeepApart apart) {
            seating.pair(model.apart, apart.personId(), apart.otherPersonId(), apart.apart());
        } else if (message instanceof CafeMessages.KeepTogether together) {
            seating.pair(model.together, together.personId(), together.otherPersonId(), together.together());
        } else if (message instanceof CafeMessages.Cluster cluster) {
            notes.cluster(cluster);
            harvest.changed();
        } else if (message instanceof CafeMessages.AddKind kind) {
            notes.addKind(kind);
            harvest.changed();
        } else {
            throw new ActivityException("unknown_message", "A world café does not take this message.");
        }
    }

    private void volunteer(Participant from, CafeMessages.Volunteer volunteer) throws ActivityException {
        if (!model.phase.equals("gathering")) {
            throw new ActivityException("cafe_started", "Hosts are chosen before the first round.");
        }
        if (!config.hosts().equals("volunteers")) {
            throw new ActivityException("hosts_not_volunteered", "In this café the hosts are not volunteers.");
        }
        model.volunteers.remove(from.personId());
        if (volunteer.host()) {
            model.volunteers.add(from.personId());
        }
    }

    private void begin() throws ActivityException {
        if (!model.phase.equals("gathering")) {
            throw new ActivityException("cafe_started", "The café has already begun.");
        }
        requireEnoughPeople();
        context.compute(seatingLabel(), SEATING_BUDGET, seating.planning(context), plan -> {
            views = null;
            if (!model.phase.equals("gathering")) {
                throw new ActivityException("cafe_started", "The café moved on while it was being seated; that seating was not used.");
            }
            requireEnoughPeople();
            model.plan = plan;
            startRound(0);
        });
    }

    /** What everyone is told while the café is seated: "Seating 1,500 people…". */
    private String seatingLabel() {
        long here = model.people.values().stream().filter(guest -> !guest.facilitator() && !model.absent.contains(guest.id())).count();
        return String.format(Locale.ENGLISH, "Seating %,d %s…", here, here == 1 ? "person" : "people");
    }

    /**
     * Whoever the session does not have now counts as away, whatever the café last heard: after a server restart,
     * people come back one by one, and only those here can be put in a room.
     */
    private void syncPresence() {
        java.util.Set<String> here = new java.util.HashSet<>();
        context.present().forEach(participant -> here.add(participant.personId()));
        model.people.keySet().stream().filter(id -> !here.contains(id)).forEach(model.absent::add);
    }

    /** Refuses, before anything changes, to seat a round with fewer than two participants here. */
    private void requireEnoughPeople() throws ActivityException {
        syncPresence();
        long here = model.people.values().stream().filter(guest -> !guest.facilitator() && !model.absent.contains(guest.id())).count();
        if (here < 2) {
            throw new ActivityException("too_few_people", "Fewer than two participants are here to seat; wait for people to come back.");
        }
    }

    private void startRound(int round) throws ActivityException {
        model.phase = "round";
        model.round = round;
        model.plan = seating.withoutAbsent(round);
        Round seated = model.plan.rounds().get(round);
        List<Rooms.Plan> rooms = new ArrayList<>();
        for (Table table : seated.tables()) {
            rooms.add(new Rooms.Plan(tableName(table.index()), table.people()));
        }
        List<String> ids = context.rooms().open(rooms);
        model.roomIds.clear();
        for (int i = 0; i < seated.tables().size(); i++) {
            model.roomIds.put(seated.tables().get(i).index(), ids.get(i));
        }
        setTimers(context.now().plusSeconds(config.roundMinutes() * 60L));
        Meetings.publish(context, model);
        harvest.publish();
    }

    private void setTimers(Instant endsAt) {
        model.roundEndsAt = endsAt;
        model.warned = false;
        context.timers().at(ROUND_END, endsAt);
        if (endsAt.minusSeconds(WARNING_SECONDS).isAfter(context.now())) {
            context.timers().at(ROUND_WARNING, endsAt.minusSeconds(WARNING_SECONDS));
        } else {
            context.timers().cancel(ROUND_WARNING);
        }
    }

    @Override
    public void timer(String name) {
        views = null;
        if (name.equals(HarvestPublisher.TIMER)) {
            harvest.timer();
            return;
        }
        if (!model.phase.equals("round")) {
            return;
        }
        if (name.equals(ROUND_WARNING)) {
            model.warned = true;
        } else if (name.equals(ROUND_END)) {
            try {
                endRound();
            } catch (ActivityException tooFew) {
                // Time is up, but too few people are here to seat the next round (the server may have just
                // restarted): the round stays over time until the facilitator starts the next one.
            }
        }
    }

    /**
     * Seats the next round off the session's thread, the round under way going on until its seats are sent; after
     * the last round, the café ends at once.
     */
    private void endRound() throws ActivityException {
        requireRound();
        if (model.round + 1 >= config.rounds()) {
            context.timers().cancel(ROUND_END);
            context.timers().cancel(ROUND_WARNING);
            finish();
            return;
        }
        requireEnoughPeople();
        int next = model.round + 1;
        SeatingPlan planned = model.plan;
        context.compute(seatingLabel(), SEATING_BUDGET, seating.withoutAbsentLater(next), plan -> {
            views = null;
            if (!model.phase.equals("round") || model.round != next - 1) {
                throw new ActivityException("round_moved_on", "The café moved on while round " + (next + 1) + " was being seated.");
            }
            requireEnoughPeople();
            if (model.plan == planned) {
                // Nobody was moved or pinned meanwhile: the seating done off the session's thread holds.
                model.plan = plan;
            }
            context.timers().cancel(ROUND_END);
            context.timers().cancel(ROUND_WARNING);
            startRound(next);
        });
    }

    private void extend(int minutes) throws ActivityException {
        requireRound();
        if (minutes < 1 || minutes > 60) {
            throw new ActivityException("invalid_minutes", "Extend a round by 1 to 60 minutes.");
        }
        Instant from = model.roundEndsAt.isAfter(context.now()) ? model.roundEndsAt : context.now();
        setTimers(from.plusSeconds(minutes * 60L));
    }

    private void finish() throws ActivityException {
        if (model.phase.equals("done")) {
            throw new ActivityException("cafe_over", "The café is over.");
        }
        model.phase = "done";
        model.roundEndsAt = null;
        model.roomIds.clear();
        context.timers().cancel(ROUND_END);
        context.timers().cancel(ROUND_WARNING);
        context.rooms().close();
        Meetings.publish(context, model);
        harvest.publish();
    }

    private void move(CafeMessages.Move move) throws ActivityException {
        requireRound();
        model.plan = seating.move(move.personId(), move.table() - 1);
        sendToTable(move.personId());
    }

    /** Puts a person in the breakout room of their table in this round. */
    private void sendToTable(String personId) {
        Optional<Table> table = model.plan.rounds().get(model.round).tableOf(personId);
        String room = table.map(seat -> model.roomIds.get(seat.index())).orElse(null);
        if (room != null && !context.rooms().roomOf(personId).equals(Optional.of(room))) {
            try {
                context.rooms().move(personId, room);
            } catch (ActivityException notHere) {
                // They left again before the move: they land at their table when they come back.
            }
        }
    }

    private void requireRound() throws ActivityException {
        if (!model.phase.equals("round")) {
            throw new ActivityException("no_round", "No round is running.");
        }
    }

    @Override
    public String viewKey(Participant viewer) {
        return CafeViews.key(model, viewer, views());
    }

    @Override
    public Record view(Participant viewer) {
        return CafeViews.of(config, model, viewer, views());
    }

    @Override
    public Record personalView(Participant viewer) {
        return CafeViews.personal(config, model, viewer, views());
    }

    /** What every view of the café as it stands shares, worked out again after each change. */
    private CafeViews.Shared views() {
        if (views == null) {
            views = new CafeViews.Shared(config, model);
        }
        return views;
    }

    @Override
    public void end() {
        views = null;
        if (!model.phase.equals("done")) {
            try {
                finish();
            } catch (ActivityException alreadyOver) {
                // Nothing more to close.
            }
        }
    }

    static String tableName(int index) {
        return "Table " + (index + 1);
    }
}
