package org.colearn.server.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Computed;
import org.colearn.server.system.Json;

/**
 * The running activity's long work (seating a large café), run on a worker while the session's thread goes on with
 * chat, presence and commands, within a budget. Everyone is told what is happening ({@code activity.work}) when it
 * starts and when it is over; its outcome comes back to the session's thread as a callback of the activity, and it is
 * {@code done} only once what that callback changed is committed ({@code failed} when it could not be saved). Used on
 * the session's thread only, but for the work itself.
 */
final class ActivityWork {

    /** The longest budget an activity may ask for. */
    static final Duration MAX_BUDGET = Duration.ofMinutes(10);

    /** What the work needs of its session. */
    interface Session {
        /** The session's clock as it reads now. */
        Instant now();

        /** Runs the work on a worker, never on the session's thread. */
        Future<?> offThread(Runnable work);

        /** Runs {@code task} on the session's thread after {@code delay} of real time. */
        void after(Duration delay, Runnable task);

        /** Runs {@code task} on the session's thread. */
        void onThread(Runnable task);

        /** Tells everyone connected, now. */
        void tell(ObjectNode status);

        /** Runs {@code task} once what the session is doing now is committed. */
        void afterCommit(Runnable task);

        /** Runs {@code task} instead when what the session is doing now could not be committed, and was undone. */
        void ifNotSaved(Runnable task);
    }

    /** The work under way: its number, what it is called, since when, until when. */
    private record Underway(long id, String label, Instant startedAt, Instant deadline, Future<?> future) {}

    private final Session session;
    private Underway underway;
    private long lastId;

    ActivityWork(Session session) {
        this.session = session;
    }

    /**
     * Starts {@code work} on a worker. Its outcome is handed to {@code callback}, which calls the activity on the
     * session's thread; nothing is handed over once {@link #forget} was called, or the budget passed.
     */
    <R> void start(String label, Duration budget, Callable<R> work, Computed<R> then, Consumer<Runnable> callback)
            throws ActivityException {
        if (underway != null) {
            throw new ActivityException("busy", underway.label() + " Try again when it is done.");
        }
        if (label == null || label.isBlank() || budget == null || budget.isNegative() || budget.isZero() || budget.compareTo(MAX_BUDGET) > 0) {
            throw new IllegalArgumentException("long work needs a label and a budget of at most " + MAX_BUDGET.toMinutes() + " minutes");
        }
        long id = ++lastId;
        Instant started = session.now();
        Future<?> future = session.offThread(() -> {
            try {
                R result = work.call();
                session.onThread(() -> finish(id, "done", null, () -> then.done(result), callback));
            } catch (InterruptedException stopped) {
                // Over budget, or the activity ended: whoever stopped it has said so.
            } catch (Exception | LinkageError e) {
                String reason = label + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                session.onThread(() -> finish(id, "failed", reason, () -> then.failed(reason), callback));
            }
        });
        underway = new Underway(id, label, started, started.plus(budget), future);
        session.after(budget, () -> {
            if (underway != null && underway.id() == id) {
                underway.future().cancel(true);
                String reason = label + " took longer than its " + describe(budget) + "; nothing was changed.";
                finish(id, "failed", reason, () -> then.failed(reason), callback);
            }
        });
        announce(status("running", null));
    }

    /**
     * The activity ended, or was made again from its stored state: the work under way is stopped, its outcome dropped,
     * and everyone told {@code why} (" was stopped: the activity is over.").
     */
    void forget(String why) {
        if (underway == null) {
            return;
        }
        underway.future().cancel(true);
        announce(status("cancelled", underway.label() + why));
        underway = null;
    }

    /** What everyone sees of the work under way, for a view; null when none is. */
    ObjectNode status() {
        return underway == null ? null : status("running", null);
    }

    /**
     * Hands the outcome to the activity. Everyone hears how it went once what the activity made of it is committed; if
     * that cannot be saved, it is undone, and everyone hears that the work failed.
     */
    private void finish(long id, String outcome, String message, ActivityCall call, Consumer<Runnable> callback) {
        if (underway == null || underway.id() != id) {
            return;
        }
        ObjectNode status = status(outcome, message);
        ObjectNode unsaved = status("failed", underway.label() + " could not be saved; nothing was changed. Try again.");
        underway = null;
        announce(status);
        session.ifNotSaved(() -> session.tell(unsaved));
        callback.accept(() -> {
            try {
                call.run();
            } catch (ActivityException refused) {
                announce(status.deepCopy().put("status", "refused").put("message", refused.getMessage()));
            }
        });
    }

    /** Tells everyone once what the session is doing now is committed. */
    private void announce(ObjectNode status) {
        session.afterCommit(() -> session.tell(status));
    }

    private ObjectNode status(String outcome, String message) {
        ObjectNode status = Json.MAPPER.createObjectNode()
                .put("label", underway.label())
                .put("status", outcome)
                .put("startedAt", underway.startedAt().toString())
                .put("deadline", underway.deadline().toString());
        if (message != null) {
            status.put("message", message);
        }
        return status;
    }

    private static String describe(Duration budget) {
        if (budget.toSeconds() < 10) {
            return String.format(java.util.Locale.ENGLISH, "%.1f s", budget.toMillis() / 1000.0);
        }
        return budget.toSeconds() < 120 ? budget.toSeconds() + " s" : budget.toMinutes() + " minutes";
    }

    /** A call into the activity that may refuse. */
    interface ActivityCall {
        void run() throws ActivityException;
    }
}
