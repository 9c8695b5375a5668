package org.colearn.plugin.failurecircle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.failurecircle.CircleState.Note;
import org.colearn.plugin.failurecircle.CircleState.Story;

/** How a circle answers a story: reactions, counted and never named, and "what I will take back" notes. */
final class Responses {

    /** The reactions, in the order they are shown. */
    static final List<String> KINDS = List.of("thanks", "seen_too", "helps");
    static final int MAX_NOTE = 1000;

    private final Model model;

    Responses(Model model) {
        this.model = model;
    }

    void react(Participant from, CircleMessages.React react, String circle) throws ActivityException {
        if (react.kind() == null || !KINDS.contains(react.kind())) {
            throw new ActivityException("invalid_reaction", "kind", "React with thanks, seen_too or helps.");
        }
        Story story = toldInCircle(from, react.storyId(), circle);
        Map<String, List<String>> reactions = new LinkedHashMap<>(story.reactions());
        List<String> gave = new ArrayList<>(reactions.getOrDefault(react.kind(), List.of()));
        if (!gave.remove(from.personId())) {
            gave.add(from.personId());
        }
        reactions.put(react.kind(), List.copyOf(gave));
        model.replace(story.withReactions(Map.copyOf(reactions)));
    }

    void takeBack(Participant from, CircleMessages.TakeBack takeBack, String circle) throws ActivityException {
        String text = takeBack.text() == null ? "" : takeBack.text().strip();
        if (text.isEmpty() || text.length() > MAX_NOTE) {
            throw new ActivityException("invalid_note", "text", "Write what you will take back in 1 to " + MAX_NOTE + " characters.");
        }
        Story story = toldInCircle(from, takeBack.storyId(), circle);
        model.notes.add(new Note(model.nextNoteId(), story.id(), from.personId(), text));
    }

    void dropNote(Participant from, CircleMessages.DropNote drop) throws ActivityException {
        Optional<Note> note = model.notes.stream().filter(found -> found.id().equals(drop.noteId())).findFirst();
        if (note.isEmpty()) {
            throw new ActivityException("no_such_note", "noteId", "That note is not here (it may already be deleted).");
        }
        if (!note.get().writerId().equals(from.personId())) {
            throw new ActivityException("not_your_note", "noteId", "Only the person who wrote a note can delete it.");
        }
        model.notes.remove(note.get());
    }

    /** A story told (now or before) in the sender's circle; facilitators may answer stories in any circle. */
    private Story toldInCircle(Participant from, String storyId, String circle) throws ActivityException {
        Story story = model.story(storyId);
        if (!from.facilitator() && !story.circle().equals(circle)) {
            throw new ActivityException("not_in_your_circle", "storyId", "That story was told in another circle.");
        }
        if (!story.told()) {
            throw new ActivityException("not_shared", "storyId", "That story has not been shared yet.");
        }
        return story;
    }
}
