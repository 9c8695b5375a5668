package org.colearn.plugin.worldcafe;

import java.util.List;

/** What people send to a café: participants add notes and agree; facilitators set it up and run the rounds. */
final class CafeMessages {

    private CafeMessages() {}

    /** A participant offers to host a table (or withdraws), before the café begins. */
    record Volunteer(boolean host) {}

    /** A facilitator picks (or unpicks) a host, before the café begins. */
    record PickHost(String personId, boolean host) {}

    /** A facilitator fixes a person to a table (from 1) for the rest of the café, or frees them ({@code table} null). */
    record Pin(String personId, Integer table) {}

    /** A facilitator keeps two people at different tables (or lets them meet again). */
    record KeepApart(String personId, String otherPersonId, boolean apart) {}

    /** A facilitator asks for two people to share a table in every round, when the rules allow (or stops asking). */
    record KeepTogether(String personId, String otherPersonId, boolean together) {}

    /** A facilitator seats everyone and starts the first round. */
    record Begin() {}

    /** A facilitator ends the round now: the next one starts, or after the last, the café ends. */
    record NextRound() {}

    /** A facilitator gives the round more time. */
    record Extend(int minutes) {}

    /** A facilitator moves someone to another table (from 1) in this round. */
    record Move(String personId, int table) {}

    /** A facilitator ends the café before its last round is over. */
    record Finish() {}

    /** A note for the table: a participant's own table, or for a facilitator the table they name (from 1). */
    record Note(String kind, String text, Integer table) {}

    /** Someone agrees with a note (or takes it back). */
    record Agree(String noteId, boolean agree) {}

    /** A facilitator groups notes on the harvest wall under a label. */
    record Cluster(List<String> noteIds, String label) {}

    /** A facilitator adds a kind of note. */
    record AddKind(String kind) {}
}
