package org.colearn.plugin.worldcafe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.colearn.plugin.api.ActivityContext;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.worldcafe.CafeState.Guest;
import org.colearn.plugin.worldcafe.CafeState.PinRule;
import org.colearn.plugin.worldcafe.seating.CafeSetup;
import org.colearn.plugin.worldcafe.seating.Pair;
import org.colearn.plugin.worldcafe.seating.Person;
import org.colearn.plugin.worldcafe.seating.Pin;
import org.colearn.plugin.worldcafe.seating.PriorMeeting;
import org.colearn.plugin.worldcafe.seating.Round;
import org.colearn.plugin.worldcafe.seating.SeatingPlan;
import org.colearn.plugin.worldcafe.seating.Table;
import org.colearn.plugin.worldcafe.seating.Weights;
import org.colearn.plugin.worldcafe.seating.WorldCafeSeating;

/**
 * The café's side of the seating: who takes part, the hosts, pins and pairs kept apart, turned into what the seating
 * engine asks, and the engine's plan kept up to date as people come, go and are moved.
 */
final class Seating {

    private final CafeConfig config;
    private final Model model;

    Seating(CafeConfig config, Model model) {
        this.config = config;
        this.model = model;
    }

    private WorldCafeSeating engine() {
        return new WorldCafeSeating(model.seed, WorldCafeSeating.DEFAULT_ITERATIONS);
    }

    /**
     * The planning of every round for everyone here, to run off the session's thread: what it needs of the café is
     * read now, on the session's thread.
     */
    Callable<SeatingPlan> planning(ActivityContext context) throws ActivityException {
        List<Guest> seated = participantsHere();
        if (seated.size() < 2) {
            throw new ActivityException("too_few_people", "A café needs at least two participants here.");
        }
        int tables = config.tablesFor(seated.size());
        Weights defaults = Weights.DEFAULTS;
        Weights weights = new Weights(defaults.repeat(), config.avoidEarlierMeetings() ? defaults.priorMeeting() : 0,
                config.mixSites() ? defaults.sameSite() : 0, config.mixProfessions() ? defaults.professionMix() : 0,
                defaults.keepTogether());
        List<PriorMeeting> prior = config.avoidEarlierMeetings() ? Meetings.earlier(context, model) : List.of();
        CafeSetup setup = new CafeSetup(seated.stream().map(this::person).toList(),
                config.tables() > 0 ? 0 : config.tableSize(), config.tables(), config.rounds(), hosts(seated, tables), pins(),
                pairs(model.apart), pairs(model.together), prior, weights);
        WorldCafeSeating engine = engine();
        return () -> engine(() -> engine.plan(setup));
    }

    /** The plan without those who are away as round {@code round} starts, and with those who came back. */
    SeatingPlan withoutAbsent(int round) throws ActivityException {
        return withoutAbsent(engine(), model.plan, round, model.absent, participantsHere());
    }

    /** {@link #withoutAbsent(int)} from copies of what it reads, to run off the session's thread. */
    Callable<SeatingPlan> withoutAbsentLater(int round) {
        WorldCafeSeating engine = engine();
        SeatingPlan plan = model.plan;
        Set<String> away = Set.copyOf(model.absent);
        List<Guest> here = participantsHere();
        return () -> withoutAbsent(engine, plan, round, away, here);
    }

    private SeatingPlan withoutAbsent(WorldCafeSeating engine, SeatingPlan start, int round, java.util.Collection<String> absent, List<Guest> here)
            throws ActivityException {
        SeatingPlan plan = start;
        for (String away : absent) {
            if (plan.rounds().get(round).tableOf(away).isPresent()) {
                SeatingPlan before = plan;
                plan = engine(() -> engine.removePerson(before, round, away, true));
            }
        }
        Set<String> seated = new HashSet<>();
        plan.rounds().get(round).tables().forEach(table -> seated.addAll(table.people()));
        for (Guest guest : here) {
            if (!seated.contains(guest.id())) {
                SeatingPlan before = plan;
                plan = engine(() -> engine.seatLateJoiner(before, round, person(guest)));
            }
        }
        return plan;
    }

