package org.colearn.plugin.failurecircle;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.colearn.plugin.api.ActivityContext;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.failurecircle.CircleState.Story;

/**
 * Who has the floor in each circle: the story told now, sharing the next one, the storyteller a facilitator chose, and
 * the story timer. The timer only marks a story's time as up; moving on stays a person's decision.
 */
final class Floor {

    static final String TIMER = "story";

    private final ActivityContext context;
    private final CircleConfig config;
    private final Model model;

    Floor(ActivityContext context, CircleConfig config, Model model) {
        this.context = context;
        this.config = config;
        this.model = model;
    }

    void share(Participant from, CircleMessages.Share share) throws ActivityException {
        Story story = model.story(share.storyId());
        if (!from.facilitator() && !from.personId().equals(model.storytellers.get(story.circle()))) {
            throw new ActivityException("not_storyteller", "Only a facilitator or the circle's storyteller can share a story.");
        }
        if (!story.status().equals(Circle.QUEUED)) {
            throw new ActivityException("not_queued", "storyId", "This story has already been shared.");
        }
        for (Story told : model.inCircle(story.circle())) {
            if (told.status().equals(Circle.CURRENT)) {
                model.replace(told.withStatus(Circle.SHARED, told.endsAt(), told.timeUp()));
            }
        }
        model.replace(story.withStatus(Circle.CURRENT, context.now().plusSeconds(config.minutesPerStory() * 60L), false));
        setTimer();
    }

    void storyteller(CircleMessages.Storyteller choice, String circle) throws ActivityException {
        if (choice.personId() == null) {
            model.storytellers.remove(circle);
            return;
        }
        boolean present = context.present().stream().anyMatch(person -> person.personId().equals(choice.personId()));
        if (!present) {
            throw new ActivityException("not_present", "personId", "Choose a storyteller among the people here now.");
        }
        model.storytellers.put(circle, choice.personId());
    }

    /** The story timer fired: every story told now whose time has come is marked, and the timer set for the next. */
    void timer() {
        Instant now = context.now();
        for (Story story : List.copyOf(model.stories)) {
            if (story.status().equals(Circle.CURRENT) && !story.timeUp() && !story.endsAt().isAfter(now)) {
                model.replace(story.withStatus(Circle.CURRENT, story.endsAt(), true));
            }
        }
        setTimer();
    }

    /** One timer serves every circle: it is set for the earliest story still running. */
    private void setTimer() {
        Optional<Instant> next = model.stories.stream()
                .filter(story -> story.status().equals(Circle.CURRENT) && !story.timeUp())
                .map(Story::endsAt).min(Comparator.naturalOrder());
        if (next.isPresent()) {
            context.timers().at(TIMER, next.get());
        } else {
            context.timers().cancel(TIMER);
        }
    }
}
