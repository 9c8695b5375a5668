package org.colearn.server.stories;

import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Full-text search over stories, run by the shared database itself so that every server node sees every other
 * node's writes at once: PostgreSQL's own full-text search (stemmed English, a GIN index) in production, a
 * word-by-word match on H2.
 */
interface StorySearch {

    /** The ids of the stories of the collaborative, or shared with the whole server, whose text or tags match. */
    Set<UUID> matching(Session session, UUID collaborativeId, String query);

    static StorySearch forDatabase(String kind) {
        return kind.equals("postgresql") ? new PostgresStorySearch() : new PortableStorySearch();
    }

    /** What is searched: every text field, the tags and the follow-ups. */
    static String text(Story story, Iterable<String> followUps) {
        StringBuilder text = new StringBuilder()
                .append(story.title()).append('\n')
                .append(story.topic()).append('\n')
                .append(story.changeIdea()).append('\n')
                .append(story.whatWeTried()).append('\n')
                .append(story.whatHappened()).append('\n')
                .append(story.whatWeLearned()).append('\n')
                .append(story.whatWeWouldDoDifferently()).append('\n')
                .append(String.join(" ", story.tags()));
        followUps.forEach(followUp -> text.append('\n').append(followUp));
        return text.length() > 40_000 ? text.substring(0, 40_000) : text.toString();
    }
}
