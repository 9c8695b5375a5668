package org.colearn.plugin.failurecircle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.colearn.plugin.api.Activity;
import org.colearn.plugin.api.ActivityContext;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;

/**
 * One failure-story circle in a live session, or one per breakout room: stories come into a queue ({@link Queue}), are
 * brought to the room one at a time ({@link Floor}), answered with reactions and notes ({@link Responses}), and go to
 * the catalogue only with their teller's consent ({@link Consent}).
 */
final class Circle implements Activity<CircleState> {

    static final String PLENARY = "plenary";
    static final String QUEUED = "queued";
    static final String CURRENT = "current";
    static final String SHARED = "shared";
    static final String WITHDRAWN = "withdrawn";
    static final String OPEN = "open";
    static final String PUBLISHED = "published";
    static final String KEPT = "kept";

    private final ActivityContext context;
    private final CircleConfig config;
    private final Model model;
    private final Queue queue;
    private final Floor floor;
    private final Responses responses;
    private final Consent consent;

    Circle(ActivityContext context, CircleConfig config, CircleState state) {
        this.context = context;
        this.config = config;
        this.model = Model.from(state);
        this.queue = new Queue(context, model);
        this.floor = new Floor(context, config, model);
        this.responses = new Responses(model);
        this.consent = new Consent(context, model);
    }

    @Override
    public CircleState state() {
        return model.toState();
    }

    @Override
    public void receive(Participant from, Record message) throws ActivityException {
        if (message instanceof CircleMessages.Submit submit) {
            queue.submit(from, submit, circleOf(from));
        } else if (message instanceof CircleMessages.Bring bring) {
            queue.bring(from, bring, circleOf(from));
        } else if (message instanceof CircleMessages.Withdraw withdraw) {
            queue.withdraw(from, withdraw);
        } else if (message instanceof CircleMessages.Offer offer) {
            requireFacilitator(from);
            queue.offer(offer, circleNamed(offer.circle()));
        } else if (message instanceof CircleMessages.Storyteller storyteller) {
            requireFacilitator(from);
            floor.storyteller(storyteller, circleNamed(storyteller.circle()));
        } else {
            answer(from, message);
            CircleResult.publish(context, config, model);
        }
    }

    /** The messages that change what the circle's result holds. */
    private void answer(Participant from, Record message) throws ActivityException {
        if (message instanceof CircleMessages.Share share) {
            floor.share(from, share);
        } else if (message instanceof CircleMessages.React react) {
            responses.react(from, react, circleOf(from));
        } else if (message instanceof CircleMessages.TakeBack takeBack) {
            responses.takeBack(from, takeBack, circleOf(from));
        } else if (message instanceof CircleMessages.DropNote drop) {
            responses.dropNote(from, drop);
        } else if (message instanceof CircleMessages.Publish publish) {
            consent.publish(from, publish);
        } else if (message instanceof CircleMessages.Keep keep) {
            consent.keep(from, keep);
        } else {
            throw new ActivityException("unknown_message", "A failure-story circle does not take this message.");
        }
    }

    @Override
    public void timer(String name) {
        if (name.equals(Floor.TIMER)) {
            floor.timer();
        }
    }

    @Override
    public Record view(Participant viewer) {
        return CircleViews.of(config, model, viewer, circleOf(viewer), viewer.facilitator() ? peopleByCircle() : Map.of());
    }

    /** Who is in each circle now, by name, for the facilitators' choice of storyteller. */
    private Map<String, List<CircleViews.Person>> peopleByCircle() {
        return context.present().stream().collect(Collectors.groupingBy(this::circleOf, LinkedHashMap::new,
                Collectors.mapping(person -> new CircleViews.Person(person.personId(), person.name(),
                        person.personId().equals(model.storytellers.get(circleOf(person)))), Collectors.toList())));
    }

    @Override
    public void end() {
        CircleResult.publish(context, config, model);
    }

    /** The circle a person is in now: their breakout room's when circles are per room, else the plenary. */
    private String circleOf(Participant person) {
        return config.inRooms() ? context.rooms().roomOf(person.personId()).orElse(PLENARY) : PLENARY;
    }

    /** A circle a facilitator names: the plenary (also for null), or a room that has a circle or has people in it. */
    private String circleNamed(String circle) throws ActivityException {
        if (circle == null || circle.equals(PLENARY)) {
            return PLENARY;
        }
        boolean known = config.inRooms() && (model.circles.contains(circle) || context.present().stream()
                .anyMatch(person -> context.rooms().roomOf(person.personId()).filter(circle::equals).isPresent()));
        if (!known) {
            throw new ActivityException("no_such_circle", "circle", "There is no such circle: choose the plenary or an open breakout room.");
        }
        return circle;
    }

    private static void requireFacilitator(Participant from) throws ActivityException {
        if (!from.facilitator()) {
            throw new ActivityException("facilitators_only", "Only a facilitator can do that in a failure-story circle.");
        }
    }
}
