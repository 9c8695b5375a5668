package org.colearn.plugin.poll;

import java.util.List;
import java.util.Map;
import org.colearn.plugin.api.Activity;
import org.colearn.plugin.api.ActivityContext;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.ActivityType;

/**
 * Live polls: single or multiple choice, a rating on a scale of 1–5 or 0–10, a word cloud or a ranking; optionally
 * anonymous, results hidden until the facilitator reveals them, and split by profession or site when they ask.
 */
public final class PollActivityType implements ActivityType<PollConfig, PollState> {

    @Override
    public String id() {
        return "poll";
    }

    @Override
    public String displayName() {
        return "Poll";
    }

    @Override
    public Class<PollConfig> configType() {
        return PollConfig.class;
    }

    @Override
    public PollConfig defaultConfig() {
        return new PollConfig("How confident are you to try this change next week?", PollConfig.CHOICE, null,
                List.of("Very", "Somewhat", "Not yet"), false, true);
    }

    @Override
    public Class<PollState> stateType() {
        return PollState.class;
    }

    @Override
    public Map<String, Class<? extends Record>> messages() {
        return Map.of("vote", PollMessages.Vote.class, "reveal", PollMessages.Reveal.class, "close", PollMessages.Close.class,
                "hide", PollMessages.Hide.class, "split", PollMessages.Split.class);
    }

    @Override
    public String browserModule() {
        return "colearn-activity-poll.js";
    }

    @Override
    public void check(PollConfig config) throws ActivityException {
        config.check();
    }

    @Override
    public Activity<PollState> start(ActivityContext context, PollConfig config) throws ActivityException {
        config.check();
        return new Poll(context, PollState.fresh(config));
    }

    @Override
    public Activity<PollState> resume(ActivityContext context, PollConfig config, PollState state) {
        return new Poll(context, state);
    }
}
