package org.colearn.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pace of presence on a manual clock, a manual timer and a mailbox the test drains: no ticks, no commands. */
class PresencePaceTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private long now = 5_000 * MS;
    private final List<Long> wakeDelays = new ArrayList<>();
    private final Queue<Runnable> timer = new ArrayDeque<>();
    private final Queue<Runnable> mailbox = new ArrayDeque<>();
    private final PresencePace pace = new PresencePace(() -> now, (nanos, task) -> {
        wakeDelays.add(nanos);
        timer.add(task);
    }, mailbox::add);

    @Test
    void theFirstChangeGoesOutAtOnce() {
        assertTrue(pace.mayGo());
        assertEquals(List.of(), wakeDelays, "nothing waits, so nothing is scheduled");
    }

    @Test
    void aChangeRightAfterPresenceWentOutWakesTheSessionItselfWhenTheQuarterSecondIsUp() {
        assertTrue(pace.mayGo());
        now += 40 * MS;

        assertFalse(pace.mayGo(), "held back: presence went out 40 ms ago");
        assertEquals(List.of(210 * MS), wakeDelays, "the wake-up comes exactly when it may go out");

        now += 210 * MS;
        fire();
        assertTrue(pace.mayGo(), "the batch the wake-up made sends it, though nothing else happened");
    }

    @Test
    void manyChangesWhileHeldBackShareOneWakeUp() {
        assertTrue(pace.mayGo());
        for (int change = 1; change <= 5; change++) {
            now += 10 * MS;
            assertFalse(pace.mayGo());
        }
        assertEquals(1, wakeDelays.size(), "one wake-up for every change waiting");
    }

    @Test
    void aWakeUpThatComesEarlyIsFollowedByAnother() {
        assertTrue(pace.mayGo());
        assertFalse(pace.mayGo());
        now += 249 * MS;
        fire();

        assertFalse(pace.mayGo(), "a millisecond short");
        assertEquals(List.of(250 * MS, 1 * MS), wakeDelays, "so the change is not stranded");
    }

    @Test
    void presenceGoesOutAtMostFourTimesASecond() {
        int sent = 0;
        for (int step = 0; step < 100; step++) {
            if (pace.mayGo()) {
                sent++;
            }
            now += 10 * MS;
            drainMailbox();
        }
        assertEquals(4, sent, "a change every 10 ms for one second");
    }

    @Test
    void aLargeCrowdIsSentItsSummaryLessOftenTheLargerItIs() {
        assertEquals(250 * MS, PresencePace.crowdIntervalNanos(40), "a small session as usual");
        assertEquals(250 * MS, PresencePace.crowdIntervalNanos(250));
        assertEquals(3_000 * MS, PresencePace.crowdIntervalNanos(3_000));
        assertEquals(5_000 * MS, PresencePace.crowdIntervalNanos(5_000), "a thousand frames a second at most");
    }

    @Test
    void aLongerIntervalHoldsBackAndWakesUpWhenItIsUp() {
        assertTrue(pace.mayGo(3_000 * MS));
        now += 1_000 * MS;

        assertFalse(pace.mayGo(3_000 * MS), "held back: the crowd's summary went out a second ago");
        assertEquals(List.of(2_000 * MS), wakeDelays, "the wake-up comes when the crowd's interval is up");
        now += 2_000 * MS;
        fire();
        assertTrue(pace.mayGo(3_000 * MS));
    }

    /** The timer fires its one wake-up, which reaches the session's mailbox and runs there. */
    private void fire() {
        assertEquals(1, timer.size(), "one wake-up scheduled");
        timer.poll().run();
        drainMailbox();
    }

    private void drainMailbox() {
        Runnable task;
        while ((task = mailbox.poll()) != null) {
            task.run();
        }
    }
}
