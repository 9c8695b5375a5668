package org.colearn.plugin.failurecircle;

import java.util.Map;
import java.util.Set;
import org.colearn.plugin.api.Activity;
import org.colearn.plugin.api.ActivityContext;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.ActivityType;

/**
 * The failure-story circle: people tell what did not work, one story at a time, anonymously if they wish; the circle
 * reacts and notes what it will take back; each teller decides whether their story goes to the catalogue. Found by the
 * server through {@code META-INF/services}.
 */
public final class FailureCircleActivityType implements ActivityType<CircleConfig, CircleState> {

    @Override
    public String id() {
        return "failure-circle";
    }

    @Override
    public String displayName() {
        return "Failure story circle";
    }

    @Override
    public Class<CircleConfig> configType() {
        return CircleConfig.class;
    }

    @Override
    public CircleConfig defaultConfig() {
        return CircleConfig.defaults();
    }

    @Override
    public Class<CircleState> stateType() {
        return CircleState.class;
    }

    @Override
    public Map<String, Class<? extends Record>> messages() {
        return Map.ofEntries(
                Map.entry("submit", CircleMessages.Submit.class),
                Map.entry("bring", CircleMessages.Bring.class),
                Map.entry("offer", CircleMessages.Offer.class),
                Map.entry("share", CircleMessages.Share.class),
                Map.entry("storyteller", CircleMessages.Storyteller.class),
                Map.entry("react", CircleMessages.React.class),
                Map.entry("takeBack", CircleMessages.TakeBack.class),
                Map.entry("dropNote", CircleMessages.DropNote.class),
                Map.entry("publish", CircleMessages.Publish.class),
                Map.entry("keep", CircleMessages.Keep.class),
                Map.entry("withdraw", CircleMessages.Withdraw.class));
    }

    /**
     * Every message a teller sends about their own story: the session's log must not say who sent them, or an
     * anonymous story would be anonymous in name only.
     */
    @Override
    public Set<String> unattributedMessages() {
        return Set.of("submit", "bring", "publish", "keep", "withdraw");
    }

    @Override
    public String browserModule() {
        return "failure-circle.js";
    }

    @Override
    public void check(CircleConfig config) throws ActivityException {
        config.check();
    }

    @Override
    public Activity<CircleState> start(ActivityContext context, CircleConfig config) throws ActivityException {
        config.check();
        return new Circle(context, config, Model.fresh());
    }

    @Override
    public Activity<CircleState> resume(ActivityContext context, CircleConfig config, CircleState state) {
        return new Circle(context, config, state);
    }
}
