package org.colearn.plugin.api;

/**
 * What an activity does with the outcome of long work it handed to {@link ActivityContext#compute}. Both methods are
 * callbacks like {@link Activity#receive}: on the session's thread, one at a time with the activity's others, and after
 * each the server stores the state and sends everyone their view. Neither is called once the activity has ended.
 *
 * @param <R> what the work returns
 * @since 1
 */
public interface Computed<R> {

    /**
     * The work's result. Messages, arrivals and departures kept coming while it ran, so the activity's state may have
     * changed since the work began: check what the result relies on (who is still here, say) before using it.
     *
     * @throws ActivityException to give the result up: its message is shown to everyone as the outcome of the work
     */
    void done(R result) throws ActivityException;

    /**
     * The work threw, or ran past its budget: nothing of it is applied, and everyone is shown {@code reason}. The
     * default does nothing more.
     */
    default void failed(String reason) {}
}
