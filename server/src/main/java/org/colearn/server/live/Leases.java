package org.colearn.server.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's leases on its sessions: renews them every {@code every} of the injected clock (so that a test
 * decides when), on a thread of its own (so that a busy node never loses its sessions for want of a thread), and
 * hands each session it turns out to have lost to {@code lost}.
 */
final class Leases implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Leases.class);

    private final Ownership ownership;
    private final Duration every;
    private final Consumer<UUID> lost;
    private final Clock clock;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "colearn-leases");
        thread.setDaemon(true);
        return thread;
    });
    private Instant next;

    Leases(Ownership ownership, Duration every, Consumer<UUID> lost, Clock clock) {
        this.ownership = ownership;
        this.every = every;
        this.lost = lost;
        this.clock = clock;
        this.next = clock.instant().plus(every);
    }

    /** Called a few times a second: renews when it is time. */
    void tick() {
        if (!clock.instant().isBefore(next)) {
            next = clock.instant().plus(every);
            renewSoon();
        }
    }

    /** Renews on the leases' thread, at once. */
    void renewSoon() {
        try {
            thread.execute(this::renew);
        } catch (RejectedExecutionException stopping) {
            // The server is stopping: it lets every session go anyway.
        }
    }

    /** Renews on the caller's thread; the sessions lost are handed over before it returns. */
    void renew() {
        try {
            ownership.renew().forEach(lost);
        } catch (RuntimeException e) {
            log.warn("could not renew the leases", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
