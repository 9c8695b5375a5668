package org.colearn.server.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The beat of this node's live sessions: every {@value #TICK_MILLIS} ms their timers are checked, sessions nobody is in
 * leave memory and the node looks after its part in a cluster; every few seconds silent connections are closed. Its
 * thread also runs the sessions' own delayed work.
 */
final class Ticker implements AutoCloseable {

    /**
     * How often the sessions check their timers: a timer fires at most this late, plus what waits before it in the
     * session's queue, so well within the 200 ms a timer may be late.
     */
    static final long TICK_MILLIS = 100;

    /** A session nobody has been connected to for this long leaves memory; it comes back on the next hello. */
    static final Duration IDLE = Duration.ofMinutes(10);
    /** The same for an ended session, which has no timers to fire. */
    static final Duration ENDED_IDLE = Duration.ofSeconds(30);

    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "colearn-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock;

    Ticker(Clock clock) {
        this.clock = clock;
    }

    /** Where the sessions schedule their own delayed work. */
    ScheduledExecutorService timers() {
        return heartbeat;
    }

    /** Starts the beat over {@code sessions} and {@code connections}; {@code cluster} runs on every beat too. */
    void start(LoadedSessions sessions, OpenConnections connections, Runnable cluster) {
        heartbeat.scheduleWithFixedDelay(connections::closeSilent, 5, 5, TimeUnit.SECONDS);
        heartbeat.scheduleWithFixedDelay(() -> tick(sessions, cluster), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void tick(LoadedSessions sessions, Runnable cluster) {
        sessions.all().forEach(LiveSession::tick);
        Instant now = clock.instant();
        sessions.all().forEach(session -> session.unloadIfIdle(now, IDLE, ENDED_IDLE, () -> sessions.unload(session)));
        cluster.run();
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
    }
}
