package org.colearn.plugin.buddymeet;

/**
 * The messages of a buddy meet: {@code buddy-meet.addStep}, {@code buddy-meet.doneStep} from a pair's members;
 * {@code buddy-meet.extend}, {@code buddy-meet.finish}, {@code buddy-meet.refresh} from facilitators.
 */
final class BuddyMeetMessages {

    private BuddyMeetMessages() {}

    /** A next step the pair agreed, up to 500 characters. */
    record AddStep(String text) {}

    /** Marks one of the pair's steps as done. */
    record DoneStep(String id) {}

    /** Gives the pairs more time: 1 to 60 minutes. */
    record Extend(int minutes) {}

    /** Ends the meet now: every room closes and everyone is back in the plenary. */
    record Finish() {}

    /**
     * Reads the pairs again: a pair that has just invited the faculty, or planned a visit, shows it, and the members
     * of a pair that became active since the start get their room.
     */
    record Refresh() {}
}
