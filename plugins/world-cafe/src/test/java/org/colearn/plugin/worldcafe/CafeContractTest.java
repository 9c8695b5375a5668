package org.colearn.plugin.worldcafe;

import java.util.List;
import java.util.Map;
import org.colearn.plugin.api.ActivityType;
import org.colearn.plugin.testkit.ActivityContractTest;

class CafeContractTest extends ActivityContractTest<CafeConfig, CafeState> {

    @Override
    protected ActivityType<CafeConfig, CafeState> type() {
        return new WorldCafeActivityType();
    }

    @Override
    protected Map<String, Record> exampleMessages() {
        return Map.ofEntries(
                Map.entry("volunteer", new CafeMessages.Volunteer(true)),
                Map.entry("pickHost", new CafeMessages.PickHost("p-2", true)),
                Map.entry("pin", new CafeMessages.Pin("p-2", 1)),
                Map.entry("keepApart", new CafeMessages.KeepApart("p-2", "p-3", true)),
                Map.entry("keepTogether", new CafeMessages.KeepTogether("p-2", "p-4", true)),
                Map.entry("begin", new CafeMessages.Begin()),
                Map.entry("nextRound", new CafeMessages.NextRound()),
                Map.entry("extend", new CafeMessages.Extend(5)),
                Map.entry("move", new CafeMessages.Move("p-2", 2)),
                Map.entry("finish", new CafeMessages.Finish()),
                Map.entry("note", new CafeMessages.Note("insight", "Huddles at 8 and 8", null)),
                Map.entry("agree", new CafeMessages.Agree("n1", true)),
                Map.entry("cluster", new CafeMessages.Cluster(List.of("n1", "n2"), "Escalation")),
                Map.entry("addKind", new CafeMessages.AddKind("resource")));
    }
}
