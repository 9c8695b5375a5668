package org.colearn.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** At most a few mails to one address per hour, so that nobody can flood an inbox by signing up or asking with it. */
final class MailQuota {

    static final int MAILS_PER_HOUR = 5;

    private final Clock clock;
    private final Map<String, Deque<Instant>> mailed = new ConcurrentHashMap<>();

    MailQuota(Clock clock) {
        this.clock = clock;
    }

    /** Counts a mail to the address, unless it had its hourly share; mails past that are not sent. */
    boolean mayMail(String address) {
        Instant now = clock.instant();
        if (mailed.size() > 100_000) {
            mailed.values().removeIf(times -> times.isEmpty() || !times.peekLast().isAfter(now.minus(Duration.ofHours(1))));
        }
        Deque<Instant> times = mailed.computeIfAbsent(address, key -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(Duration.ofHours(1)))) {
                times.removeFirst();
            }
            if (times.size() >= MAILS_PER_HOUR) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
