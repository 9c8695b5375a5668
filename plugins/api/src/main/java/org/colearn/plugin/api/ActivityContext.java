package org.colearn.plugin.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * What an activity may use of its live session: time, who is here, breakout rooms, timers, and publishing results.
 * Valid only during a callback of the activity that received it.
 *
 * @since 1
 */
public interface ActivityContext {

    /**
     * The session's clock as it reads at this call: use it, never the system clock, so that tests can move time. Time
     * spent in a callback counts: a timer set at {@code now()} plus a round's length after long work runs its full
     * length from when the work is done.
     */
    Instant now();

    /** Everyone present in the session now, facilitators included. Never null. */
    List<Participant> present();

    /** The session's breakout rooms. */
    Rooms rooms();

    /** Timers that survive a server restart. */
    Timers timers();

    /**
     * Keeps a result with the session's record (a poll's results, a café's harvest), under a title. The last result
     * published under a title wins. A result that is also an {@link ExportableResult} can be downloaded by
     * facilitators as Markdown and CSV, rendered now, so the download outlives the plugin.
     */
    void publish(String title, Record result);

    /**
     * The results this activity type published in earlier sessions of the same collaborative, oldest session first:
     * the collaborative's memory, such as who already sat with whom at a world café. Results that do not read into
     * {@code type} (published by an older version of the plugin, say) are left out. Reads the database: call it when
     * the activity starts, not on every message. Never null.
     *
     * @since 1
     */
    <R extends Record> List<R> earlierResults(Class<R> type);

    /**
     * The collaborative's failure-story catalogue: stories people bring to this session, and publishing a story told
     * here with its teller's consent.
     *
     * @since 1
     */
    Stories stories();

    /**
     * The buddy pairs of this session's collaborative, with their open items.
     *
     * @since 1
     */
    BuddyPairs buddyPairs();

    /**
     * The collaborative's common measures and each site's chart of one, with who may see it. The default has no
     * measures, so that contexts written before it keep compiling; the server overrides it.
     *
     * @since 2
     */
    default Measures measures() {
        return Measures.NONE;
    }

    /**
     * Runs long work (seating 1,500 people, say) off the session's thread, so that chat, presence and every other
     * command keep flowing while it runs. Everyone sees {@code label} ("Seating 1,500 people…") with the budget until
     * it is over. The work must not touch the activity or this context: give it copies of what it needs, and apply its
     * result in {@link Computed#done}, which runs on the session's thread like any callback. A round timed there with
     * {@link #now()} starts when the work is done, not when it was asked for.
     *
     * <p>One piece of work at a time per activity. When {@code budget} passes first, the work is interrupted (work
     * that checks {@link Thread#interrupted()} stops early), its result is dropped, and {@link Computed#failed} is
     * called; the same when the work throws. When the activity ends first, neither is called. A server restart forgets
     * the work: the state is as it was before it began.
     *
     * <p>The default runs the work at once, in the calling thread, as a test harness does; the server overrides it.
     *
     * @param label what everyone is told is happening, in the facilitator's words
     * @param budget how long the work may take, at most 10 minutes
     * @throws ActivityException {@code busy} when this activity's earlier work is still running
     * @since 1
     */
    default <R> void compute(String label, Duration budget, Callable<R> work, Computed<R> then) throws ActivityException {
        long began = System.nanoTime();
        R result;
        try {
            result = work.call();
        } catch (Exception e) {
            then.failed(label + " failed: " + e.getMessage());
            return;
        }
        if (System.nanoTime() - began > budget.toNanos()) {
            then.failed(label + " took longer than " + budget.toSeconds() + " s.");
            return;
        }
        then.done(result);
    }
}
