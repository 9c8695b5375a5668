package org.colearn.plugin.worldcafe;

import java.util.Map;
import org.colearn.plugin.api.Activity;
import org.colearn.plugin.api.ActivityContext;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.ActivityType;

/**
 * The world café: tables with hosts who stay, rounds that mix sites and professions and never repeat tablemates,
 * notes harvested back to the plenary. Found by the server through {@code META-INF/services}.
 */
public final class WorldCafeActivityType implements ActivityType<CafeConfig, CafeState> {

    @Override
    public String id() {
        return "world-cafe";
    }

    @Override
    public String displayName() {
        return "World café";
    }

    @Override
    public Class<CafeConfig> configType() {
        return CafeConfig.class;
    }

    @Override
    public CafeConfig defaultConfig() {
        return CafeConfig.defaults();
    }

    @Override
    public Class<CafeState> stateType() {
        return CafeState.class;
    }

    @Override
    public Map<String, Class<? extends Record>> messages() {
        return Map.ofEntries(
                Map.entry("volunteer", CafeMessages.Volunteer.class),
                Map.entry("pickHost", CafeMessages.PickHost.class),
                Map.entry("pin", CafeMessages.Pin.class),
                Map.entry("keepApart", CafeMessages.KeepApart.class),
                Map.entry("keepTogether", CafeMessages.KeepTogether.class),
                Map.entry("begin", CafeMessages.Begin.class),
                Map.entry("nextRound", CafeMessages.NextRound.class),
                Map.entry("extend", CafeMessages.Extend.class),
                Map.entry("move", CafeMessages.Move.class),
                Map.entry("finish", CafeMessages.Finish.class),
                Map.entry("note", CafeMessages.Note.class),
                Map.entry("agree", CafeMessages.Agree.class),
                Map.entry("cluster", CafeMessages.Cluster.class),
                Map.entry("addKind", CafeMessages.AddKind.class));
    }

    @Override
    public String browserModule() {
        return "colearn-activity-world-cafe.js";
    }

    @Override
    public void check(CafeConfig config) throws ActivityException {
        config.check();
    }

    @Override
    public Activity<CafeState> start(ActivityContext context, CafeConfig config) throws ActivityException {
        config.check();
        // The seed is the café's start time: the same café seats the same way after a restart, another café differently.
        return new Cafe(context, config, Model.fresh(config, context.now().toEpochMilli()));
    }

    @Override
    public Activity<CafeState> resume(ActivityContext context, CafeConfig config, CafeState state) {
        return new Cafe(context, config, state);
    }
}
