package org.colearn.plugin.worldcafe.seating;

import java.util.List;

/**
 * A café's seating for every round, with what it asked for and what it could not meet. It is a plain value: an
 * activity keeps it in its state and hands it back to {@link WorldCafeSeating} when the café changes.
 *
 * @param setup what was asked, as it stands after any changes (late joiners added, hosts replaced)
 * @param rounds the seating of each round, round 0 first
 * @param left the ids of people who left the café; they are in {@code setup.people()} and in the rounds they sat in,
 *     and in no later round
 * @param report what the seating could not meet
 */
public record SeatingPlan(CafeSetup setup, List<Round> rounds, List<String> left, SeatingReport report) {

    public SeatingPlan {
        rounds = List.copyOf(rounds);
        left = List.copyOf(left);
    }
}
