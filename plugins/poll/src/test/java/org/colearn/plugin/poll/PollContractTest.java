package org.colearn.plugin.poll;

import java.util.List;
import java.util.Map;
import org.colearn.plugin.api.ActivityType;
import org.colearn.plugin.testkit.ActivityContractTest;

class PollContractTest extends ActivityContractTest<PollConfig, PollState> {

    @Override
    protected ActivityType<PollConfig, PollState> type() {
        return new PollActivityType();
    }

    @Override
    protected Map<String, Record> exampleMessages() {
        return Map.of("vote", new PollMessages.Vote(List.of(1), null, null, null), "reveal", new PollMessages.Reveal(), "close", new PollMessages.Close(),
                "hide", new PollMessages.Hide("huddles", true), "split", new PollMessages.Split("profession"));
    }
}
