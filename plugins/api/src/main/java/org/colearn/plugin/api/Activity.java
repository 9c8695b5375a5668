package org.colearn.plugin.api;

/**
 * One running activity in one live session, created by {@link ActivityType#start} or {@link ActivityType#resume}.
 *
 * <p>Lifecycle: {@link #join} for everyone present when it starts and for each person who comes later; {@link
 * #receive} for each message; {@link #timer} when a timer it set comes due; {@link #leave} when someone's last
 * connection closes; {@link #end} when the facilitator moves on. After the callbacks of one batch (often one) the
 * server stores {@link #state()} once and sends each person their {@link #view}, projected once per {@link #viewKey}
 * with their {@link #personalView} added, and not sent again to a connection that has it already. Callbacks come one
 * at a time, on the session's thread.
 *
 * <p>A callback that throws anything but {@link ActivityException} ends the activity with an error shown to
 * facilitators; the session goes on.
 *
 * @param <S> the state record
 * @since 1
 */
public interface Activity<S extends Record> {

    /** The whole state now, as a record the server can store and later pass to {@link ActivityType#resume}. */
    S state();

    /** Someone is here: present when the activity started, or arriving later. */
    default void join(Participant participant) {}

    /** Someone's last connection closed. They may come back. */
    default void leave(Participant participant) {}

    /**
     * A message from a participant or facilitator, already read into one of the records of {@link
     * ActivityType#messages()}.
     *
     * @throws ActivityException to refuse it: the sender gets the code and message, nothing else happens
     */
    void receive(Participant from, Record message) throws ActivityException;

    /** A timer set with {@link Timers#at} came due (at once, if it came due while the server was down). */
    default void timer(String name) {}

    /**
     * What this person sees of the activity now. Only what they may see: the server sends exactly this, and the
     * browser never gets more. A record (or null for nothing), turned into JSON by its components.
     */
    Record view(Participant viewer);

    /**
     * Which people see the same view now: two participants with equal keys must get equal {@link #view}s, so that the
     * server projects the view once per key, not once per person (a poll's participants who chose the same answers, a
     * buddy pair's members). Called on the session's thread after every callback, before {@link #view}; keep it cheap.
     * The default, one key per person, is always right; a key shared by people whose views differ shows them the
     * wrong view.
     *
     * @return never null
     * @since 2
     */
    default String viewKey(Participant viewer) {
        return "person:" + viewer.personId();
    }

    /**
     * The small part of this person's view that is theirs alone (where they go next, what they agreed with), added to
     * the {@link #view} they share with everyone of their {@link #viewKey}: the server projects the shared view once per
     * key and this once per person, and the person receives one view with the components of both. Its components must
     * not have the names of the view's own. Called on the session's thread after {@link #view}; keep it small and cheap.
     *
     * @return this person's own part, or null when nothing of the view is theirs alone (the default)
     * @since 3
     */
    default Record personalView(Participant viewer) {
        return null;
    }

    /** The facilitator moved on; the activity's last state is kept with the session. */
    default void end() {}
}
