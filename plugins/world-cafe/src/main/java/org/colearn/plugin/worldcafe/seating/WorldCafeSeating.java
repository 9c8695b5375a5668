package org.colearn.plugin.worldcafe.seating;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The seating engine of a world café: plans every round, then keeps the plan right while the café runs (late
 * joiners, leavers, a host who leaves), never moving anyone in a round already played or under way.
 *
 * <p>Deterministic: the same seed, budget and input give the same plan. The budget is a number of search steps,
 * never a time, so a plan does not depend on how busy the machine is. Each step costs time in proportion to the
 * number of people; the search stops early once it finds a seating that breaks no rule. Memory grows with the
 * square of the number of people (about 10 MB for 1,500). An instance is stateless and may be shared.
 *
 * <p>Invalid input (an unknown person, a table with more people fixed to it than seats) throws
 * {@link IllegalArgumentException} with a message meant for the facilitator.
 */
public final class WorldCafeSeating {

    /** A budget that finds perfect seatings of usual cafés and stays well under a second for 1,500 people. */
    public static final long DEFAULT_ITERATIONS = 20_000;

    private final long seed;
    private final long iterations;

    /**
     * @param seed the seed of every random choice
     * @param iterations how many swaps the search may try per plan, at least 0 (0 keeps the greedy start)
     */
    public WorldCafeSeating(long seed, long iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException("The search budget cannot be negative.");
        }
        this.seed = seed;
        this.iterations = iterations;
    }

    /** Plans every round of a café. */
    public SeatingPlan plan(CafeSetup setup) {
        return planAfter(setup, List.of(), List.of());
    }

    /** Plans again every round from {@code fromRound} on, keeping the earlier ones as they were. */
    public SeatingPlan replan(SeatingPlan plan, int fromRound) {
        return replan(plan, plan.setup(), fromRound);
    }

    /**
     * Plans again, with a changed setup (a new pair to keep apart, new pins, other weights), every round from
     * {@code fromRound} on, keeping the earlier ones as they were.
     */
    public SeatingPlan replan(SeatingPlan plan, CafeSetup changed, int fromRound) {
        if (fromRound < 0 || fromRound > plan.rounds().size()) {
            throw new IllegalArgumentException("There is no round " + (fromRound + 1) + " to plan from.");
        }
        return planAfter(changed, plan.rounds().subList(0, fromRound), plan.left());
    }

    /**
     * Seats someone who arrives during {@code currentRound} at the table where they cost least among the smallest
     * ones, moving nobody else, and plans the later rounds again with them.
     */
    public SeatingPlan seatLateJoiner(SeatingPlan plan, int currentRound, Person joiner) {
        Round current = roundOf(plan, currentRound);
        if (current.tableOf(joiner.id()).isPresent()) {
            throw new IllegalArgumentException(joiner.id() + " is already seated.");
        }
        List<Person> people = new ArrayList<>(plan.setup().people());
        people.removeIf(person -> person.id().equals(joiner.id()));
        people.add(joiner);
        CafeSetup setup = plan.setup().withPeople(people);
        List<String> left = new ArrayList<>(plan.left());
        left.remove(joiner.id());
        List<Round> played = new ArrayList<>(plan.rounds().subList(0, currentRound + 1));
        Model model = new Model(setup, played, new HashSet<>(left));
        int smallest = current.tables().stream().mapToInt(t -> t.people().size()).min().orElseThrow();
        Table chosen = current.tables().stream().filter(t -> t.people().size() == smallest)
                .min(Comparator.comparingLong((Table t) -> model.joiningCost(model.index.get(joiner.id()), t.people()))
                        .thenComparingInt(Table::index))
                .orElseThrow();
        List<String> seated = new ArrayList<>(chosen.people());
        seated.add(joiner.id());
        played.set(currentRound, withTable(current, new Table(chosen.index(), chosen.host(), seated)));
        return planAfter(setup, played, left);
    }

    /**
     * Frees the seat of someone who left during {@code currentRound} and plans the later rounds without them. A host
     * who leaves is replaced by the next person at their table. A table left with one person is merged into the
     * others from the next round, or at once when {@code mergeAtOnce}: that person then joins the smallest table
     * where they cost least.
     */
    public SeatingPlan removePerson(SeatingPlan plan, int currentRound, String personId, boolean mergeAtOnce) {
        Round current = roundOf(plan, currentRound);
        Table table = current.tableOf(personId)
                .orElseThrow(() -> new IllegalArgumentException(personId + " is not seated in this round."));
        List<String> left = new ArrayList<>(plan.left());
        left.add(personId);
        List<String> remaining = new ArrayList<>(table.people());
        remaining.remove(personId);
        Map<Integer, String> hosts = new HashMap<>(plan.setup().hosts());
        String host = table.host();
        if (personId.equals(host)) {
            host = remaining.isEmpty() ? null : remaining.get(0);
        }
        Round round = withTable(current, new Table(table.index(), host, remaining));
        if (remaining.size() == 1 && mergeAtOnce && round.tables().size() > 1) {
            round = merge(plan.setup(), plan.rounds().subList(0, currentRound), round, table.index(), left);
            host = null;
        }
        if (host == null) {
            hosts.remove(table.index());
        } else if (hosts.containsKey(table.index())) {
            hosts.put(table.index(), host);
        }
        List<Round> played = new ArrayList<>(plan.rounds().subList(0, currentRound + 1));
        played.set(currentRound, round);
        return planAfter(plan.setup().withHosts(hosts), played, left);
    }

    /**
     * Makes {@code newHost}, who sits at {@code table} in {@code currentRound}, its host from now on, and plans the
     * later rounds again; the former host, if still here, moves like everyone else.
     */
    public SeatingPlan replaceHost(SeatingPlan plan, int currentRound, int table, String newHost) {
        Round current = roundOf(plan, currentRound);
        Table hosted = current.table(table)
                .orElseThrow(() -> new IllegalArgumentException("Table " + (table + 1) + " is not open."));
        if (!hosted.people().contains(newHost)) {
            throw new IllegalArgumentException(newHost + " does not sit at table " + (table + 1) + ".");
        }
        Map<Integer, String> hosts = new HashMap<>(plan.setup().hosts());
        if (hosts.containsValue(newHost) && !newHost.equals(hosts.get(table))) {
            throw new IllegalArgumentException(newHost + " already hosts another table.");
        }
        hosts.put(table, newHost);
        List<String> seated = new ArrayList<>(hosted.people());
        seated.remove(newHost);
        seated.add(0, newHost);
        List<Round> played = new ArrayList<>(plan.rounds().subList(0, currentRound + 1));
        played.set(currentRound, withTable(current, new Table(table, newHost, seated)));
        return planAfter(plan.setup().withHosts(hosts), played, plan.left());
    }

    /**
     * Plans the rounds after {@code played}. When more rounds are asked for than can be free of repeats, the rounds
     * that can be are planned first on their own, then the others after them: the repeats all go to the last rounds.
     */
    private SeatingPlan planAfter(CafeSetup asked, List<Round> played, List<String> left) {
        Set<String> gone = new HashSet<>(left);
        Model model = new Model(asked, played, gone);
        CafeSetup setup = hostsForNewTables(asked, played, model);
        if (setup != asked) {
            model = new Model(setup, played, gone);
        }
        int clean = model.repeatFree.rounds();
        List<Round> rounds = new ArrayList<>(played);
        if (played.size() < clean && clean < setup.rounds()) {
            rounds.addAll(search(new Model(setup.withRounds(clean), played, gone)));
            model = new Model(setup, rounds, gone);
        }
        rounds.addAll(search(model));
        Map<Integer, String> hosts = new HashMap<>(setup.hosts());
        hosts.keySet().retainAll(model.open);
        hosts.values().removeAll(left);
        CafeSetup kept = setup.withHosts(hosts);
        return new SeatingPlan(kept, rounds, left, Reports.of(kept, rounds));
    }

    /**
     * In a café with a host at every table, a table opened for people who came late gets a host too: the latest
     * arrival who neither hosts nor is pinned, who has met the fewest people, so staying at one table costs the
     * fewest repeats. Returns {@code setup} itself when no table needs one, or nobody is free to host.
     */
    private static CafeSetup hostsForNewTables(CafeSetup setup, List<Round> played, Model model) {
        if (played.isEmpty() || setup.hosts().isEmpty()
                || !played.get(played.size() - 1).tables().stream().allMatch(table -> table.host() != null)) {
            return setup;
        }
        Set<String> pinned = new HashSet<>();
        setup.pins().forEach(pin -> pinned.add(pin.personId()));
        List<String> free = new ArrayList<>();
        for (int p = model.people - 1; p >= 0; p--) {
            String id = model.ids[p];
            if (!setup.hosts().containsValue(id) && !pinned.contains(id)) {
                free.add(id);
            }
        }
        Map<Integer, String> hosts = new HashMap<>(setup.hosts());
        for (int table : model.open) {
            if (!hosts.containsKey(table) && !free.isEmpty()) {
                hosts.put(table, free.remove(0));
            }
        }
        return hosts.size() == setup.hosts().size() ? setup : setup.withHosts(hosts);
    }

    /** Seats the rounds the model plans, searching within the budget. */
    private List<Round> search(Model model) {
        Seats seats = new Seats(model);
        if (model.rounds > 0) {
            new TabuSearch(seats, new SplittableRandom(seed)).run(iterations);
        }
        List<Round> rounds = new ArrayList<>();
        for (int r = 0; r < model.rounds; r++) {
            rounds.add(roundFrom(model, seats, r));
        }
        return rounds;
    }

    private static Round roundFrom(Model model, Seats seats, int r) {
        List<Table> tables = new ArrayList<>();
        for (int t : model.open) {
            List<String> seated = new ArrayList<>();
            String host = null;
            for (int p = 0; p < model.people; p++) {
                if (seats.tableOf(r, p) == t) {
                    if (model.host[p]) {
                        host = model.ids[p];
                        seated.add(0, host);
                    } else {
                        seated.add(model.ids[p]);
                    }
                }
            }
            tables.add(new Table(t, host, seated));
        }
        return new Round(tables);
    }

    /** Moves the one person left at {@code closing} to the smallest other table where they cost least. */
    private static Round merge(CafeSetup setup, List<Round> before, Round round, int closing, List<String> left) {
        Table lonely = round.table(closing).orElseThrow();
        String person = lonely.people().get(0);
        List<Round> upToNow = new ArrayList<>(before);
        upToNow.add(withoutTable(round, closing));
        Model model = new Model(setup, upToNow, Set.copyOf(left));
        List<Table> others = upToNow.get(upToNow.size() - 1).tables();
        int smallest = others.stream().mapToInt(t -> t.people().size()).min().orElseThrow();
        Table chosen = others.stream().filter(t -> t.people().size() == smallest)
                .min(Comparator.comparingLong((Table t) -> model.joiningCost(model.index.get(person), t.people()))
                        .thenComparingInt(Table::index))
                .orElseThrow();
        List<String> seated = new ArrayList<>(chosen.people());
        seated.add(person);
        return withTable(withoutTable(round, closing), new Table(chosen.index(), chosen.host(), seated));
    }

    private static Round roundOf(SeatingPlan plan, int round) {
        if (round < 0 || round >= plan.rounds().size()) {
            throw new IllegalArgumentException("There is no round " + (round + 1) + ".");
        }
        return plan.rounds().get(round);
    }

    private static Round withTable(Round round, Table replacement) {
        List<Table> tables = new ArrayList<>(withoutTable(round, replacement.index()).tables());
        tables.add(replacement);
        tables.sort(Comparator.comparingInt(Table::index));
        return new Round(tables);
    }

    private static Round withoutTable(Round round, int index) {
        return new Round(round.tables().stream().filter(t -> t.index() != index).toList());
    }
}
