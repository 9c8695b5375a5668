package org.colearn.plugin.api;

import java.time.Instant;
import java.util.List;

/**
 * What an activity may use of its live session: time, who is here, breakout rooms, timers, and publishing results.
 * Valid only during a callback of the activity that received it.
 *
 * @since 1
 */
public interface ActivityContext {

    /** The session's clock: use it, never the system clock, so that tests can move time. */
    Instant now();

    /** Everyone present in the session now, facilitators included. Never null. */
    List<Participant> present();

    /** The session's breakout rooms. */
    Rooms rooms();

    /** Timers that survive a server restart. */
    Timers timers();

    /**
     * Keeps a result with the session's record (a poll's results, a café's harvest), under a title. The last result
     * published under a title wins.
     */
    void publish(String title, Record result);
}
