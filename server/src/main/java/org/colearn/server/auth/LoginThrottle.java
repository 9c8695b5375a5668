package org.colearn.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.colearn.server.system.ApiException;

/**
 * Slows password guessing without ever locking anyone out: each failed login makes the next attempt from the same
 * client address, and for the same account, wait a little longer (after a few free failures, doubling up to a
 * cap). The right password gets in once the wait is over, so a stranger's failures can delay a person for at most
 * {@link #ACCOUNT_CAP}, never lock them out; a client that tries many addresses is slowed by its own failures.
 */
final class LoginThrottle {

    /** Failures for one account before it is slowed, and the longest wait they can cause. */
    static final int ACCOUNT_FREE = 5;
    static final Duration ACCOUNT_CAP = Duration.ofSeconds(30);
    /** A client address may fail more often before it is slowed: many people may share it (a hospital's network). */
    static final int CLIENT_FREE = 20;
    static final Duration CLIENT_CAP = Duration.ofSeconds(60);
    /** Failures are forgotten this long after the last one. */
    static final Duration MEMORY = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 100_000;

    private record Failures(int count, Instant last) {}

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Refuses the attempt with 429 and how long to wait when the client or the account must wait still. */
    void check(String client, String email) {
        Instant now = clock.instant();
        Duration wait = max(waitFor("client " + client, CLIENT_FREE, CLIENT_CAP, now), waitFor("account " + email, ACCOUNT_FREE, ACCOUNT_CAP, now));
        if (!wait.isZero()) {
            throw new Throttled(wait);
        }
    }

    void failed(String client, String email) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.values().removeIf(f -> forgotten(f, now));
        }
        for (String key : List.of("client " + client, "account " + email)) {
            failures.compute(key, (k, f) -> new Failures(f == null || forgotten(f, now) ? 1 : f.count() + 1, now));
        }
    }

    /** The account's failures are forgiven by its right password; the client's are not (it may try many accounts). */
    void succeeded(String email) {
        failures.remove("account " + email);
    }

    private Duration waitFor(String key, int free, Duration cap, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.count() < free || forgotten(f, now)) {
            return Duration.ZERO;
        }
        int doublings = Math.min(f.count() - free, 20);
        Duration delay = Duration.ofSeconds(1L << doublings);
        Duration left = Duration.between(now, f.last().plus(delay.compareTo(cap) > 0 ? cap : delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static boolean forgotten(Failures f, Instant now) {
        return !f.last().plus(MEMORY).isAfter(now);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** A login attempt that came too soon after failures; it was not checked. */
    static final class Throttled extends ApiException {
        private final long retryAfterSeconds;

        Throttled(Duration wait) {
            super(429, "login_throttled", "Too many failed logins from here or for this account. Wait "
                            + seconds(wait) + " second(s), then try again.", List.of(), Map.of("retryAfterSeconds", seconds(wait)));
            this.retryAfterSeconds = seconds(wait);
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        private static long seconds(Duration wait) {
            return Math.max(1, (wait.toMillis() + 999) / 1000);
        }
    }
}
