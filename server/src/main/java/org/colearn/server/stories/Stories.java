package org.colearn.server.stories;

import java.time.Clock;
import java.util.List;
import org.colearn.server.buddies.PairStories;
import org.hibernate.SessionFactory;

/** The catalogue of failure stories as the server wires it: its entities, its REST resources and its mixer. */
public final class Stories {

    private Stories() {}

    public static List<Class<?>> entities() {
        return List.of(Story.class, FollowUp.class, StoryComment.class, StoryDraft.class, SpooledItem.class);
    }

    /** Starts writing anonymous stories and comments apart from their authors' actions; close it when stopping. */
    public static Mixer mixer(SessionFactory sessions, Clock clock) {
        return new Mixer(sessions, clock);
    }

    /** The stories a buddy pair's space lists, for the reader. */
    public static PairStories forPairSpaces() {
        return PairShelf::readable;
    }

    /** The resources, searching with the database's own full-text search ({@code h2} or {@code postgresql}). */
    public static List<Object> resources(SessionFactory sessions, Clock clock, String databaseKind) {
        return List.of(
                new StoryResource(sessions, clock, StorySearch.forDatabase(databaseKind)),
                new StoryByIdResource(sessions, clock),
                new KeyedStoryResource(sessions),
                new CommentResource(sessions, clock),
                new ModerationResource(sessions),
                new ModerationQueueResource(sessions),
                new DraftResource(sessions, clock));
    }
}
