package org.colearn.plugin.failurecircle;

import java.util.Locale;
import org.colearn.plugin.api.ActivityContext;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.api.Stories;
import org.colearn.plugin.failurecircle.CircleState.Story;

/**
 * The teller's decision on a story told here: publish it to the catalogue at the visibility they choose, or keep it in
 * the room. Nothing reaches the catalogue without it. An anonymous story is published with the teller's key as its
 * edit key, so the key they already hold lets them edit or withdraw it there; the circle keeps no catalogue id of it.
 */
final class Consent {

    private final ActivityContext context;
    private final Model model;

    Consent(ActivityContext context, Model model) {
        this.context = context;
        this.model = model;
    }

    void publish(Participant from, CircleMessages.Publish publish) throws ActivityException {
        Story story = decidable(from, publish.storyId(), publish.key());
        Stories.Visibility visibility = visibility(publish.visibility());
        boolean anonymous = story.credit().equals("anonymous");
        if (anonymous && visibility == Stories.Visibility.PAIR) {
            // A pair's stories are scoped to the teller's site, which an anonymous story must not name.
            throw new ActivityException("invalid_visibility", "visibility", "An anonymous story cannot go to your buddy pair: "
                    + "that would name your site. Choose this session, the collaborative or every collaborative.");
        }
        String catalogueId = context.stories().publish(story.text(),
                Stories.Credit.valueOf(story.credit().toUpperCase(Locale.ROOT)),
                anonymous ? null : from, anonymous ? publish.key() : null, visibility, publish.confirmNotIdentifying());
        // The circle's state is stored with the session's log: an anonymous story's catalogue id kept there would tie
        // the catalogue's story to the moment it was told and to whatever its teller did around it. Its key finds it.
        model.replace(story.withConsent(Circle.PUBLISHED, anonymous ? null : catalogueId, publish.visibility()));
    }

    void keep(Participant from, CircleMessages.Keep keep) throws ActivityException {
        Story story = decidable(from, keep.storyId(), keep.key());
        model.replace(story.withConsent(Circle.KEPT, null, null));
    }

    /** A story submitted and told here, whose teller is asking and which is not in the catalogue yet. */
    private Story decidable(Participant from, String storyId, String key) throws ActivityException {
        Story story = model.story(storyId);
        if (!story.origin().equals("submitted")) {
            throw new ActivityException("already_in_catalogue", "storyId", "This story came from the catalogue: it is there already.");
        }
        Tellers.requireTeller(story, from, key);
        if (!story.told()) {
            throw new ActivityException("not_shared", "storyId", "Decide once the story has been shared in the circle.");
        }
        if (story.consent().equals(Circle.PUBLISHED)) {
            throw new ActivityException("already_published", "storyId", "This story is already in the catalogue; "
                    + "change or withdraw it there.");
        }
        return story;
    }

    private static Stories.Visibility visibility(String given) throws ActivityException {
        for (Stories.Visibility visibility : Stories.Visibility.values()) {
            if (visibility.name().toLowerCase(Locale.ROOT).equals(given)) {
                return visibility;
            }
        }
        throw new ActivityException("invalid_visibility", "visibility",
                "Choose who may read it: pair, session, collaborative or server.");
    }
}
