package org.colearn.server.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Moves a test server's clock on, a second every 50 ms, while a block runs, so that the unattributed commands the server
 * holds a random while (an anonymous story told in a circle) take effect during it without real waiting.
 */
public final class HeldTime implements AutoCloseable {

    private final Thread mover;
    private volatile boolean running = true;

    private HeldTime(MutableClock clock) {
        mover = new Thread(() -> {
            while (running) {
                clock.advance(Duration.ofSeconds(1));
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }, "held-time");
        mover.setDaemon(true);
        mover.start();
    }

    /** Time passes on {@code clock} until this is closed. */
    public static HeldTime passing(MutableClock clock) {
        return new HeldTime(clock);
    }

    /** What {@code action} returns, with time passing on {@code clock} while it runs. */
    public static <T> T during(MutableClock clock, Supplier<T> action) {
        try (HeldTime ignored = passing(clock)) {
            return action.get();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            mover.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
