package org.colearn.plugin.failurecircle;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.colearn.plugin.api.ActivityContext;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.api.Stories;
import org.colearn.plugin.failurecircle.CircleState.Story;

/**
 * How stories come into a circle's queue (told here, brought from the catalogue by their teller, or offered by a
 * facilitator) and how a teller takes one back before it is told. What it keeps of an anonymous story's teller is the
 * hash of their key, nothing else.
 */
final class Queue {

    /** The catalogue's limits on an edit key, so that the key a story is told with opens it there once published. */
    static final int MIN_KEY = Stories.MIN_EDIT_KEY;
    static final int MAX_KEY = Stories.MAX_EDIT_KEY;
    private static final Pattern REF = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{" + MIN_KEY + "," + MAX_KEY + "}");

    private final ActivityContext context;
    private final Model model;

    Queue(ActivityContext context, Model model) {
        this.context = context;
        this.model = model;
    }

    void submit(Participant from, CircleMessages.Submit submit, String circle) throws ActivityException {
        requireRef(submit.ref());
        String credit = submit.credit() == null ? "" : submit.credit();
        boolean anonymous = credit.equals("anonymous");
        if (!credit.equals("person") && !credit.equals("site") && !anonymous) {
            throw new ActivityException("invalid_credit", "credit", "Choose how the story is credited: person, site or anonymous.");
        }
        if (credit.equals("site") && from.site() == null) {
            throw new ActivityException("invalid_credit", "credit", "You have no site to credit: credit yourself, or tell it anonymously.");
        }
        if (anonymous && (submit.key() == null || !KEY.matcher(submit.key()).matches())) {
            throw new ActivityException("invalid_key", "key", "An anonymous story needs the secret key your browser makes: "
                    + MIN_KEY + " to " + MAX_KEY + " letters, digits, hyphens or underscores. Reload the page and send it again.");
        }
        String keyHash = anonymous ? Tellers.hash(submit.key()) : null;
        String tellerId = anonymous ? null : from.personId();
        if (alreadyHere(submit.ref(), tellerId, keyHash)) {
            return; // The same story sent again, after a lost connection: it is in the queue once.
        }
        Stories.Text text = StoryForm.read(context.stories(), submit);
        StoryForm.checkPatientData(context.stories(), text, submit.confirmNotIdentifying());
        String label = switch (credit) {
            case "person" -> from.name();
            case "site" -> from.site() + " team";
            default -> null;
        };
        model.enqueue(new Story(submit.ref(), circle, "submitted", text, credit, label, !anonymous && from.facilitator(),
                tellerId, keyHash, Circle.QUEUED, null, false, Circle.OPEN, null, Map.of(), null));
    }

    void bring(Participant from, CircleMessages.Bring bring, String circle) throws ActivityException {
        requireRef(bring.ref());
        requireStoryId(bring.storyId());
        String key = bring.key() == null || bring.key().isBlank() ? null : bring.key();
        Optional<Stories.Story> own = key != null && key.length() > MAX_KEY ? Optional.empty()
                : context.stories().own(from, bring.storyId(), key);
        if (own.isEmpty() || own.get().anonymous() && key == null) {
            throw new ActivityException("not_your_story", "storyId", "That is not one of your stories in the catalogue. "
                    + "Check its id or link, and for an anonymous story give its edit key.");
        }
        Stories.Story story = own.get();
        String keyHash = story.anonymous() ? Tellers.hash(key) : null;
        String tellerId = story.anonymous() ? null : from.personId();
        if (alreadyHere(bring.ref(), tellerId, keyHash)) {
            return;
        }
        requireNotHere(story.id());
        model.enqueue(new Story(bring.ref(), circle, "brought", story.text(), null, story.credit(), story.faculty(), tellerId,
                keyHash, Circle.QUEUED, null, false, null, story.id(), Map.of(), null));
    }

    void offer(CircleMessages.Offer offer, String circle) throws ActivityException {
        requireStoryId(offer.storyId());
        Optional<Stories.Story> readable = context.stories().readable(offer.storyId());
        if (readable.isEmpty()) {
            throw new ActivityException("not_readable", "storyId", "Everyone here must be able to read a story you offer: "
                    + "choose one approved for this session, the collaborative or every collaborative.");
        }
        Stories.Story story = readable.get();
        requireNotHere(story.id());
        if (model.find(story.id()).isPresent()) {
            throw new ActivityException("already_in_circle", "storyId", "That story is already in a circle here.");
        }
        model.enqueue(new Story(story.id(), circle, "offered", story.text(), null, story.credit(), story.faculty(), null, null,
                Circle.QUEUED, null, false, null, story.id(), Map.of(), null));
    }

    void withdraw(Participant from, CircleMessages.Withdraw withdraw) throws ActivityException {
        Story story = model.story(withdraw.storyId());
        Tellers.requireTeller(story, from, withdraw.key());
        if (!story.status().equals(Circle.QUEUED)) {
            throw new ActivityException("not_queued", "storyId", "This story has already been shared; you can still keep it "
                    + "out of the catalogue.");
        }
        model.replace(story.withdrawn());
    }

    /**
     * Whether this teller already sent a story with this ref (a resend: nothing to do). A ref someone else used, or one
     * taken back, is refused.
     */
    private boolean alreadyHere(String ref, String tellerId, String keyHash) throws ActivityException {
        Optional<Story> same = model.find(ref);
        if (same.isEmpty()) {
            return false;
        }
        Story story = same.get();
        boolean sameTeller = keyHash != null ? keyHash.equals(story.keyHash()) : tellerId.equals(story.tellerId());
        if (!sameTeller || story.status().equals(Circle.WITHDRAWN)) {
            throw new ActivityException("ref_taken", "ref", "That story id is already used here: send the story with a new one.");
        }
        return true;
    }

    private void requireNotHere(String catalogueId) throws ActivityException {
        boolean here = model.stories.stream().anyMatch(story -> catalogueId.equals(story.catalogueId())
                && !story.status().equals(Circle.WITHDRAWN));
        if (here) {
            throw new ActivityException("already_in_circle", "storyId", "That story is already in a circle here.");
        }
    }

    private static void requireRef(String ref) throws ActivityException {
        if (ref == null || !REF.matcher(ref).matches()) {
            throw new ActivityException("invalid_ref", "ref", "A story's ref is 8 to 64 letters, digits, hyphens or underscores.");
        }
    }

    private static void requireStoryId(String storyId) throws ActivityException {
        if (storyId == null || storyId.isBlank() || storyId.length() > 100) {
            throw new ActivityException("invalid_story_id", "storyId", "Give the story's id (or its link) from the catalogue.");
        }
    }
}
