package org.colearn.plugin.worldcafe;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.colearn.plugin.api.ActivityException;

/**
 * What the facilitator sets up for a world café.
 *
 * @param tableSize the largest table, 2 to 20; left out of account when {@code tables} is given
 * @param tables how many tables, 1 to 300; 0 to make as many as {@code tableSize} needs
 * @param rounds how many rounds, 1 to 10
 * @param roundMinutes how long a round lasts, 1 to 120 minutes
 * @param questions one question for every round, or one per round
 * @param hosts how hosts are chosen: {@code automatic}, {@code volunteers} (then the rest automatically) or
 *     {@code facilitator} (picked by hand, the rest automatically), or {@code none}: nobody stays, everyone moves
 *     every round
 * @param noteKinds the kinds of note people add at their table, such as "insight"
 * @param mixSites whether to keep people of one site at different tables
 * @param mixProfessions whether to mix professions at every table
 * @param avoidEarlierMeetings whether to avoid seating together people who sat together in the collaborative's
 *     earlier cafés
 */
public record CafeConfig(int tableSize, int tables, int rounds, int roundMinutes, List<String> questions, String hosts,
        List<String> noteKinds, boolean mixSites, boolean mixProfessions, boolean avoidEarlierMeetings) {

    static final Set<String> HOST_MODES = Set.of("automatic", "volunteers", "facilitator", "none");

    static CafeConfig defaults() {
        return new CafeConfig(4, 0, 3, 15,
                List.of("What has helped your team notice deterioration early, and what got in the way?"),
                "automatic", List.of("insight", "change idea", "question"), true, true, true);
    }

    /**
     * How many tables seat {@code people}: the number of tables when it is given, else as many as the table size
     * needs.
     */
    int tablesFor(int people) {
        return tables > 0 ? tables : (people + tableSize - 1) / tableSize;
    }

    /** Whether a host stays at each table ({@code hosts} is not {@code none}). */
    boolean hasHosts() {
        return !hosts.equals("none");
    }

    /** The question of round {@code round} (from 0). */
    String question(int round) {
        return questions.size() == 1 ? questions.get(0) : questions.get(round);
    }

    void check() throws ActivityException {
        if (tables == 0 && (tableSize < 2 || tableSize > 20)) {
            throw new ActivityException("invalid_config", "tableSize", "Tables seat 2 to 20 people.");
        }
        if (tables < 0 || tables > 300) {
            throw new ActivityException("invalid_config", "tables", "A café has 1 to 300 tables.");
        }
        if (rounds < 1 || rounds > 10) {
            throw new ActivityException("invalid_config", "rounds", "A café has 1 to 10 rounds.");
        }
        if (roundMinutes < 1 || roundMinutes > 120) {
            throw new ActivityException("invalid_config", "roundMinutes", "A round lasts 1 to 120 minutes.");
        }
        if (questions == null || questions.isEmpty() || (questions.size() != 1 && questions.size() != rounds)
                || questions.stream().anyMatch(q -> q == null || q.isBlank() || q.length() > 300)) {
            throw new ActivityException("invalid_config", "questions",
                    "Give one question for every round, or one for each of the " + rounds + " rounds, each up to 300 characters.");
        }
        if (hosts == null || !HOST_MODES.contains(hosts)) {
            throw new ActivityException("invalid_config", "hosts", "Hosts are automatic, volunteers, facilitator, or none (everyone moves every round).");
        }
        checkKinds(noteKinds);
    }

    static void checkKinds(List<String> kinds) throws ActivityException {
        if (kinds == null || kinds.isEmpty() || kinds.size() > 8 || new HashSet<>(kinds).size() != kinds.size()
                || kinds.stream().anyMatch(kind -> kind == null || kind.isBlank() || kind.length() > 40)) {
            throw new ActivityException("invalid_config", "noteKinds", "Give 1 to 8 different kinds of note, each up to 40 characters.");
        }
    }
}
