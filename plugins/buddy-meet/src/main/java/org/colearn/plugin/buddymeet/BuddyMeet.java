package org.colearn.plugin.buddymeet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.colearn.plugin.api.Activity;
import org.colearn.plugin.api.ActivityContext;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.BuddyPairs;
import org.colearn.plugin.api.Participant;

/** One running buddy meet: the pairs in their rooms, the timer, and the steps each pair agrees. */
final class BuddyMeet implements Activity<BuddyMeetState> {

    static final String WARNING = "warning";
    static final String END = "end";
    static final long WARNING_SECONDS = 120;
    static final int MAX_STEP = 500;
    static final String RESULT_TITLE = "Buddy meet";

    private final ActivityContext context;
    private final Seating seating;
    private final String prompt;
    private String phase;
    private Instant endsAt;
    private boolean warned;
    private int stepsMade;
    private final List<MeetPair> pairs = new ArrayList<>();
    private final String meetId;

    BuddyMeet(ActivityContext context, BuddyMeetState state) {
        this.context = context;
        this.seating = new Seating(context);
        this.prompt = state.prompt();
        this.phase = state.phase();
        this.endsAt = state.endsAt();
        this.warned = state.warned();
        this.stepsMade = state.stepsMade();
        // A meet stored before meets had an id gets one now: it is kept from the next state on.
        this.meetId = state.meetId() != null ? state.meetId() : UUID.randomUUID().toString();
        state.pairs().forEach(pair -> pairs.add(MeetPair.of(pair)));
    }

    /** Reads the collaborative's active pairs, seats their members present, and starts the clock. */
    static BuddyMeet start(ActivityContext context, BuddyMeetConfig config) throws ActivityException {
        BuddyMeet meet = new BuddyMeet(context,
                new BuddyMeetState(config.prompt().strip(), "meeting", null, false, 0, List.of(), UUID.randomUUID().toString()));
        context.buddyPairs().active().forEach(pair -> meet.pairs.add(MeetPair.of(pair)));
        meet.seating.seatEveryone(meet.pairs);
        meet.setTimers(context.now().plusSeconds(config.minutes() * 60L));
        return meet;
    }

    @Override
    public BuddyMeetState state() {
        return new BuddyMeetState(prompt, phase, endsAt, warned, stepsMade, pairs.stream().map(MeetPair::state).toList(), meetId);
    }

    @Override
    public void join(Participant person) {
        Optional<MeetPair> pair = pairOf(person);
        if (!meeting() || pair.isEmpty() || context.rooms().roomOf(person.personId()).isPresent()) {
            return;
        }
        try {
            seating.seat(person, pair.get(), pairs);
        } catch (ActivityException leftAgain) {
            // They left before the room opened: they are seated when they come back.
        }
    }

    @Override
    public void receive(Participant from, Record message) throws ActivityException {
        if (message instanceof BuddyMeetMessages.AddStep add) {
            addStep(from, add.text());
        } else if (message instanceof BuddyMeetMessages.DoneStep done) {
            doneStep(from, done.id());
        } else if (message instanceof BuddyMeetMessages.Extend extend) {
            requireFacilitator(from);
            requireMeeting();
            if (extend.minutes() < 1 || extend.minutes() > 60) {
                throw new ActivityException("invalid_minutes", "minutes", "Give the pairs 1 to 60 more minutes.");
            }
            Instant base = endsAt.isAfter(context.now()) ? endsAt : context.now();
            setTimers(base.plusSeconds(extend.minutes() * 60L));
        } else if (message instanceof BuddyMeetMessages.Finish) {
            requireFacilitator(from);
            requireMeeting();
            finish();
        } else if (message instanceof BuddyMeetMessages.Refresh) {
            requireFacilitator(from);
            refresh();
        } else {
            throw new ActivityException("unknown_message", "A buddy meet does not take this message.");
        }
    }

