package org.colearn.server.stories;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.colearn.server.system.ApiException;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes anonymous stories and comments (and the follow-ups and changes made with their keys) from the {@link Spool}
 * to their tables, apart from their authors' actions: in rounds at random moments (by the injected clock), each
 * writing every item that has come due, in one transaction, in shuffled order, deleting their spool rows in the same
 * transaction. So no row id, physical row order, transaction id or list order of those tables tells when an item was
 * posted or what its author did next. Every node of a cluster runs one; an item is written once, by whichever deletes
 * its spool row first.
 */
public final class Mixer implements AutoCloseable {

    /** The longest time from posting an anonymous item to its being in the catalogue. */
    public static final Duration LONGEST_DELAY = Spool.LONGEST_WAIT.plus(Duration.ofMinutes(2));

    private static final Duration SHORTEST_ROUND = Duration.ofSeconds(30);
    private static final Duration LONGEST_ROUND = LONGEST_DELAY.minus(Spool.LONGEST_WAIT);
    /** How often, in real time, the clock is looked at: often enough for a test's clock that jumps. */
    private static final long LOOK_MILLIS = 200;
    private static final Logger log = LoggerFactory.getLogger(Mixer.class);

    private final SessionFactory sessions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ScheduledExecutorService looker;
    private Instant nextRound;

    Mixer(SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
        // The first round comes at once: items a crash or a stop left in the spool are written when they are due.
        this.nextRound = clock.instant();
        this.looker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "colearn-story-mixer");
            thread.setDaemon(true);
            return thread;
        });
        looker.scheduleWithFixedDelay(this::look, LOOK_MILLIS, LOOK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void look() {
        Instant now = clock.instant();
        if (now.isBefore(nextRound)) {
            return;
        }
        long spread = LONGEST_ROUND.minus(SHORTEST_ROUND).toMillis();
        nextRound = now.plus(SHORTEST_ROUND).plusMillis(random.nextLong(spread + 1));
        try {
            round(now);
        } catch (RuntimeException e) {
            // One item the database refuses must not hold back every other: each is tried on its own. Only the kind of
            // failure is logged, since a database's message may quote a value of the row it refused.
            log.error("could not write the anonymous stories and comments that are due together ({}); writing each alone",
                    e.getClass().getSimpleName());
            alone(now);
        }
    }

    /** Writes each item due by {@code now} in a transaction of its own; one the database refuses is dropped. */
    private void alone(Instant now) {
        List<SpooledItem> due = sessions.fromTransaction(session -> Spool.all(session).stream()
                .filter(item -> !item.dueAt().isAfter(now))
                .toList());
        for (SpooledItem item : due) {
            try {
                sessions.inTransaction(session -> write(session, item));
            } catch (RuntimeException refused) {
                try {
                    sessions.inTransaction(session -> session.createMutationQuery("delete from SpooledItem where id = :id")
                            .setParameter("id", item.id())
                            .executeUpdate());
                    log.error("dropped an anonymous item the database refused ({})", refused.getClass().getSimpleName());
                } catch (RuntimeException stillFailing) {
                    log.error("could not write an anonymous item ({}); trying again at the next round",
                            stillFailing.getClass().getSimpleName());
                }
            }
        }
    }

    /** Writes every item due by {@code now}, in one transaction, in shuffled order. */
    private void round(Instant now) {
        sessions.inTransaction(session -> {
            List<SpooledItem> due = new ArrayList<>(Spool.all(session).stream()
                    .filter(item -> !item.dueAt().isAfter(now))
                    .toList());
            Collections.shuffle(due, random);
            for (SpooledItem item : due) {
                write(session, item);
            }
        });
    }

    /** Takes the item out of the spool and writes it where it belongs, in the caller's transaction. */
    private static void write(org.hibernate.Session session, SpooledItem item) {
        int taken = session.createMutationQuery("delete from SpooledItem where id = :id")
                .setParameter("id", item.id())
                .executeUpdate();
        if (taken == 0) {
            // Another node wrote it.
            return;
        }
        try {
            if (Spool.stillFits(session, item)) {
                Spool.write(session, item);
                session.flush();
            }
        } catch (ApiException | IllegalStateException unwritable) {
            // What it belongs to no longer takes it (a session moved to another collaborative, say): it goes, as it
            // would have gone with a deleted story, rather than holding back every item after it.
            log.warn("dropped an anonymous item that can no longer be written ({})", unwritable.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        looker.shutdownNow();
        try {
            looker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
