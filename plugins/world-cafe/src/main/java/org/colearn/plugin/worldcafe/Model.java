package org.colearn.plugin.worldcafe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.colearn.plugin.worldcafe.CafeState.Cluster;
import org.colearn.plugin.worldcafe.CafeState.Guest;
import org.colearn.plugin.worldcafe.CafeState.Note;
import org.colearn.plugin.worldcafe.CafeState.PinRule;
import org.colearn.plugin.worldcafe.seating.SeatingPlan;

/** The café's state while it runs, changed in place by its parts and stored as a {@link CafeState} after each change. */
final class Model {

    String phase;
    long seed;
    int round;
    Instant roundEndsAt;
    boolean warned;
    final Map<String, Guest> people = new LinkedHashMap<>();
    final List<String> sites = new ArrayList<>();
    final Set<String> absent = new LinkedHashSet<>();
    final List<String> volunteers = new ArrayList<>();
    final List<String> hostPicks = new ArrayList<>();
    final List<PinRule> pins = new ArrayList<>();
    final List<List<String>> apart = new ArrayList<>();
    final List<List<String>> together = new ArrayList<>();
    SeatingPlan plan;
    final Map<Integer, String> roomIds = new TreeMap<>();
    final List<Note> notes = new ArrayList<>();
    final List<Cluster> clusters = new ArrayList<>();
    final List<String> kinds = new ArrayList<>();
    int nextId;
    Instant harvestPublishedAt;
    Instant harvestWaiting;

    static CafeState fresh(CafeConfig config, long seed) {
        return new CafeState("gathering", seed, -1, null, false, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), null, Map.of(), List.of(), List.of(), config.noteKinds(), 1, null, null);
    }

    static Model from(CafeState state) {
        Model model = new Model();
        model.phase = state.phase();
        model.seed = state.seed();
        model.round = state.round();
        model.roundEndsAt = state.roundEndsAt();
        model.warned = state.warned();
        state.people().forEach(guest -> model.people.put(guest.id(), guest));
        if (state.sites() != null) {
            model.sites.addAll(state.sites());
        } else {
            // Kept before sites had an order of their own: the people's order is the order they came in.
            model.people.values().forEach(model::addSite);
        }
        model.absent.addAll(state.absent());
        model.volunteers.addAll(state.volunteers());
        model.hostPicks.addAll(state.hostPicks());
        model.pins.addAll(state.pins());
        model.apart.addAll(state.apart());
        model.together.addAll(state.together());
        model.plan = state.plan();
        model.roomIds.putAll(state.roomIds());
        model.notes.addAll(state.notes());
        model.clusters.addAll(state.clusters());
        model.kinds.addAll(state.kinds());
        model.nextId = state.nextId();
        model.harvestPublishedAt = state.harvestPublishedAt();
        model.harvestWaiting = state.harvestWaiting();
        return model;
    }

    CafeState toState() {
        return new CafeState(phase, seed, round, roundEndsAt, warned, List.copyOf(people.values()), List.copyOf(sites), List.copyOf(absent),
                List.copyOf(volunteers), List.copyOf(hostPicks), List.copyOf(pins), List.copyOf(apart), List.copyOf(together), plan,
                Map.copyOf(roomIds), List.copyOf(notes), List.copyOf(clusters), List.copyOf(kinds), nextId,
                harvestPublishedAt, harvestWaiting);
    }

    /** Keeps a participant's site at the end of the sites' order if it is new, so that earlier sites keep their colours. */
    void addSite(Guest guest) {
        if (!guest.facilitator() && guest.site() != null && !sites.contains(guest.site())) {
            sites.add(guest.site());
        }
    }

    /** The name to show for a person id; someone unknown shows as "someone who left". */
    String name(String personId) {
        Guest guest = people.get(personId);
        return guest == null ? "someone who left" : guest.name();
    }

    String nextId(String prefix) {
        return prefix + nextId++;
    }
}