    /**
     * When the person who left hosts a table this round, hands it to someone present at that table who is not pinned
     * to another (a host stays at their table in every round).
     */
    SeatingPlan replaceAbsentHost(String personId) {
        Optional<Table> hosted = tableOf(model.plan, model.round, personId).filter(table -> personId.equals(table.host()));
        Optional<String> successor = hosted.flatMap(table -> table.people().stream()
                .filter(id -> !id.equals(personId) && !model.absent.contains(id))
                .filter(id -> model.pins.stream().noneMatch(pin -> pin.personId().equals(id) && pin.table() != table.index()))
                .findFirst());
        if (successor.isEmpty()) {
            return model.plan;
        }
        return engine().replaceHost(model.plan, model.round, hosted.get().index(), successor.get());
    }

    SeatingPlan seatLateJoiner(String personId) {
        return engine().seatLateJoiner(model.plan, model.round, person(model.people.get(personId)));
    }

    /** Moves someone to another table for this round, and plans the later rounds again. */
    SeatingPlan move(String personId, int tableIndex) throws ActivityException {
        Round current = model.plan.rounds().get(model.round);
        Table from = current.tableOf(personId)
                .orElseThrow(() -> new ActivityException("not_seated", "That person has no seat in this round."));
        Table to = current.table(tableIndex)
                .orElseThrow(() -> new ActivityException("no_such_table", "There is no table " + (tableIndex + 1) + " in this round."));
        if (personId.equals(from.host())) {
            throw new ActivityException("host_stays", "Hosts stay at their table.");
        }
        if (from.index() == to.index()) {
            throw new ActivityException("already_there", "They already sit at table " + (tableIndex + 1) + ".");
        }
        List<Table> tables = new ArrayList<>();
        for (Table table : current.tables()) {
            List<String> people = new ArrayList<>(table.people());
            people.remove(personId);
            if (table.index() == to.index()) {
                people.add(personId);
            }
            tables.add(new Table(table.index(), table.host(), people));
        }
        List<Round> rounds = new ArrayList<>(model.plan.rounds());
        rounds.set(model.round, new Round(tables));
        SeatingPlan moved = new SeatingPlan(model.plan.setup(), rounds, model.plan.left(), model.plan.report());
        return engine(() -> engine().replan(moved, model.round + 1));
    }

    void pickHost(CafeMessages.PickHost pick) throws ActivityException {
        requireGathering();
        requireParticipant(pick.personId());
        model.hostPicks.remove(pick.personId());
        if (pick.host()) {
            model.hostPicks.add(pick.personId());
        }
    }

    void pin(CafeMessages.Pin pin) throws ActivityException {
        requireParticipant(pin.personId());
        model.pins.removeIf(rule -> rule.personId().equals(pin.personId()));
        if (pin.table() != null) {
            if (pin.table() < 1 || pin.table() > 300) {
                throw new ActivityException("no_such_table", "Tables are numbered from 1.");
            }
            model.pins.add(new PinRule(pin.personId(), pin.table() - 1));
        }
        replanLaterRounds();
    }

    /** Adds or removes a pair to keep apart (a hard rule) or together (weighed), in {@code pairs}. */
    void pair(List<List<String>> pairs, String personId, String otherPersonId, boolean wanted) throws ActivityException {
        requireParticipant(personId);
        requireParticipant(otherPersonId);
        if (personId.equals(otherPersonId)) {
            throw new ActivityException("same_person", "Choose two different people.");
        }
        pairs.removeIf(pair -> Set.copyOf(pair).equals(Set.of(personId, otherPersonId)));
        if (wanted) {
            pairs.add(List.of(personId, otherPersonId));
        }
        replanLaterRounds();
    }

