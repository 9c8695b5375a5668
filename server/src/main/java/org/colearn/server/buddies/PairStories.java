package org.colearn.server.buddies;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.colearn.server.auth.Caller;
import org.hibernate.Session;

/**
 * The failure stories a pair's space lists: its sites' stories for "my pair" and the stories credited to its sites,
 * as far as the story catalogue lets the viewer read them. The catalogue provides it, so that buddy pairings need
 * not know how stories are kept or who may read them.
 */
@FunctionalInterface
public interface PairStories {

    /**
     * One story in the list.
     *
     * @param credit who it is credited to in words ("Amira Khan, Ashford", "The team at Ashford"), or "Anonymous"
     */
    record Entry(UUID id, String title, String credit) {}

    /** The stories of these sites that the caller may read, newest first. */
    List<Entry> readable(Session session, Caller caller, UUID collaborativeId, Set<UUID> siteIds);
}
