package org.colearn.plugin.buddymeet;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.colearn.plugin.api.ActivityContext;
import org.colearn.plugin.api.Participant;

/**
 * What each person sees of a buddy meet. A pair's members see their own pair whole; facilitators see every pair's
 * name, who is in its room and how many steps it agreed, and its items and steps only if it invited the faculty;
 * everyone else sees why they stay in the plenary. Nobody sees anything of a pair they are not in.
 */
final class BuddyMeetViews {

    /**
     * A buddy meet as one person sees it.
     *
     * @param role {@code member} (of a pair), {@code facilitator} or {@code plenary} (no pair)
     * @param notice for people in the plenary, why they are there; otherwise null
     * @param pair the viewer's own pair, for members; otherwise null
     * @param pairs every pair, for facilitators; otherwise null
     * @param plenary the participants in no room, for facilitators; otherwise null
     */
    record View(String role, String phase, Instant endsAt, boolean warning, String prompt, String notice, OwnPair pair,
            List<PairSummary> pairs, List<Person> plenary) {}

    record Person(String name, String site) {}

    record StepView(String id, String text, String by, boolean done) {}

    /** A member's own pair: everything it has open and the steps it agreed. */
    record OwnPair(String id, String name, List<String> sites, List<String> openItems, List<StepView> steps) {}

    /**
     * A pair as facilitators see it; {@code openItems} and {@code steps} are null unless the pair invited the faculty.
     */
    record PairSummary(String id, String name, List<String> sites, boolean facultyInvited, boolean roomOpen,
            List<Person> people, int steps, int stepsDone, List<String> openItems, List<StepView> agreed) {}

    private BuddyMeetViews() {}

    static View of(Participant viewer, BuddyMeetState state, List<MeetPair> pairs, MeetPair own, ActivityContext context) {
        boolean meeting = state.phase().equals("meeting");
        boolean warning = meeting && state.warned();
        if (viewer.facilitator()) {
            List<Participant> present = context.present();
            List<PairSummary> summaries = pairs.stream().map(pair -> summary(pair, viewer, present, context)).toList();
            List<Person> plenary = present.stream()
                    .filter(person -> !person.facilitator() && context.rooms().roomOf(person.personId()).isEmpty())
                    .map(BuddyMeetViews::person)
                    .toList();
            return new View("facilitator", state.phase(), state.endsAt(), warning, state.prompt(), null, null, summaries, plenary);
        }
        if (own != null) {
            OwnPair pair = new OwnPair(own.id, own.name(), own.sites, own.openItems, steps(own));
            return new View("member", state.phase(), state.endsAt(), warning, state.prompt(), null, pair, null, null);
        }
        return new View("plenary", state.phase(), state.endsAt(), warning, state.prompt(), notice(viewer, pairs), null, null, null);
    }

    /** Why someone in no pair stays in the plenary. */
    static String notice(Participant viewer, List<MeetPair> pairs) {
        if (viewer.site() == null) {
            return "You joined without a site, so you have no buddy pair: you stay in the plenary with the facilitators.";
        } else if (pairs.stream().anyMatch(pair -> pair.claimedBy(viewer))) {
            return "Only the members of a pair's sites meet in its room: you stay in the plenary with the facilitators.";
        }
        return "Your site has no buddy pair yet: you stay in the plenary with the facilitators.";
    }

    private static PairSummary summary(MeetPair pair, Participant viewer, List<Participant> present, ActivityContext context) {
        List<Person> people = pair.roomId == null ? List.of() : present.stream()
                .filter(person -> context.rooms().roomOf(person.personId()).equals(Optional.of(pair.roomId)))
                .map(BuddyMeetViews::person)
                .toList();
        boolean open = pair.readableBy(viewer);
        return new PairSummary(pair.id, pair.name(), pair.sites, pair.facultyInvited, pair.roomId != null, people,
                pair.steps.size(), (int) pair.steps.stream().filter(BuddyMeetState.Step::done).count(),
                open ? pair.openItems : null, open ? steps(pair) : null);
    }

    private static List<StepView> steps(MeetPair pair) {
        return pair.steps.stream().map(step -> new StepView(step.id(), step.text(), step.by(), step.done())).toList();
    }

    private static Person person(Participant participant) {
        return new Person(participant.name(), participant.site());
    }

    /** What facilitators keep: per pair its sites, how many met and agreed steps; the steps only if it invited them. */
    static BuddyMeetResult result(String prompt, List<MeetPair> pairs) {
        return new BuddyMeetResult(prompt, pairs.stream()
                .map(pair -> new BuddyMeetResult.PairResult(pair.name(), pair.sites, pair.met.size(), pair.steps.size(),
                        pair.facultyInvited ? pair.steps.stream().map(step -> step.text() + (step.done() ? " (done)" : "")).toList() : null))
                .toList());
    }
}
