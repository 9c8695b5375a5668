package org.colearn.plugin.worldcafe.seating;

/**
 * How much each broken mixing rule costs a seating; the engine seeks the seating of least total cost. Keeping
 * apart and balanced sizes are not weighed: they are hard rules.
 *
 * @param repeat each time two people sit together again in this café: their second meeting costs twice this, the
 *     third three times this, and so on (the strongest rule)
 * @param priorMeeting each time two people who met in earlier sessions sit together, times their earlier meetings
 * @param sameSite each pair from the same site at one table in one round
 * @param professionMix each table in a round whose people share one profession while the round's roster has more
 * @param keepTogether each round in which a pair the facilitator keeps together sits apart
 */
public record Weights(int repeat, int priorMeeting, int sameSite, int professionMix, int keepTogether) {

    /** The defaults: a repeat outweighs everything else; sites weigh more than professions. */
    public static final Weights DEFAULTS = new Weights(1_000, 200, 40, 20, 100);

    public Weights {
        if (repeat < 0 || priorMeeting < 0 || sameSite < 0 || professionMix < 0 || keepTogether < 0) {
            throw new IllegalArgumentException("Weights cannot be negative.");
        }
        if (repeat > 100_000 || priorMeeting > 100_000 || sameSite > 100_000 || professionMix > 100_000
                || keepTogether > 100_000) {
            throw new IllegalArgumentException("Weights are at most 100,000.");
        }
    }
}
