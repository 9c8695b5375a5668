package org.colearn.plugin.api;

import java.time.Instant;

/**
 * Named timers of one activity, stored with the session: after a restart they fire at their time, or at once if it
 * has passed. Setting a name again moves that timer.
 *
 * @since 1
 */
public interface Timers {

    /** Calls {@link Activity#timer} with this name at {@code due}. */
    void at(String name, Instant due);

    /** Forgets the timer of this name, if any. */
    void cancel(String name);
}
