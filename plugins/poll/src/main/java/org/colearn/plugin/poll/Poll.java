package org.colearn.plugin.poll;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colearn.plugin.api.Activity;
import org.colearn.plugin.api.ActivityContext;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;

/** One running poll. */
final class Poll implements Activity<PollState> {

    private final ActivityContext context;
    private PollState state;

    Poll(ActivityContext context, PollState state) {
        this.context = context;
        this.state = state;
    }

    @Override
    public PollState state() {
        return state;
    }

    @Override
    public void receive(Participant from, Record message) throws ActivityException {
        if (message instanceof PollMessages.Vote vote) {
            vote(from, vote);
        } else if (message instanceof PollMessages.Reveal) {
            requireFacilitator(from);
            state = copy(state.open(), true, state.votes(), state.voterNames());
            context.publish("Poll: " + state.question(), results());
        } else if (message instanceof PollMessages.Close) {
            requireFacilitator(from);
            state = copy(false, state.revealed(), state.votes(), state.voterNames());
            context.publish("Poll: " + state.question(), results());
        } else {
            throw new ActivityException("unknown_message", "A poll does not take this message.");
        }
    }

    private void vote(Participant from, PollMessages.Vote vote) throws ActivityException {
        if (!state.open()) {
            throw new ActivityException("poll_closed", "Voting has closed.");
        }
        List<Integer> choices = vote.choices() == null ? List.of() : vote.choices();
        if (choices.isEmpty() || (!state.multipleChoice() && choices.size() > 1)) {
            throw new ActivityException("invalid_vote", state.multipleChoice() ? "Choose at least one answer." : "Choose one answer.");
        }
        if (choices.stream().anyMatch(c -> c == null || c < 0 || c >= state.options().size())
                || new HashSet<>(choices).size() != choices.size()) {
            throw new ActivityException("invalid_vote", "Choose from the answers given, each once.");
        }
        Map<String, List<Integer>> votes = new LinkedHashMap<>(state.votes());
        votes.put(from.personId(), List.copyOf(choices));
        Map<String, String> names = new LinkedHashMap<>(state.voterNames());
        if (!state.anonymous()) {
            names.put(from.personId(), from.name());
        }
        state = copy(state.open(), state.revealed(), votes, names);
    }

    /** Facilitators share one view, and participants one per set of choices: the rest of a view is the same for all. */
    @Override
    public String viewKey(Participant viewer) {
        return (viewer.facilitator() ? "facilitator:" : "participant:") + state.votes().getOrDefault(viewer.personId(), List.of());
    }

    @Override
    public Record view(Participant viewer) {
        boolean showCounts = state.revealed() || viewer.facilitator();
        int[] counts = state.counts();
        List<PollViews.Answer> answers = new ArrayList<>();
        for (int i = 0; i < state.options().size(); i++) {
            answers.add(new PollViews.Answer(i, state.options().get(i), showCounts ? counts[i] : null));
        }
        List<PollViews.Ballot> ballots = null;
        if (viewer.facilitator() && !state.anonymous()) {
            ballots = new ArrayList<>();
            for (Map.Entry<String, List<Integer>> vote : state.votes().entrySet()) {
                ballots.add(new PollViews.Ballot(state.voterNames().getOrDefault(vote.getKey(), "?"), vote.getValue()));
            }
        }
        return new PollViews.View(
                state.question(),
                state.multipleChoice(),
                state.anonymous(),
                state.open(),
                state.revealed(),
                state.votes().size(),
                state.votes().getOrDefault(viewer.personId(), List.of()),
                answers,
                ballots);
    }

    private PollViews.Results results() {
        int[] counts = state.counts();
        List<PollViews.Answer> answers = new ArrayList<>();
        for (int i = 0; i < state.options().size(); i++) {
            answers.add(new PollViews.Answer(i, state.options().get(i), counts[i]));
        }
        return new PollViews.Results(state.question(), state.anonymous(), state.votes().size(), answers);
    }

    private PollState copy(boolean open, boolean revealed, Map<String, List<Integer>> votes, Map<String, String> names) {
        return new PollState(state.question(), state.options(), state.multipleChoice(), state.anonymous(), open, revealed, votes, names);
    }

    private static void requireFacilitator(Participant from) throws ActivityException {
        if (!from.facilitator()) {
            throw new ActivityException("facilitator_only", "Only a facilitator can do this.");
        }
    }
}
