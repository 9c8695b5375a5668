package org.colearn.plugin.failurecircle;

import java.util.List;

/**
 * What people send to a circle ({@code failure-circle.<name>}). Those whose sender the server does not record, so that
 * anonymous stories stay anonymous, are listed in {@link FailureCircleActivityType#unattributedMessages()}.
 */
final class CircleMessages {

    private CircleMessages() {}

    /**
     * A story told here, into the queue of the sender's circle. {@code ref} is made by the sender's browser and becomes
     * the story's id; sending the same ref again changes nothing. An anonymous story carries the {@code key} its
     * teller's browser made, the only thing that later recognises them.
     */
    record Submit(String ref, String title, String topic, String changeIdea, String tried, String happened, String learned,
            String differently, List<String> tags, String credit, String key, boolean confirmNotIdentifying) {}

    /** One of the sender's own catalogue stories, into their circle's queue; {@code key} is its edit key if anonymous. */
    record Bring(String ref, String storyId, String key) {}

    /** A facilitator offers a catalogue story everyone here may read to a circle ({@code plenary} when null). */
    record Offer(String storyId, String circle) {}

    /** A facilitator or the circle's storyteller brings a queued story to the room now. */
    record Share(String storyId) {}

    /** A facilitator chooses who may share stories in a circle, or nobody ({@code personId} null). */
    record Storyteller(String circle, String personId) {}

    /** A reaction to a story told in the sender's circle, given or taken back. */
    record React(String storyId, String kind) {}

    /** A "what I will take back" note on a story told in the sender's circle. */
    record TakeBack(String storyId, String text) {}

    /** The writer deletes their note. */
    record DropNote(String noteId) {}

    /** The teller publishes a story told here to the catalogue, at the visibility they choose. */
    record Publish(String storyId, String key, String visibility, boolean confirmNotIdentifying) {}

    /** The teller keeps a story told here in the room: it goes no further. */
    record Keep(String storyId, String key) {}

    /** The teller takes back a story that is still waiting in the queue. */
    record Withdraw(String storyId, String key) {}
}
