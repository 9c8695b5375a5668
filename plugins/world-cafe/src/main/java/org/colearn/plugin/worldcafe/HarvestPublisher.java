package org.colearn.plugin.worldcafe;

import java.time.Duration;
import java.time.Instant;
import org.colearn.plugin.api.ActivityContext;

/**
 * Keeps the café's published harvest current, so that a facilitator who downloads it mid-round gets the notes so far:
 * published at once when the notes change after a quiet spell, then at most once every few seconds while they keep
 * changing (each publication renders the whole harvest and writes it with the session), and always as a round starts
 * and as the café ends.
 */
final class HarvestPublisher {

    static final String TIMER = "harvest";
    /** How long a publication stands before the next: long enough to spare the server, short enough to feel live. */
    static final Duration EVERY = Duration.ofSeconds(5);

    private final ActivityContext context;
    private final CafeConfig config;
    private final Model model;

    HarvestPublisher(ActivityContext context, CafeConfig config, Model model) {
        this.context = context;
        this.config = config;
        this.model = model;
    }

    /** The notes changed: publish now, or when the last publication is {@link #EVERY} old. */
    void changed() {
        Instant now = context.now();
        Instant next = model.harvestPublishedAt == null ? now : model.harvestPublishedAt.plus(EVERY);
        if (!next.isAfter(now)) {
            publish();
        } else if (model.harvestWaiting == null) {
            model.harvestWaiting = next;
            context.timers().at(TIMER, next);
        }
    }

    /** The harvest timer fired: publish what has waited for it. */
    void timer() {
        if (model.harvestWaiting != null) {
            publish();
        }
    }

    /** Publishes the harvest as it stands now. */
    void publish() {
        Harvest.publish(context, config, model);
        model.harvestPublishedAt = context.now();
        if (model.harvestWaiting != null) {
            model.harvestWaiting = null;
            context.timers().cancel(TIMER);
        }
    }
}
