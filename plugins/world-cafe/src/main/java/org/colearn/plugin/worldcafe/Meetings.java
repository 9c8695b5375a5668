package org.colearn.plugin.worldcafe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colearn.plugin.api.ActivityContext;
import org.colearn.plugin.worldcafe.seating.Pair;
import org.colearn.plugin.worldcafe.seating.PriorMeeting;
import org.colearn.plugin.worldcafe.seating.Round;
import org.colearn.plugin.worldcafe.seating.Table;

/**
 * Who sat with whom: kept with the session after every round, so that the collaborative's next café can seat people
 * with someone new.
 */
final class Meetings {

    static final String TITLE = "World café: who sat together";

    /** Two people at one table in one round (from 0). */
    record Meeting(String personId, String otherPersonId, int round) {}

    /** Every meeting of a café so far. */
    record Result(List<Meeting> meetings) {}

    private Meetings() {}

    static void publish(ActivityContext context, Model model) {
        List<Meeting> meetings = new ArrayList<>();
        for (int round = 0; round <= model.round && round < model.plan.rounds().size(); round++) {
            Round seated = model.plan.rounds().get(round);
            for (Table table : seated.tables()) {
                List<String> people = table.people();
                for (int i = 0; i < people.size(); i++) {
                    for (int j = i + 1; j < people.size(); j++) {
                        meetings.add(new Meeting(people.get(i), people.get(j), round));
                    }
                }
            }
        }
        context.publish(TITLE, new Result(meetings));
    }

    /** How often each pair of people here met at the collaborative's earlier cafés. */
    static List<PriorMeeting> earlier(ActivityContext context, Model model) {
        Map<Pair, Integer> times = new LinkedHashMap<>();
        for (Result result : context.earlierResults(Result.class)) {
            if (result.meetings() == null) {
                continue;
            }
            for (Meeting meeting : result.meetings()) {
                if (model.people.containsKey(meeting.personId()) && model.people.containsKey(meeting.otherPersonId())
                        && !meeting.personId().equals(meeting.otherPersonId())) {
                    times.merge(Pair.of(meeting.personId(), meeting.otherPersonId()), 1, Integer::sum);
                }
            }
        }
        List<PriorMeeting> prior = new ArrayList<>();
        times.forEach((pair, count) -> prior.add(new PriorMeeting(pair, count)));
        return prior;
    }
}
