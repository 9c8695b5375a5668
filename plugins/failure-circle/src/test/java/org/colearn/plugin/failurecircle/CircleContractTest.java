package org.colearn.plugin.failurecircle;

import java.util.List;
import java.util.Map;
import org.colearn.plugin.api.ActivityType;
import org.colearn.plugin.testkit.ActivityContractTest;

class CircleContractTest extends ActivityContractTest<CircleConfig, CircleState> {

    @Override
    protected ActivityType<CircleConfig, CircleState> type() {
        return new FailureCircleActivityType();
    }

    @Override
    protected Map<String, Record> exampleMessages() {
        return Map.ofEntries(
                Map.entry("submit", new CircleMessages.Submit("story-0001", "Huddles nobody came to", "Handover", "",
                        "A huddle at 8", "Night staff had gone", "Ask first", "", List.of("handover"), "anonymous", Circles.KEY, false)),
                Map.entry("bring", new CircleMessages.Bring("story-0002", "cat-1", null)),
                Map.entry("offer", new CircleMessages.Offer("cat-2", "plenary")),
                Map.entry("share", new CircleMessages.Share("story-0001")),
                Map.entry("storyteller", new CircleMessages.Storyteller("plenary", "p-2")),
                Map.entry("react", new CircleMessages.React("story-0001", "seen_too")),
                Map.entry("takeBack", new CircleMessages.TakeBack("story-0001", "Ask night staff first")),
                Map.entry("dropNote", new CircleMessages.DropNote("n1")),
                Map.entry("publish", new CircleMessages.Publish("story-0001", Circles.KEY, "session", false)),
                Map.entry("keep", new CircleMessages.Keep("story-0001", Circles.KEY)),
                Map.entry("withdraw", new CircleMessages.Withdraw("story-0001", Circles.KEY)));
    }
}
