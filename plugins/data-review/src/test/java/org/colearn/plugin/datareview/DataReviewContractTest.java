package org.colearn.plugin.datareview;

import java.util.List;
import java.util.Map;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.ActivityType;
import org.colearn.plugin.testkit.ActivityContractTest;
import org.colearn.plugin.testkit.ActivityHarness;

class DataReviewContractTest extends ActivityContractTest<DataReviewConfig, DataReviewState> {

    @Override
    protected ActivityType<DataReviewConfig, DataReviewState> type() {
        return new DataReviewActivityType();
    }

    /**
     * The contract's checks have two facilitators join, then two people of Ashford (p-3, p-4) and a guest: Ashford,
     * which does not share its data, is on the screen first, then Bromley, which does.
     */
    @Override
    protected ActivityHarness<DataReviewConfig, DataReviewState> startHarness(DataReviewConfig config) throws ActivityException {
        return ActivityHarness.start(type(), config, new InMemoryMeasures()
                .site("Ashford", false, List.of("p-3", "p-4"), List.of())
                .site("Bromley", true, List.of("p-9"), List.of()));
    }

    @Override
    protected Map<String, Record> exampleMessages() {
        return Map.of(
                "show", new DataReviewMessages.Show(1),
                "next", new DataReviewMessages.Next(),
                "previous", new DataReviewMessages.Previous(),
                "refresh", new DataReviewMessages.Refresh(),
                "present", new DataReviewMessages.Present(),
                "ask", new DataReviewMessages.Ask("What changed in April?"),
                "answer", new DataReviewMessages.Answer("q1"),
                "note", new DataReviewMessages.Note("Try the triage card", true));
    }
}
