package org.colearn.server.live;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Unattributed commands (an anonymous story told in a circle) wait here a random while before they take effect, and
 * then go with every other one that is due, in random order: so their place in the session's log does not sit beside
 * their sender's own actions, and their time, which the log keeps only by week, cannot be read from their neighbours.
 * Kept in memory only, on the session's thread: the sender's connection is needed for the answer, and nothing of it is
 * ever written.
 */
public final class HeldCommands {

    /** The shortest and longest wait of an unattributed command; tests move their clock past the longest. */
    public static final Duration SHORTEST = Duration.ofSeconds(2);
    public static final Duration LONGEST = Duration.ofSeconds(15);

    private record Held(Instant due, Runnable take, Runnable refuse) {}

    private final Random random;
    private final List<Held> held = new ArrayList<>();

    HeldCommands() {
        this(new SecureRandom());
    }

    HeldCommands(Random random) {
        this.random = random;
    }

    /** Holds a command: {@code take} applies it when it is due, {@code refuse} answers it if the session stops first. */
    void hold(Instant now, Runnable take, Runnable refuse) {
        long spread = LONGEST.minus(SHORTEST).toMillis();
        held.add(new Held(now.plus(SHORTEST).plusMillis((long) (random.nextDouble() * spread)), take, refuse));
    }

    /** The commands due by {@code now}, in random order: those that fall due together go as one batch. */
    List<Runnable> due(Instant now) {
        List<Runnable> due = new ArrayList<>();
        held.removeIf(command -> {
            boolean ready = !command.due().isAfter(now);
            if (ready) {
                due.add(command.take());
            }
            return ready;
        });
        Collections.shuffle(due, random);
        return due;
    }

    /** Answers every command still held: the session stops before they take effect. */
    void refuseAll() {
        List<Held> refused = List.copyOf(held);
        held.clear();
        refused.forEach(command -> command.refuse().run());
    }

    boolean isEmpty() {
        return held.isEmpty();
    }
}