    private void addStep(Participant from, String text) throws ActivityException {
        MeetPair pair = ownPair(from);
        requireMeeting();
        String step = text == null ? "" : text.strip();
        if (step.isEmpty() || step.length() > MAX_STEP) {
            throw new ActivityException("invalid_step", "text", "Write the step in 1 to " + MAX_STEP + " characters.");
        }
        stepsMade++;
        pair.steps.add(new BuddyMeetState.Step("s" + stepsMade, step, from.name(), false));
    }

    private void doneStep(Participant from, String stepId) throws ActivityException {
        MeetPair pair = ownPair(from);
        requireMeeting();
        BuddyMeetState.Step step = pair.step(stepId)
                .orElseThrow(() -> new ActivityException("no_such_step", "id", "Your pair has no such step: reload the page to see its steps as they are."));
        pair.steps.set(pair.steps.indexOf(step), new BuddyMeetState.Step(step.id(), step.text(), step.by(), true));
    }

    /** Takes the pairs as they are now: a new invitation to the faculty, new items, a pair that became active. */
    private void refresh() throws ActivityException {
        for (BuddyPairs.Pair now : context.buddyPairs().active()) {
            Optional<MeetPair> known = pairs.stream().filter(pair -> pair.id.equals(now.id())).findFirst();
            if (known.isPresent()) {
                known.get().update(now);
            } else {
                pairs.add(MeetPair.of(now));
            }
        }
        if (meeting()) {
            seating.seatEveryone(pairs);
        }
    }

    @Override
    public void timer(String name) {
        if (!meeting()) {
            return;
        }
        if (name.equals(WARNING)) {
            warned = true;
        } else if (name.equals(END)) {
            finish();
        }
    }

    /** A pair's members share its view, facilitators share theirs, and the rest share one per reason they stay out. */
    @Override
    public String viewKey(Participant viewer) {
        if (viewer.facilitator()) {
            return "facilitators";
        }
        Optional<MeetPair> own = pairOf(viewer);
        if (own.isPresent()) {
            return "pair:" + own.get().id;
        }
        return "plenary:" + BuddyMeetViews.notice(viewer, pairs);
    }

    @Override
    public Record view(Participant viewer) {
        return BuddyMeetViews.of(viewer, state(), pairs, pairOf(viewer).orElse(null), context);
    }

    @Override
    public void end() {
        if (meeting()) {
            finish();
        }
    }

    private void setTimers(Instant due) {
        endsAt = due;
        warned = false;
        context.timers().at(END, due);
        if (due.minusSeconds(WARNING_SECONDS).isAfter(context.now())) {
            context.timers().at(WARNING, due.minusSeconds(WARNING_SECONDS));
        } else {
            context.timers().cancel(WARNING);
        }
    }

    /**
     * Time is up: every room closes, everyone is back in the plenary, each pair's steps are kept in its space, and the
     * facilitators get the result.
     */
    private void finish() {
        for (MeetPair pair : pairs) {
            if (!pair.steps.isEmpty()) {
                context.buddyPairs().keepSteps(pair.id, pair.steps.stream()
                        .map(step -> new BuddyPairs.Step(meetId + "/" + step.id(), step.text(), step.by(), step.done()))
                        .toList());
            }
        }
        phase = "done";
        endsAt = null;
        warned = false;
        context.timers().cancel(WARNING);
        context.timers().cancel(END);
        context.rooms().close();
        pairs.forEach(pair -> pair.roomId = null);
        context.publish(RESULT_TITLE, BuddyMeetViews.result(prompt, pairs));
    }

    private Optional<MeetPair> pairOf(Participant person) {
        return pairs.stream().filter(pair -> pair.member(person)).findFirst();
    }

    private MeetPair ownPair(Participant from) throws ActivityException {
        return pairOf(from).orElseThrow(() -> new ActivityException("pair_members_only",
                "Only the members of a buddy pair write its next steps."));
    }

    private boolean meeting() {
        return phase.equals("meeting");
    }

    private void requireMeeting() throws ActivityException {
        if (!meeting()) {
            throw new ActivityException("meet_over", "The buddy meet is over.");
        }
    }

    private static void requireFacilitator(Participant from) throws ActivityException {
        if (!from.facilitator()) {
            throw new ActivityException("facilitator_only", "Only a facilitator can do this.");
        }
    }
}
