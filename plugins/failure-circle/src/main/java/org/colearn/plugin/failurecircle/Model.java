package org.colearn.plugin.failurecircle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.failurecircle.CircleState.Note;
import org.colearn.plugin.failurecircle.CircleState.Story;

/** The circle's state while it runs, changed in place by its parts and stored as a {@link CircleState} after each change. */
final class Model {

    final List<Story> stories = new ArrayList<>();
    final List<Note> notes = new ArrayList<>();
    final List<String> circles = new ArrayList<>();
    final Map<String, String> storytellers = new LinkedHashMap<>();
    int nextNote;

    static CircleState fresh() {
        return new CircleState(List.of(), List.of(), List.of(), Map.of(), 1);
    }

    static Model from(CircleState state) {
        Model model = new Model();
        model.stories.addAll(state.stories());
        model.notes.addAll(state.notes());
        model.circles.addAll(state.circles());
        model.storytellers.putAll(state.storytellers());
        model.nextNote = state.nextNote();
        return model;
    }

    CircleState toState() {
        return new CircleState(List.copyOf(stories), List.copyOf(notes), List.copyOf(circles), Map.copyOf(storytellers),
                nextNote);
    }

    Optional<Story> find(String id) {
        return stories.stream().filter(story -> story.id().equals(id)).findFirst();
    }

    /** A story that is here and not taken back. */
    Story story(String id) throws ActivityException {
        Optional<Story> story = id == null ? Optional.empty() : find(id).filter(found -> !found.status().equals(Circle.WITHDRAWN));
        if (story.isEmpty()) {
            throw new ActivityException("no_such_story", "storyId", "That story is not in this circle (it may have been taken back).");
        }
        return story.get();
    }

    void replace(Story story) {
        stories.replaceAll(existing -> existing.id().equals(story.id()) ? story : existing);
    }

    /** Adds a story to its circle's queue, giving a room its circle when it has none yet. */
    void enqueue(Story story) {
        if (!story.circle().equals(Circle.PLENARY) && !circles.contains(story.circle())) {
            circles.add(story.circle());
        }
        stories.add(story);
    }

    /** Every circle: the plenary first, then the rooms' in the order they got one. */
    List<String> allCircles() {
        List<String> all = new ArrayList<>(List.of(Circle.PLENARY));
        all.addAll(circles);
        return all;
    }

    /** Rooms' ids mean nothing to people: circles are named by the order they began. */
    String circleName(String circle) {
        return circle.equals(Circle.PLENARY) ? "Plenary circle" : "Room circle " + (circles.indexOf(circle) + 1);
    }

    List<Story> inCircle(String circle) {
        return stories.stream().filter(story -> story.circle().equals(circle)).toList();
    }

    String nextNoteId() {
        return "n" + nextNote++;
    }
}
