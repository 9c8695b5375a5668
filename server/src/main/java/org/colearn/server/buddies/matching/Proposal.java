package org.colearn.server.buddies.matching;

import java.util.List;

/**
 * The outcome of a pairing run: the groups (pairs and at most a few triads), the sites that could not be placed with
 * the reason, and the value of the matching's objective (for checking optimality).
 */
public record Proposal(List<Group> groups, List<Unplaced> unplaced, long objective) {

    public Proposal {
        groups = List.copyOf(groups);
        unplaced = List.copyOf(unplaced);
    }

    /** The sum of the groups' scores. */
    public int totalScore() {
        return groups.stream().mapToInt(Group::score).sum();
    }

    public long mutualGroups() {
        return groups.stream().filter(Group::mutual).count();
    }

    /** A site the run could not place in any group, and why. */
    public record Unplaced(String siteId, String reason) {}
}
