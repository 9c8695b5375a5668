package org.colearn.plugin.worldcafe.seating;

/**
 * Who sits where in the rounds being planned, with what the search needs to weigh a move in time proportional to a
 * table: the members of each table, how often each pair has met, the professions at each table, and the total cost.
 */
final class Seats {

    final Model model;
    private final int people;
    /** Table of each person in each round, -1 before they are seated. */
    final int[][] at;
    final int[][][] members;
    final int[][] size;
    private final int[][] slot;
    private final byte[] met;
    /**
     * In which planned rounds each pair sits together (bit r for round r), kept only when repeats weigh by their
     * round ({@link Model#lateness}); null otherwise.
     */
    private final long[] metIn;
    private final Professions professions;
    private long cost;
    private final long floor;

    Seats(Model model) {
        this.model = model;
        people = model.people;
        at = new int[model.rounds][people];
        members = new int[model.rounds][model.tables][];
        size = new int[model.rounds][model.tables];
        slot = new int[model.rounds][people];
        met = new byte[people * people];
        metIn = model.lateness == null ? null : new long[people * people];
        professions = new Professions(model);
        long repeatsBefore = 0;
        for (int p = 0; p < people; p++) {
            for (int q = p + 1; q < people; q++) {
                repeatsBefore += repeatCost(model.meetingsBefore[model.pair(p, q)]);
            }
        }
        floor = repeatsBefore;
        clear();
    }

    /** Empties every table: everyone unseated, only the meetings of earlier rounds counted. */
    void clear() {
        for (int r = 0; r < model.rounds; r++) {
            java.util.Arrays.fill(at[r], -1);
            java.util.Arrays.fill(size[r], 0);
            for (int t = 0; t < model.tables; t++) {
                members[r][t] = new int[model.capacity[r][t] == 0 ? 0 : model.largest[r]];
            }
        }
        professions.clear();
        System.arraycopy(model.meetingsBefore, 0, met, 0, met.length);
        if (metIn != null) {
            java.util.Arrays.fill(metIn, 0);
        }
        cost = floor + model.keepTogetherOffset;
        for (int r = 0; r < model.rounds; r++) {
            for (int t = 0; t < model.tables; t++) {
                cost += mixPenalty(r, t);
            }
        }
    }

    long cost() {
        return cost;
    }

    /** The cost of a seating that breaks no rule: what repeats among the rounds not planned again cost. */
    long floor() {
        return floor;
    }

    /** A cost no seating can go below: the floor, and the same-site pairs that the roster makes unavoidable. */
    long bound() {
        return floor + model.siteBound;
    }

    /** The cost counted afresh from who sits where, for checking the running total. */
    long recount() {
        long total = model.keepTogetherOffset;
        byte[] meetings = model.meetingsBefore.clone();
        long[] rounds = new long[meetings.length];
        for (int r = 0; r < model.rounds; r++) {
            for (int t = 0; t < model.tables; t++) {
                total += mixPenalty(r, t);
                for (int i = 0; i < size[r][t]; i++) {
                    for (int j = i + 1; j < size[r][t]; j++) {
                        int p = members[r][t][i];
                        int q = members[r][t][j];
                        total += model.pairCost[model.pair(p, q)];
                        if (!model.together[model.pair(p, q)]) {
                            meetings[model.pair(p, q)]++;
                            meetings[model.pair(q, p)]++;
                            rounds[model.pair(p, q)] |= 1L << r;
                            rounds[model.pair(q, p)] |= 1L << r;
                        }
                    }
                }
            }
        }
        for (int p = 0; p < people; p++) {
            for (int q = p + 1; q < people; q++) {
                total += repeatCost(meetings[model.pair(p, q)]);
                total += lateness(rounds[model.pair(p, q)], model.meetingsBefore[model.pair(p, q)]);
            }
        }
        return total;
    }

    /** Whether someone of {@code p}'s profession already sits at table {@code t} in round {@code r}. */
    boolean professionAt(int r, int t, int p) {
        return professions.at(r, t, model.profession[p]);
    }

    int tableOf(int round, int person) {
        return at[round][person];
    }

