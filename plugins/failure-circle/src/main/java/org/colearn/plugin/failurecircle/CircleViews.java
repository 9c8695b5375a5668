package org.colearn.plugin.failurecircle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.failurecircle.CircleState.Story;

/**
 * What each person sees of a circle: the stories told in their circle with reactions counted and notes unnamed; their
 * own queued and told stories to take back or decide on; and for facilitators and storytellers, the queues. No view
 * carries anything of an anonymous story's teller: such a story shows only its id, which the teller's browser knows.
 */
final class CircleViews {

    /**
     * A circle as one person sees it.
     *
     * @param storyteller whether the viewer may share the stories of their circle
     * @param current the story told now in the viewer's circle; null when none
     * @param shared the stories told before in the viewer's circle, oldest first
     * @param queueSize how many stories wait in the viewer's circle
     * @param waiting the viewer's credited stories waiting in a queue, with titles, and every anonymous story waiting
     *     anywhere, by id only (the browser finds its own among them by the keys it holds)
     * @param decisions the viewer's credited stories told here, and every anonymous one, by id only, with the teller's
     *     decision on each
     * @param circles for facilitators every circle, for a storyteller theirs; null for everyone else
     */
    record View(String prompt, String circle, String circleName, int minutesPerStory, boolean storyteller,
            StoryView current, List<StoryView> shared, int queueSize, List<Mine> waiting, List<Mine> decisions,
            List<Desk> circles) {}

    /**
     * A story told in a circle.
     *
     * @param credit a name, a site's team, or null for an anonymous story
     * @param yours whether the viewer is the teller of this credited story (never said of an anonymous one)
     * @param consent {@code open}, {@code published} or {@code kept}: for an anonymous story to everyone, for a
     *     credited one to its teller; null otherwise
     * @param inCatalogue whether the story came from the catalogue
     */
    record StoryView(String id, String title, String topic, String changeIdea, String tried, String happened, String learned,
            String differently, List<String> tags, String credit, boolean faculty, boolean yours, Instant endsAt,
            boolean timeUp, String consent, boolean inCatalogue, String catalogueId, Map<String, Integer> reactions,
            List<String> myReactions, List<NoteView> notes) {}

    /** A take-back note: its text, and for its writer alone, its id to delete it. */
    record NoteView(String noteId, String text, boolean mine) {}

    /** One of the viewer's stories (or, with a null title, an anonymous story that may be theirs). */
    record Mine(String id, String title, boolean anonymous, String consent, String catalogueId, String visibility) {}

    /**
     * One circle's queue, for those who share its stories; a facilitator also sees what was told there and who is in
     * it now, to choose its storyteller.
     *
     * @param present for facilitators, the people in the circle now (the session's roster shows them everyone
     *     already, and the list says nothing of who told what); null for a storyteller
     */
    record Desk(String circle, String name, boolean storytellerChosen, String current, List<Mine> queue,
            List<StoryView> told, List<Person> present) {}

    /** Someone in a circle now, as the facilitators' storyteller choice lists them, and whether they are its storyteller. */
    record Person(String personId, String name, boolean storyteller) {}

    private CircleViews() {}

    /**
     * The view of one person in {@code circle}; {@code present} lists who is in each circle now, and is read only for a
     * facilitator.
     */
    static View of(CircleConfig config, Model model, Participant viewer, String circle, Map<String, List<Person>> present) {
        List<Story> mine = model.inCircle(circle);
        StoryView current = mine.stream().filter(story -> story.status().equals(Circle.CURRENT)).findFirst()
                .map(story -> story(model, story, viewer)).orElse(null);
        List<StoryView> shared = mine.stream().filter(story -> story.status().equals(Circle.SHARED))
                .map(story -> story(model, story, viewer)).toList();
        int queueSize = (int) mine.stream().filter(story -> story.status().equals(Circle.QUEUED)).count();
        List<Mine> waiting = new ArrayList<>();
        List<Mine> decisions = new ArrayList<>();
        for (Story story : model.stories) {
            boolean yours = !story.anonymous() && viewer.personId().equals(story.tellerId());
            if (!yours && !(story.anonymous() && story.keyHash() != null)) {
                continue;
            }
            String title = yours ? story.text().title() : null;
            if (story.status().equals(Circle.QUEUED)) {
                waiting.add(new Mine(story.id(), title, !yours, null, null, null));
            } else if (story.told() && story.consent() != null) {
                decisions.add(new Mine(story.id(), title, !yours, story.consent(), story.catalogueId(), story.visibility()));
            }
        }
        return new View(config.prompt(), circle, model.circleName(circle), config.minutesPerStory(),
                viewer.personId().equals(model.storytellers.get(circle)), current, shared, queueSize, waiting, decisions,
                desks(model, viewer, present));
    }

    private static List<Desk> desks(Model model, Participant viewer, Map<String, List<Person>> present) {
        List<Desk> desks = new ArrayList<>();
        for (String circle : model.allCircles()) {
            if (!viewer.facilitator() && !viewer.personId().equals(model.storytellers.get(circle))) {
                continue;
            }
            List<Story> stories = model.inCircle(circle);
            String current = stories.stream().filter(story -> story.status().equals(Circle.CURRENT)).map(Story::id)
                    .findFirst().orElse(null);
            List<Mine> queue = stories.stream().filter(story -> story.status().equals(Circle.QUEUED))
                    .map(story -> new Mine(story.id(), story.text().title(), story.anonymous(), null, null, null)).toList();
            List<StoryView> told = viewer.facilitator()
                    ? stories.stream().filter(Story::told).map(story -> story(model, story, viewer)).toList() : null;
            List<Person> people = viewer.facilitator() ? present.getOrDefault(circle, List.of()) : null;
            desks.add(new Desk(circle, model.circleName(circle), model.storytellers.containsKey(circle), current, queue, told,
                    people));
        }
        return desks.isEmpty() ? null : desks;
    }

    private static StoryView story(Model model, Story story, Participant viewer) {
        boolean yours = !story.anonymous() && viewer.personId().equals(story.tellerId());
        boolean showConsent = story.consent() != null && (story.anonymous() || yours);
        boolean inCatalogue = story.consent() == null;
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> given = new ArrayList<>();
        for (String kind : Responses.KINDS) {
            List<String> people = story.reactions().getOrDefault(kind, List.of());
            counts.put(kind, people.size());
            if (people.contains(viewer.personId())) {
                given.add(kind);
            }
        }
        List<NoteView> notes = model.notes.stream().filter(note -> note.storyId().equals(story.id())).map(note -> {
            boolean own = note.writerId().equals(viewer.personId());
            return new NoteView(own ? note.id() : null, note.text(), own);
        }).toList();
        var text = story.text();
        boolean current = story.status().equals(Circle.CURRENT);
        return new StoryView(story.id(), text.title(), text.topic(), text.changeIdea(), text.tried(), text.happened(),
                text.learned(), text.differently(), text.tags(), story.creditLabel(), story.faculty(), yours,
                current ? story.endsAt() : null, current && story.timeUp(), showConsent ? story.consent() : null, inCatalogue,
                inCatalogue || showConsent ? story.catalogueId() : null, counts, given, notes);
    }
}
