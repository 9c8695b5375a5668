package org.colearn.server.live;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one session's tasks one at a time, in the order they were submitted, on a shared pool: the session's
 * logical thread. After each run of tasks (up to {@value #BATCH} of them) it calls the batch hook, where the session
 * commits what the batch logged (group commit) and only then sends it.
 */
final class Mailbox {

    static final int BATCH = 256;

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor pool;
    private final Runnable afterBatch;

    Mailbox(Executor pool, Runnable afterBatch) {
        this.pool = pool;
        this.afterBatch = afterBatch;
    }

    void submit(Runnable task) {
        tasks.add(task);
        if (scheduled.compareAndSet(false, true)) {
            schedule();
        }
    }

    /**
     * Hands the drain to the pool. A pool that refuses is shutting down with the server: the tasks left were never
     * applied or acknowledged, so dropping them loses nothing a client was told had happened.
     */
    private void schedule() {
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException stopping) {
            tasks.clear();
        }
    }

    private void drain() {
        try {
            int ran = 0;
            Runnable task;
            while (ran < BATCH && (task = tasks.poll()) != null) {
                task.run();
                ran++;
            }
            afterBatch.run();
        } finally {
            scheduled.set(false);
            if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
                schedule();
            }
        }
    }
}