    /** The cost of {@code p} joining {@code x} at a table in round {@code r}, given every other meeting. */
    long joining(int r, int p, int x) {
        int pair = model.pair(p, x);
        int before = met[pair];
        if (model.together[pair]) {
            return model.pairCost[pair];
        }
        long cost = model.pairCost[pair] + (before == 0 ? 0 : (long) model.weights.repeat() * (before + 1));
        if (metIn == null || before == 0) {
            return cost;
        }
        long rounds = metIn[pair];
        int earlier = model.meetingsBefore[pair];
        return cost + lateness(rounds | 1L << r, earlier) - lateness(rounds, earlier);
    }

    /** What {@code p} leaving {@code x}'s table in round {@code r} saves. */
    long leaving(int r, int p, int x) {
        int pair = model.pair(p, x);
        int before = met[pair];
        if (model.together[pair]) {
            return model.pairCost[pair];
        }
        long saving = model.pairCost[pair] + (before <= 1 ? 0 : (long) model.weights.repeat() * before);
        if (metIn == null || before <= 1) {
            return saving;
        }
        long rounds = metIn[pair];
        int earlier = model.meetingsBefore[pair];
        return saving + lateness(rounds, earlier) - lateness(rounds & ~(1L << r), earlier);
    }

    /**
     * What a pair's repeats cost for being early: each meeting in a planned round that is not the pair's first
     * weighs {@link Model#lateness} of its round, so that the search puts the repeats it cannot avoid in the last
     * rounds and keeps the first ones clean.
     */
    private long lateness(long rounds, int earlier) {
        if (model.lateness == null || rounds == 0 || earlier == 0 && Long.bitCount(rounds) < 2) {
            return 0;
        }
        long sum = 0;
        for (long left = earlier == 0 ? rounds & (rounds - 1) : rounds; left != 0; left &= left - 1) {
            sum += model.lateness[Long.numberOfTrailingZeros(left)];
        }
        return sum;
    }

    /**
     * What {@code meetings} of one pair cost: the second meeting costs the repeat weight twice, the third three
     * times, and so on, so that the search prefers two pairs meeting twice to one pair meeting three times, and
     * fewer repeats to more.
     */
    private long repeatCost(int meetings) {
        return meetings <= 1 ? 0 : model.weights.repeat() * ((long) meetings * (meetings + 1) / 2 - 1);
    }

    /** The cost of {@code p} joining table {@code t} in round {@code r}, everyone else as they are. */
    long joiningTable(int r, int p, int t) {
        long sum = 0;
        int[] seated = members[r][t];
        for (int i = 0; i < size[r][t]; i++) {
            sum += joining(r, p, seated[i]);
        }
        return sum;
    }

    /** What {@code p} leaving their table in round {@code r} saves, not counting {@code except}. */
    long leavingTable(int r, int p, int except) {
        long sum = 0;
        int t = at[r][p];
        int[] seated = members[r][t];
        for (int i = 0; i < size[r][t]; i++) {
            int x = seated[i];
            if (x != p && x != except) {
                sum += leaving(r, p, x);
            }
        }
        return sum;
    }

    void seat(int r, int p, int t) {
        cost -= mixPenalty(r, t);
        cost += joiningTable(r, p, t);
        int[] seated = members[r][t];
        for (int i = 0; i < size[r][t]; i++) {
            meet(r, p, seated[i], 1);
        }
        slot[r][p] = size[r][t];
        seated[size[r][t]++] = p;
        at[r][p] = t;
        professions.add(r, t, model.profession[p], 1);
        cost += mixPenalty(r, t);
    }

    /** The change in cost if {@code p} and {@code q}, at different tables in round {@code r}, swapped seats. */
    long swapDelta(int r, int p, int q) {
        int a = at[r][p];
        int b = at[r][q];
        long delta = joiningTable(r, p, b) - joining(r, p, q) - leavingTable(r, p, -1)
                + joiningTable(r, q, a) - joining(r, q, p) - leavingTable(r, q, -1);
        return delta + mixDelta(r, p, q);
    }

    /** Like {@link #swapDelta} when {@code joiningB} is {@code joiningTable(r, p, b)} and {@code leavingP} is known. */
    long swapDelta(int r, int p, int q, long joiningB, long leavingP) {
        int a = at[r][p];
        long delta = joiningB - joining(r, p, q) - leavingP + joiningTable(r, q, a) - joining(r, q, p)
                - leavingTable(r, q, -1);
        return delta + mixDelta(r, p, q);
    }

