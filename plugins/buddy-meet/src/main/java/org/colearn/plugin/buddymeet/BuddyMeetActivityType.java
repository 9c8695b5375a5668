package org.colearn.plugin.buddymeet;

import java.util.Map;
import org.colearn.plugin.api.Activity;
import org.colearn.plugin.api.ActivityContext;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.ActivityType;

/** Buddy meet: each buddy pair's members present meet in their own breakout room, around the pair's open items. */
public final class BuddyMeetActivityType implements ActivityType<BuddyMeetConfig, BuddyMeetState> {

    @Override
    public String id() {
        return "buddy-meet";
    }

    @Override
    public String displayName() {
        return "Buddy meet";
    }

    @Override
    public Class<BuddyMeetConfig> configType() {
        return BuddyMeetConfig.class;
    }

    @Override
    public BuddyMeetConfig defaultConfig() {
        return BuddyMeetConfig.DEFAULT;
    }

    @Override
    public Class<BuddyMeetState> stateType() {
        return BuddyMeetState.class;
    }

    @Override
    public Map<String, Class<? extends Record>> messages() {
        return Map.of(
                "addStep", BuddyMeetMessages.AddStep.class,
                "doneStep", BuddyMeetMessages.DoneStep.class,
                "extend", BuddyMeetMessages.Extend.class,
                "finish", BuddyMeetMessages.Finish.class,
                "refresh", BuddyMeetMessages.Refresh.class);
    }

    @Override
    public String browserModule() {
        return "buddy-meet.js";
    }

    @Override
    public void check(BuddyMeetConfig config) throws ActivityException {
        config.check();
    }

    @Override
    public Activity<BuddyMeetState> start(ActivityContext context, BuddyMeetConfig config) throws ActivityException {
        config.check();
        return BuddyMeet.start(context, config);
    }

    @Override
    public Activity<BuddyMeetState> resume(ActivityContext context, BuddyMeetConfig config, BuddyMeetState state) {
        return new BuddyMeet(context, state);
    }
}
