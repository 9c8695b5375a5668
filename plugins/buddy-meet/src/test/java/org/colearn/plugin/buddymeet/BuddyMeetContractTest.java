package org.colearn.plugin.buddymeet;

import java.util.List;
import java.util.Map;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.ActivityType;
import org.colearn.plugin.testkit.ActivityContractTest;
import org.colearn.plugin.testkit.ActivityHarness;

class BuddyMeetContractTest extends ActivityContractTest<BuddyMeetConfig, BuddyMeetState> {

    @Override
    protected ActivityType<BuddyMeetConfig, BuddyMeetState> type() {
        return new BuddyMeetActivityType();
    }

    /** The contract's checks have a facilitator join, then a nurse of Ashford: the harness's person p-2, a member. */
    @Override
    protected ActivityHarness<BuddyMeetConfig, BuddyMeetState> startHarness(BuddyMeetConfig config) throws ActivityException {
        return ActivityHarness.start(type(), config, new InMemoryBuddyPairs()
                .add("ab", false, List.of("Visit on 20 January 2027"), List.of("Ashford", "Bromley"), "p-2"));
    }

    @Override
    protected Map<String, Record> exampleMessages() {
        return Map.of(
                "addStep", new BuddyMeetMessages.AddStep("Share our audit sheet"),
                "doneStep", new BuddyMeetMessages.DoneStep("s1"),
                "extend", new BuddyMeetMessages.Extend(5),
                "finish", new BuddyMeetMessages.Finish(),
                "refresh", new BuddyMeetMessages.Refresh());
    }
}