    void swap(int r, int p, int q) {
        long delta = swapDelta(r, p, q);
        int a = at[r][p];
        int b = at[r][q];
        int[] atA = members[r][a];
        int[] atB = members[r][b];
        for (int i = 0; i < size[r][a]; i++) {
            if (atA[i] != p) {
                meet(r, p, atA[i], -1);
                meet(r, q, atA[i], 1);
            }
        }
        for (int i = 0; i < size[r][b]; i++) {
            if (atB[i] != q) {
                meet(r, q, atB[i], -1);
                meet(r, p, atB[i], 1);
            }
        }
        atA[slot[r][p]] = q;
        atB[slot[r][q]] = p;
        int slotP = slot[r][p];
        slot[r][p] = slot[r][q];
        slot[r][q] = slotP;
        at[r][p] = b;
        at[r][q] = a;
        professions.add(r, a, model.profession[p], -1);
        professions.add(r, a, model.profession[q], 1);
        professions.add(r, b, model.profession[q], -1);
        professions.add(r, b, model.profession[p], 1);
        cost += delta;
    }

    /**
     * Whether {@code p} may move on its own to table {@code t} in round {@code r}: from one of the largest tables to
     * one of the smallest, which keeps sizes within one (the two tables trade sizes).
     */
    boolean canMove(int r, int p, int t) {
        int from = at[r][p];
        return from != t && model.capacity[r][t] > 0 && size[r][from] == model.largest[r]
                && size[r][t] == model.smallest[r] && model.largest[r] > model.smallest[r];
    }

    /** Like {@link #moveDelta} when {@code joiningT} is {@code joiningTable(r, p, t)} and {@code leavingP} is known. */
    long moveDelta(int r, int p, int t, long joiningT, long leavingP) {
        long delta = joiningT - leavingP;
        int kind = model.profession[p];
        if (kind < 0 || model.mixTarget < 2) {
            return delta;
        }
        int from = at[r][p];
        return delta + professions.penaltyAfter(r, from, kind, -1) - mixPenalty(r, from)
                + professions.penaltyAfter(r, t, -1, kind) - mixPenalty(r, t);
    }

    /** The change in cost if {@code p} left their table in round {@code r} for table {@code t}. */
    long moveDelta(int r, int p, int t) {
        return moveDelta(r, p, t, joiningTable(r, p, t), leavingTable(r, p, -1));
    }

    /** Moves {@code p} alone to table {@code t} in round {@code r}; see {@link #canMove}. */
    void move(int r, int p, int t) {
        long delta = moveDelta(r, p, t);
        int from = at[r][p];
        int[] left = members[r][from];
        for (int i = 0; i < size[r][from]; i++) {
            if (left[i] != p) {
                meet(r, p, left[i], -1);
            }
        }
        int last = left[--size[r][from]];
        left[slot[r][p]] = last;
        slot[r][last] = slot[r][p];
        professions.add(r, from, model.profession[p], -1);
        int[] joined = members[r][t];
        for (int i = 0; i < size[r][t]; i++) {
            meet(r, p, joined[i], 1);
        }
        slot[r][p] = size[r][t];
        joined[size[r][t]++] = p;
        at[r][p] = t;
        professions.add(r, t, model.profession[p], 1);
        cost += delta;
    }

    /** Whether {@code p} is part of anything that costs in round {@code r}. */
    boolean inConflict(int r, int p) {
        int t = at[r][p];
        if (mixPenalty(r, t) > 0 || leavingTable(r, p, -1) > 0) {
            return true;
        }
        for (int partner : model.partners[p]) {
            if (at[r][partner] != t) {
                return true;
            }
        }
        return false;
    }

    private long mixDelta(int r, int p, int q) {
        int pp = model.profession[p];
        int pq = model.profession[q];
        if (pp == pq || model.mixTarget < 2) {
            return 0;
        }
        int a = at[r][p];
        int b = at[r][q];
        return professions.penaltyAfter(r, a, pp, pq) - mixPenalty(r, a)
                + professions.penaltyAfter(r, b, pq, pp) - mixPenalty(r, b);
    }

    private int mixPenalty(int r, int t) {
        return professions.penalty(r, t, size[r][t]);
    }

    private void meet(int r, int p, int q, int change) {
        met[model.pair(p, q)] += change;
        met[model.pair(q, p)] += change;
        if (metIn != null) {
            long bit = 1L << r;
            long rounds = change > 0 ? metIn[model.pair(p, q)] | bit : metIn[model.pair(p, q)] & ~bit;
            metIn[model.pair(p, q)] = rounds;
            metIn[model.pair(q, p)] = rounds;
        }
    }
}
