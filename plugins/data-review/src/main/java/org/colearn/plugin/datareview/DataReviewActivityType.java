package org.colearn.plugin.datareview;

import java.util.Map;
import org.colearn.plugin.api.Activity;
import org.colearn.plugin.api.ActivityContext;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.ActivityType;

/** Data review: each site's chart of one common measure on the screen in turn, with questions and what people take back. */
public final class DataReviewActivityType implements ActivityType<DataReviewConfig, DataReviewState> {

    @Override
    public String id() {
        return "data-review";
    }

    @Override
    public String displayName() {
        return "Data review";
    }

    @Override
    public Class<DataReviewConfig> configType() {
        return DataReviewConfig.class;
    }

    @Override
    public DataReviewConfig defaultConfig() {
        return DataReviewConfig.DEFAULT;
    }

    @Override
    public Class<DataReviewState> stateType() {
        return DataReviewState.class;
    }

    @Override
    public Map<String, Class<? extends Record>> messages() {
        return Map.of(
                "show", DataReviewMessages.Show.class,
                "next", DataReviewMessages.Next.class,
                "previous", DataReviewMessages.Previous.class,
                "refresh", DataReviewMessages.Refresh.class,
                "present", DataReviewMessages.Present.class,
                "ask", DataReviewMessages.Ask.class,
                "answer", DataReviewMessages.Answer.class,
                "note", DataReviewMessages.Note.class);
    }

    @Override
    public String browserModule() {
        return "data-review.js";
    }

    @Override
    public void check(DataReviewConfig config) throws ActivityException {
        config.check();
    }

    @Override
    public Activity<DataReviewState> start(ActivityContext context, DataReviewConfig config) throws ActivityException {
        config.check();
        return DataReview.start(context, config);
    }

    @Override
    public Activity<DataReviewState> resume(ActivityContext context, DataReviewConfig config, DataReviewState state) {
        return DataReview.resume(context, state);
    }
}