    /** Once the café runs, a changed rule applies from the next round: the round under way never moves. */
    private void replanLaterRounds() throws ActivityException {
        if (model.plan == null || !model.phase.equals("round")) {
            return;
        }
        CafeSetup changed = model.plan.setup().withPins(pins()).withKeepApart(pairs(model.apart))
                .withKeepTogether(pairs(model.together));
        SeatingPlan before = model.plan;
        model.plan = engine(() -> engine().replan(before, changed, model.round + 1));
    }

    /**
     * One host per table: the facilitator's picks or the volunteers first, then people spread over sites; nobody in a
     * café without hosts.
     */
    private Map<Integer, String> hosts(List<Guest> seated, int tables) {
        if (!config.hasHosts()) {
            return Map.of();
        }
        Set<String> here = new HashSet<>();
        seated.forEach(guest -> here.add(guest.id()));
        Map<String, Integer> pinned = new HashMap<>();
        model.pins.forEach(pin -> pinned.put(pin.personId(), pin.table()));
        List<String> chosen = new ArrayList<>();
        List<String> asked = switch (config.hosts()) {
            case "volunteers" -> model.volunteers;
            case "facilitator" -> model.hostPicks;
            default -> List.of();
        };
        asked.stream().filter(here::contains).filter(id -> !pinned.containsKey(id)).limit(tables).forEach(chosen::add);
        List<Guest> shuffled = new ArrayList<>(seated);
        java.util.Collections.shuffle(shuffled, new Random(model.seed));
        Set<String> sites = new HashSet<>();
        for (int pass = 0; pass < 2 && chosen.size() < tables; pass++) {
            for (Guest guest : shuffled) {
                boolean newSite = guest.site() == null || !sites.contains(guest.site());
                if (chosen.size() < tables && !chosen.contains(guest.id()) && !pinned.containsKey(guest.id()) && (pass == 1 || newSite)) {
                    chosen.add(guest.id());
                    if (guest.site() != null) {
                        sites.add(guest.site());
                    }
                }
            }
        }
        Map<Integer, String> hosts = new HashMap<>();
        for (int i = 0; i < chosen.size(); i++) {
            hosts.put(i, chosen.get(i));
        }
        return hosts;
    }

    private List<Pin> pins() {
        return model.pins.stream().map(rule -> Pin.everyRound(rule.personId(), rule.table())).toList();
    }

    private static List<Pair> pairs(List<List<String>> pairs) {
        return pairs.stream().map(pair -> Pair.of(pair.get(0), pair.get(1))).toList();
    }

    private List<Guest> participantsHere() {
        return model.people.values().stream()
                .filter(guest -> !guest.facilitator() && !model.absent.contains(guest.id()))
                .toList();
    }

    private Person person(Guest guest) {
        return new Person(guest.id(), config.mixSites() ? guest.site() : null, config.mixProfessions() ? guest.profession() : null);
    }

    private void requireGathering() throws ActivityException {
        if (!model.phase.equals("gathering")) {
            throw new ActivityException("cafe_started", "Hosts are chosen before the first round.");
        }
    }

    private void requireParticipant(String personId) throws ActivityException {
        Guest guest = personId == null ? null : model.people.get(personId);
        if (guest == null || guest.facilitator()) {
            throw new ActivityException("not_a_participant", "Choose a participant of this café.");
        }
    }

    /** The engine refuses what cannot be seated with a sentence for the facilitator. */
    private static SeatingPlan engine(Supplier<SeatingPlan> call) throws ActivityException {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw new ActivityException("cannot_seat", e.getMessage());
        }
    }

    static Optional<Table> tableOf(SeatingPlan plan, int round, String personId) {
        return plan == null || round < 0 || round >= plan.rounds().size() ? Optional.empty() : plan.rounds().get(round).tableOf(personId);
    }
}
