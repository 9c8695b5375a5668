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

/** One running poll: a choice, a rating, a word cloud or a ranking, its results whole or split into groups. */
final class Poll implements Activity<PollState> {

    static final int MAX_WORDS = 3;
    static final int MAX_WORD_LENGTH = 40;

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
            state = with(state.open(), true, state.hiddenWords());
            context.publish("Poll: " + state.question(), results());
        } else if (message instanceof PollMessages.Close) {
            requireFacilitator(from);
            state = with(false, state.revealed(), state.hiddenWords());
            context.publish("Poll: " + state.question(), results());
        } else if (message instanceof PollMessages.Hide hide) {
            hide(from, hide);
        } else if (message instanceof PollMessages.Split split) {
            split(from, split);
        } else {
            throw new ActivityException("unknown_message", "A poll does not take this message.");
        }
    }

    private void vote(Participant from, PollMessages.Vote vote) throws ActivityException {
        if (!state.open()) {
            throw new ActivityException("poll_closed", "Voting has closed.");
        }
        Map<String, List<Integer>> votes = new LinkedHashMap<>(state.votes());
        Map<String, Integer> ratings = new LinkedHashMap<>(state.ratings());
        Map<String, List<String>> words = new LinkedHashMap<>(state.words());
        Map<String, List<Integer>> rankings = new LinkedHashMap<>(state.rankings());
        switch (state.kind()) {
            case PollConfig.RATING -> ratings.put(from.personId(), rating(vote));
            case PollConfig.WORDS -> words.put(from.personId(), words(vote));
            case PollConfig.RANKING -> rankings.put(from.personId(), order(vote));
            default -> votes.put(from.personId(), choices(vote));
        }
        Map<String, String> names = new LinkedHashMap<>(state.voterNames());
        if (!state.anonymous()) {
            names.put(from.personId(), from.name());
        }
        Map<String, PollState.Background> backgrounds = new LinkedHashMap<>(state.backgrounds());
        backgrounds.put(from.personId(), new PollState.Background(from.site(), from.profession()));
        state = new PollState(state.question(), state.kind(), state.scale(), state.options(), state.multipleChoice(), state.anonymous(),
                state.open(), state.revealed(), votes, ratings, words, state.hiddenWords(), names, rankings, backgrounds, state.split(),
                state.splitsShown());
    }

    private List<Integer> choices(PollMessages.Vote vote) throws ActivityException {
        List<Integer> choices = vote.choices() == null ? List.of() : vote.choices();
        if (vote.rating() != null || vote.words() != null || vote.order() != null) {
            throw new ActivityException("invalid_vote", "This poll asks you to choose from its answers.");
        }
        if (choices.isEmpty() || (!state.multipleChoice() && choices.size() > 1)) {
            throw new ActivityException("invalid_vote", state.multipleChoice() ? "Choose at least one answer." : "Choose one answer.");
        }
        if (choices.stream().anyMatch(c -> c == null || c < 0 || c >= state.options().size())
                || new HashSet<>(choices).size() != choices.size()) {
            throw new ActivityException("invalid_vote", "Choose from the answers given, each once.");
        }
        return List.copyOf(choices);
    }

    private int rating(PollMessages.Vote vote) throws ActivityException {
        Integer rating = vote.rating();
        if (rating == null || vote.choices() != null || vote.words() != null || vote.order() != null || rating < state.lowest() || rating > state.scale()) {
            throw new ActivityException("invalid_vote", "Give a whole number from " + state.lowest() + " to " + state.scale() + ".");
        }
        return rating;
    }

    /** The words as given, trimmed, each once whatever its case. */
    private List<String> words(PollMessages.Vote vote) throws ActivityException {
        List<String> given = vote.words() == null ? List.of() : vote.words();
        if (vote.choices() != null || vote.rating() != null || vote.order() != null) {
            throw new ActivityException("invalid_vote", "This poll asks for a few words.");
        }
        List<String> words = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (String word : given) {
            if (word == null || word.isBlank() || word.strip().length() > MAX_WORD_LENGTH) {
                throw new ActivityException("invalid_vote", "Each answer is a word or a short phrase of up to " + MAX_WORD_LENGTH + " characters.");
            }
            String trimmed = word.strip().replaceAll("\\s+", " ");
            if (!keys.contains(PollState.key(trimmed))) {
                keys.add(PollState.key(trimmed));
                words.add(trimmed);
            }
        }
        if (words.isEmpty() || words.size() > MAX_WORDS) {
            throw new ActivityException("invalid_vote", "Give 1 to " + MAX_WORDS + " words or short phrases.");
        }
        return List.copyOf(words);
    }

    /** Every answer's index once, first place first. */
    private List<Integer> order(PollMessages.Vote vote) throws ActivityException {
        if (vote.choices() != null || vote.rating() != null || vote.words() != null) {
            throw new ActivityException("invalid_vote", "This poll asks you to put the answers in order.");
        }
        List<Integer> order = vote.order() == null ? List.of() : vote.order();
        if (order.size() != state.options().size() || order.stream().anyMatch(i -> i == null || i < 0 || i >= state.options().size())
                || new HashSet<>(order).size() != order.size()) {
            throw new ActivityException("invalid_vote", "Put all " + state.options().size() + " answers in order, each once.");
        }
        return List.copyOf(order);
    }

    /**
     * Shows the results split another way, or whole again, unless the groups of this split and of the splits shown
     * before it would let someone subtract their way to one person's answer ({@link PollSplits}).
     */
    private void split(Participant from, PollMessages.Split split) throws ActivityException {
        requireFacilitator(from);
        if (split.by() == null || !PollGroups.SPLITS.contains(split.by())) {
            throw new ActivityException("invalid_split", "by", "Split the results by all, clinicians_managers, profession or site.");
        }
        // The split shown already follows the answers as they come: showing it again shows nothing new.
        boolean another = !split.by().equals(state.split());
        List<PollState.SplitShown> shown = another ? PollSplits.leaving(state) : state.splitsShown();
        if (another && !split.by().equals(PollGroups.ALL)) {
            PollSplits.check(shown, PollSplits.shown(split.by(), state));
        }
        state = new PollState(state.question(), state.kind(), state.scale(), state.options(), state.multipleChoice(), state.anonymous(),
                state.open(), state.revealed(), state.votes(), state.ratings(), state.words(), state.hiddenWords(), state.voterNames(),
                state.rankings(), state.backgrounds(), split.by(), shown);
        if (state.revealed() || !state.open()) {
            context.publish("Poll: " + state.question(), results()); // what is kept is split the same way
        }
    }

    private void hide(Participant from, PollMessages.Hide hide) throws ActivityException {
        requireFacilitator(from);
        if (!state.kind().equals(PollConfig.WORDS)) {
            throw new ActivityException("not_a_word_cloud", "Only a word cloud has words to hide.");
        }
        if (hide.word() == null || hide.word().isBlank() || hide.word().length() > MAX_WORD_LENGTH) {
            throw new ActivityException("invalid_word", "word", "Name the word to hide, up to " + MAX_WORD_LENGTH + " characters.");
        }
        String key = PollState.key(hide.word());
        List<String> hidden = new ArrayList<>(state.hiddenWords());
        hidden.remove(key);
        if (hide.hidden() == null || hide.hidden()) {
            hidden.add(key);
        }
        state = with(state.open(), state.revealed(), List.copyOf(hidden));
        if (state.revealed() || !state.open()) {
            context.publish("Poll: " + state.question(), results()); // what is kept leaves the hidden word out too
        }
    }

    /** Facilitators share one view, and participants one per answer given: the rest of a view is the same for all. */
    @Override
    public String viewKey(Participant viewer) {
        String mine = switch (state.kind()) {
            case PollConfig.RATING -> String.valueOf(state.ratings().get(viewer.personId()));
            case PollConfig.WORDS -> String.valueOf(state.words().getOrDefault(viewer.personId(), List.of()));
            case PollConfig.RANKING -> String.valueOf(state.rankings().getOrDefault(viewer.personId(), List.of()));
            default -> String.valueOf(state.votes().getOrDefault(viewer.personId(), List.of()));
        };
        return (viewer.facilitator() ? "facilitator:" : "participant:") + mine;
    }

    @Override
    public Record view(Participant viewer) {
        boolean showCounts = state.revealed() || viewer.facilitator();
        boolean rating = state.kind().equals(PollConfig.RATING);
        boolean words = state.kind().equals(PollConfig.WORDS);
        boolean ranking = state.kind().equals(PollConfig.RANKING);
        List<PollViews.Answer> answers = words ? List.of() : answers(state, showCounts && !ranking);
        List<PollViews.Ballot> ballots = null;
        if (viewer.facilitator() && !state.anonymous()) {
            ballots = new ArrayList<>();
            for (Map.Entry<String, String> voter : state.voterNames().entrySet()) {
                String person = voter.getKey();
                ballots.add(new PollViews.Ballot(voter.getValue(), state.votes().get(person), state.ratings().get(person), state.words().get(person),
                        state.rankings().get(person)));
            }
        }
        return new PollViews.View(
                state.question(),
                state.kind(),
                state.multipleChoice(),
                state.anonymous(),
                state.open(),
                state.revealed(),
                state.voters(),
                state.votes().getOrDefault(viewer.personId(), List.of()),
                answers,
                ballots,
                rating ? new PollViews.Rating(state.lowest(), state.scale(), state.ratings().get(viewer.personId()),
                        showCounts ? state.mean() : null) : null,
                words ? new PollViews.Cloud(state.words().getOrDefault(viewer.personId(), List.of()),
                        showCounts ? state.wordCounts(viewer.facilitator()) : List.of()) : null,
                ranking ? new PollViews.Ranking(state.rankings().getOrDefault(viewer.personId(), List.of()),
                        showCounts ? state.ranks() : List.of()) : null,
                state.split(),
                showCounts ? groups(viewer.facilitator()) : null);
    }

    /** Each group's results side by side when the facilitator split them, otherwise null. */
    private List<PollViews.Group> groups(boolean withHidden) {
        if (state.split().equals(PollGroups.ALL)) {
            return null;
        }
        List<PollViews.Group> groups = new ArrayList<>();
        for (PollGroups.Group group : PollGroups.of(state.split(), state.backgrounds(), state.answered())) {
            PollState only = state.only(group.people());
            boolean words = only.kind().equals(PollConfig.WORDS);
            boolean ranking = only.kind().equals(PollConfig.RANKING);
            groups.add(new PollViews.Group(group.label(), only.voters(), group.merged(),
                    words || ranking ? List.of() : answers(only, true), only.kind().equals(PollConfig.RATING) ? only.mean() : null,
                    words ? only.wordCounts(withHidden) : List.of(), ranking ? only.ranks() : List.of()));
        }
        return groups;
    }

    /** A choice's answers, or a rating's points of the scale, each with its count when shown. */
    private static List<PollViews.Answer> answers(PollState state, boolean showCounts) {
        List<PollViews.Answer> answers = new ArrayList<>();
        if (state.kind().equals(PollConfig.RATING)) {
            int[] counts = state.distribution();
            for (int i = 0; i < counts.length; i++) {
                answers.add(new PollViews.Answer(i, String.valueOf(state.lowest() + i), showCounts ? counts[i] : null));
            }
            return answers;
        }
        int[] counts = state.counts();
        for (int i = 0; i < state.options().size(); i++) {
            answers.add(new PollViews.Answer(i, state.options().get(i), showCounts ? counts[i] : null));
        }
        return answers;
    }

    private PollViews.Results results() {
        boolean words = state.kind().equals(PollConfig.WORDS);
        boolean ranking = state.kind().equals(PollConfig.RANKING);
        return new PollViews.Results(state.question(), state.kind(), state.anonymous(), state.voters(),
                words || ranking ? List.of() : answers(state, true), state.kind().equals(PollConfig.RATING) ? state.mean() : null,
                words ? state.wordCounts(false) : List.of(), ranking ? state.ranks() : List.of(), state.split(), groups(false));
    }

    private PollState with(boolean open, boolean revealed, List<String> hiddenWords) {
        return new PollState(state.question(), state.kind(), state.scale(), state.options(), state.multipleChoice(), state.anonymous(),
                open, revealed, state.votes(), state.ratings(), state.words(), hiddenWords, state.voterNames(), state.rankings(),
                state.backgrounds(), state.split(), state.splitsShown());
    }

    private static void requireFacilitator(Participant from) throws ActivityException {
        if (!from.facilitator()) {
            throw new ActivityException("facilitator_only", "Only a facilitator can do this.");
        }
    }
}
