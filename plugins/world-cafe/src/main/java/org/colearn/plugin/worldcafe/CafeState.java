package org.colearn.plugin.worldcafe;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.colearn.plugin.worldcafe.seating.SeatingPlan;

/**
 * Everything a café knows, as the server stores it after every change and hands back after a restart.
 *
 * @param phase {@code gathering} before the first round, {@code round} while one runs, {@code done} after the last
 * @param seed the seed of the seating, so that the same café seats the same way
 * @param round the round running or last run, from 0; -1 before the first
 * @param roundEndsAt when the round's time is up; null when none runs
 * @param warned whether the one-minute warning of this round has been given
 * @param people everyone who has been here, facilitators included
 * @param sites the participants' sites in the order they first came, which gives each its colour on the seating plan
 * @param absent ids of people whose last connection closed
 * @param volunteers ids of people who offered to host
 * @param hostPicks ids of the hosts the facilitator picked, in table order
 * @param pins people fixed to a table for the rest of the café
 * @param apart pairs of ids the facilitator keeps at different tables
 * @param together pairs of ids the facilitator would like at one table
 * @param plan the seating of every round; null before the café begins
 * @param roomIds the breakout room of each table in the round running, by table index
 * @param notes every note, in the order they were added
 * @param clusters the facilitator's groups of notes on the harvest wall
 * @param kinds the kinds of note, the configuration's and any the facilitator added
 * @param nextId the number of the next note or cluster
 * @param harvestPublishedAt when the harvest was last published; null before the first time
 * @param harvestWaiting when changes to the notes that are not published yet will be; null when none wait
 */
public record CafeState(String phase, long seed, int round, Instant roundEndsAt, boolean warned, List<Guest> people,
        List<String> sites, List<String> absent, List<String> volunteers, List<String> hostPicks, List<PinRule> pins,
        List<List<String>> apart, List<List<String>> together, SeatingPlan plan, Map<Integer, String> roomIds, List<Note> notes, List<Cluster> clusters, List<String> kinds, int nextId,
        Instant harvestPublishedAt, Instant harvestWaiting) {

    /** A person as the café knows them. */
    public record Guest(String id, String name, String site, String profession, boolean facilitator) {}

    /** A person fixed to a table, from 0. */
    public record PinRule(String personId, int table) {}

    /** A note added at a table in a round (both from 0), with who agrees. */
    public record Note(String id, int round, int table, String kind, String text, String authorId, String authorName,
            List<String> agreedBy, String clusterId) {}

    /** A group of notes on the harvest wall. */
    public record Cluster(String id, String label) {}
}
