package org.colearn.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.colearn.server.system.Json;
import org.colearn.server.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** The agenda timer on a clock moved by hand in steps as short as the sessions' tick: each event comes on its time. */
class TimersTest {

    static final Instant START = Instant.parse("2026-12-01T09:30:00.250Z");
    static final Duration STEP = Duration.ofMillis(Ticker.TICK_MILLIS);

    @Test
    void warningsAndTimeUpFireAtTheirDueInstantNeverBefore() {
        MutableClock clock = new MutableClock(START);
        SessionState state = itemOfMinutes(10, clock.instant());
        Instant endsAt = START.plus(Duration.ofMinutes(10));

        List<String> fired = run(state, clock, endsAt.plus(STEP));

        assertEquals(List.of(
                "timer.warning 300 at " + endsAt.minusSeconds(300),
                "timer.warning 60 at " + endsAt.minusSeconds(60),
                "timer.ended at " + endsAt), fired);
    }

    @Test
    void aWarningDueBetweenTwoTicksFiresAtTheNextTickWithinOneTickOfItsTime() {
        // The item starts off the tick grid, so no tick falls exactly on a due instant.
        Instant start = START.plusMillis(37);
        MutableClock clock = new MutableClock(START);
        SessionState state = itemOfMinutes(2, start);
        Instant endsAt = start.plus(Duration.ofMinutes(2));

        List<String> fired = run(state, clock, endsAt.plus(STEP));

        Instant warningDue = endsAt.minusSeconds(60);
        Instant warningTick = START.plus(STEP.multipliedBy(Duration.between(START, warningDue).toMillis() / STEP.toMillis() + 1));
        Instant endTick = START.plus(STEP.multipliedBy(Duration.between(START, endsAt).toMillis() / STEP.toMillis() + 1));
        assertEquals(List.of("timer.warning 60 at " + warningTick, "timer.ended at " + endTick), fired);
    }

    @Test
    void anExtensionThatLeavesMoreThanAMinuteWarnsAgainAtTheMinute() {
        MutableClock clock = new MutableClock(START);
        SessionState state = itemOfMinutes(2, START);
        Instant firstEnd = START.plus(Duration.ofMinutes(2));
        run(state, clock, firstEnd.minusSeconds(30));
        // Extended to 60.5 s left: the minute's warning is half a second ahead again.
        Instant newEnd = clock.instant().plusMillis(60_500);
        ObjectNode extended = Json.MAPPER.createObjectNode().put("index", 0).put("endsAt", newEnd.toString());
        state.apply(new Event(state.seq() + 1, "agenda.item.extended", Audience.EVERYONE, extended, clock.instant()));

        List<String> fired = run(state, clock, newEnd.minusSeconds(59));

        assertEquals(List.of("timer.warning 60 at " + newEnd.minusSeconds(60)), fired);
    }

    /** Ticks every {@link #STEP} up to {@code until}, applying what fires, as the session does; returns what fired. */
    private static List<String> run(SessionState state, MutableClock clock, Instant until) {
        List<String> fired = new ArrayList<>();
        while (clock.instant().isBefore(until)) {
            clock.advance(STEP);
            Instant now = clock.instant();
            for (Commands.Draft draft : Timers.due(state, now)) {
                state.apply(new Event(state.seq() + 1, draft.type(), draft.audience(), draft.body(), now));
                fired.add(draft.type()
                        + (draft.body().has("remainingSeconds") ? " " + draft.body().path("remainingSeconds").asLong() : "")
                        + " at " + now);
            }
        }
        return fired;
    }

    private static SessionState itemOfMinutes(int minutes, Instant startedAt) {
        SessionState state = new SessionState("Learning session", List.of(
                new SessionState.Item("welcome", "Welcome", "plenary", minutes, null)));
        state.apply(new Event(1, "session.started", Audience.EVERYONE, Json.MAPPER.createObjectNode(), startedAt));
        ObjectNode started = Json.MAPPER.createObjectNode()
                .put("index", 0)
                .put("endsAt", startedAt.plus(Duration.ofMinutes(minutes)).toString());
        state.apply(new Event(2, "agenda.item.started", Audience.EVERYONE, started, startedAt));
        return state;
    }
}
