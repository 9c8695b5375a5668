package org.colearn.plugin.api;

import java.util.Map;
import java.util.Set;

/**
 * A kind of activity a facilitator can put on an agenda, such as a poll. One instance exists per server.
 *
 * <p>Lifecycle: the server finds the type with {@link java.util.ServiceLoader} when it starts (a type that throws
 * while loading, or shares its {@link #id()} with another, stops start-up with a message naming the jar), then calls
 * {@link #start} each time an agenda item of this type begins, and {@link #resume} when a server restarts during a
 * running activity or when the changes of its last callbacks could not be stored (the instance that made them is
 * dropped). The type itself holds no per-session state.
 *
 * @param <C> the configuration record a facilitator fills in (its form is generated from its components)
 * @param <S> the state record of one running activity, stored by the server as JSON after each batch of callbacks
 * @since 1
 */
public interface ActivityType<C extends Record, S extends Record> {

    /** The version of this API that this server implements; a plugin declares its own in its jar's manifest. */
    int API_VERSION = 1;

    /**
     * The stable id: lower case letters, digits and hyphens, 2 to 40 characters ({@code poll}, {@code world-cafe}).
     * Messages of this activity travel as {@code <id>.<name>}. Never null.
     */
    String id();

    /** The name facilitators see, such as "Poll". Never null. */
    String displayName();

    /** The record type of the configuration. Never null. */
    Class<C> configType();

    /** The configuration used when the facilitator gives none. Never null. */
    C defaultConfig();

    /** The record type of the state. Never null. */
    Class<S> stateType();

    /**
     * The messages participants and facilitators may send, by name (without the id prefix). The server reads each
     * message's body into its record, refusing unknown fields and wrong types, before {@link Activity#receive} sees
     * it. Never null; may be empty.
     */
    Map<String, Class<? extends Record>> messages();

    /**
     * The names of messages whose sender the server does not record, for anonymous contributions: the events they
     * cause are logged with no client id or reference, and the server keeps no note of them for retries (so a resent
     * message arrives twice: give it something to recognise, such as a key). The activity still learns who sent it
     * and must itself keep no link: nothing of the sender in its state or in anyone's view. The default is none.
     *
     * @since 1
     */
    default Set<String> unattributedMessages() {
        return Set.of();
    }

    /**
     * The file name of the browser component, an ES module in the jar under {@code colearn-plugin/<id>/}, defining
     * the custom element {@code colearn-activity-<id>}. Never null.
     */
    String browserModule();

    /**
     * Checks a configuration when a facilitator plans it, long before it runs, so that a poll with one answer is
     * refused while the session is planned rather than failing in front of everyone. Apply the same rules as
     * {@link #start}. Called on any thread, any number of times; keep no state. The default accepts every
     * configuration that reads into {@code C}.
     *
     * @param config the configuration, already read into a {@code C}; never null
     * @throws ActivityException what the facilitator must change, with the field it concerns where there is one
     */
    default void check(C config) throws ActivityException {
        // Every well-formed configuration is acceptable unless the activity says otherwise.
    }

    /**
     * Starts a new activity.
     *
     * @param context what the activity may use of the session; valid for the activity's life
     * @param config the facilitator's configuration, already checked to be a valid {@code C}
     * @return the running activity; never null
     * @throws ActivityException when the configuration cannot be run (the facilitator sees the message)
     */
    Activity<S> start(ActivityContext context, C config) throws ActivityException;

    /**
     * Brings back an activity after a server restart, or after a write that failed, from the last state the server
     * stored: what the dropped instance did since was never seen by anyone.
     *
     * @return the running activity; never null
     */
    Activity<S> resume(ActivityContext context, C config, S state);
}
