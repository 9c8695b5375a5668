package org.colearn.server.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.colearn.server.system.Json;

/**
 * The timer of the current agenda item: warnings at five minutes and one minute left, then time up. Timers are not
 * scheduled jobs but facts of the state ({@code itemEndsAt} and the warnings already given), checked on every tick of
 * the session, so a restarted server fires what came due while it was down at once, and only the latest of them.
 */
final class Timers {

    /** Warnings, in seconds left, from the earliest to the latest. */
    static final List<Long> WARNINGS = List.of(300L, 60L);

    private Timers() {}

    /** The timer events due at {@code now}, if any. */
    static List<Commands.Draft> due(SessionState state, Instant now) {
        Instant endsAt = state.itemEndsAt();
        if (endsAt == null || state.timeUp() || !state.status().equals("live")) {
            return List.of();
        }
        int index = state.currentItem();
        if (!now.isBefore(endsAt)) {
            return List.of(new Commands.Draft("timer.ended", Audience.EVERYONE, Json.MAPPER.createObjectNode().put("index", index)));
        }
        long plannedSeconds = state.item(index).plannedMinutes() * 60L;
        Long latestDue = null;
        for (long warning : WARNINGS) {
            if (!now.isBefore(dueAt(endsAt, warning)) && warning < plannedSeconds && !state.warned(warning)) {
                latestDue = warning;
            }
        }
        if (latestDue == null) {
            return List.of();
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("index", index).put("remainingSeconds", latestDue);
        return List.of(new Commands.Draft("timer.warning", Audience.EVERYONE, body));
    }

    /**
     * When the warning {@code secondsLeft} before {@code endsAt} comes due: compared as instants, never as whole
     * seconds left, which would round 60.9 s down to 60 and warn most of a second early.
     */
    static Instant dueAt(Instant endsAt, long secondsLeft) {
        return endsAt.minusSeconds(secondsLeft);
    }
}
