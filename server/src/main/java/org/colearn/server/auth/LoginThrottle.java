package org.colearn.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.colearn.server.system.ApiException;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed logins for one email address within
 * {@link #WINDOW}, further attempts for it are refused until the oldest failure leaves the window.
 */
final class LoginThrottle {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Refuses the attempt with 429 when this email has failed too often lately. */
    void check(String email) {
        Deque<Instant> recent = failures.get(email);
        if (recent == null) {
            return;
        }
        synchronized (recent) {
            prune(recent);
            if (recent.size() >= MAX_FAILURES) {
                long seconds = Math.max(1, Duration.between(clock.instant(), recent.peekFirst().plus(WINDOW)).toSeconds());
                throw new ApiException(
                        429,
                        "too_many_attempts",
                        "Too many failed logins for this account. Try again in " + ((seconds + 59) / 60) + " minute(s).",
                        List.of());
            }
        }
    }

    void failed(String email) {
        Deque<Instant> recent = failures.computeIfAbsent(email, key -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            recent.addLast(clock.instant());
        }
    }

    void succeeded(String email) {
        failures.remove(email);
    }

    private void prune(Deque<Instant> recent) {
        Instant cutoff = clock.instant().minus(WINDOW);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
            recent.removeFirst();
        }
    }
}
