package org.colearn.server.live;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * When a live session's presence goes out: at most once every {@value #INTERVAL_MILLIS} ms, so that a crowd of
 * 3,000 arriving over a minute costs each connection a few hundred diff frames rather than one per arrival, and never
 * later than that after a change. A change held back schedules its own wake-up, so it goes out on time even when
 * nothing else happens in the session (no command, no timer, no activity). Paced in real time, whatever the session's
 * clock says: it paces the network. Used on the session's mailbox only, wake-ups included.
 */
final class PresencePace {

    static final long INTERVAL_MILLIS = 250;
    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(INTERVAL_MILLIS);

    /** In a large session, the whole crowd gets a summary at most once per this many milliseconds per person connected. */
    static final long CROWD_MILLIS_PER_PERSON = 1;

    /**
     * The crowd's interval for {@link #mayGo(long)}: the usual quarter-second up to 250 people, then a millisecond per
     * person (5 s at 5,000), so that the whole crowd costs at most a thousand summary frames a second however large it
     * is, where four frames a second to each would cost twenty thousand at 5,000.
     */
    static long crowdIntervalNanos(int people) {
        return TimeUnit.MILLISECONDS.toNanos(Math.max(INTERVAL_MILLIS, CROWD_MILLIS_PER_PERSON * people));
    }

    /** Runs {@code task} once, {@code nanos} from now, on any thread. */
    interface Timer {
        void after(long nanos, Runnable task);
    }

    private final LongSupplier nanoTime;
    private final Timer timer;
    private final Consumer<Runnable> mailbox;
    private long sentAt;
    private boolean wakePending;

    /**
     * @param mailbox submits a task to the session's mailbox: the batch a wake-up makes there ends in the commit that
     *     sends presence
     */
    PresencePace(LongSupplier nanoTime, Timer timer, Consumer<Runnable> mailbox) {
        this.nanoTime = nanoTime;
        this.timer = timer;
        this.mailbox = mailbox;
        this.sentAt = Long.MIN_VALUE / 2;
    }

    /**
     * Whether presence may go out now; when it may, it counts as sent. When it may not, a wake-up is due at the moment
     * it may (one at a time), so a change waiting now is never stranded.
     */
    boolean mayGo() {
        return mayGo(INTERVAL_NANOS);
    }

    /** {@link #mayGo()} with another interval than the usual: the crowd's, in a large session. */
    boolean mayGo(long intervalNanos) {
        long now = nanoTime.getAsLong();
        long wait = sentAt + intervalNanos - now;
        if (wait <= 0) {
            sentAt = now;
            return true;
        }
        if (!wakePending) {
            wakePending = true;
            // Cleared on the mailbox, so that the commit of the batch the wake-up makes may schedule another if the
            // timer fired a hair early.
            timer.after(wait, () -> mailbox.accept(() -> wakePending = false));
        }
        return false;
    }
}
