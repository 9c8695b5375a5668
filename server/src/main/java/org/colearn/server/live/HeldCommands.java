package org.colearn.server.live;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Unattributed commands (an anonymous story told in a circle) wait here a random while before they take effect, and
 * then go with every other one that is due, in random order: so their place in the session's log does not sit beside
 * their sender's own actions, and their time, which the log keeps only by week, cannot be read from their neighbours.
 * Kept in memory only, on the session's thread: the sender's connection is needed for the answer, and nothing of it is
 * ever written.
 */
public final class HeldCommands {

    /** The shortest and longest random wait of an unattributed command; tests move their clock past the longest. */
    public static final Duration SHORTEST = Duration.ofSeconds(2);
    public static final Duration LONGEST = Duration.ofSeconds(15);
    /**
     * The latest a command is taken after it arrived: past its random wait it is held on while the last person to act
     * in the session is its own sender (else it would sit right after their own action in the log), up to this.
     */
    public static final Duration LATEST = Duration.ofSeconds(75);

    private record Held(Instant arrived, Instant due, UUID sender, Runnable take, Runnable refuse) {}

    private final Random random;
    private final List<Held> held = new ArrayList<>();

    HeldCommands() {
        this(new SecureRandom());
    }

    HeldCommands(Random random) {
        this.random = random;
    }

    /**
     * Holds a command of {@code sender}: {@code take} applies it when it is due, {@code refuse} answers it if the session
     * stops first.
     */
    void hold(Instant now, UUID sender, Runnable take, Runnable refuse) {
        long spread = LONGEST.minus(SHORTEST).toMillis();
        held.add(new Held(now, now.plus(SHORTEST).plusMillis((long) (random.nextDouble() * spread)), sender, take, refuse));
    }

    /**
     * The commands due by {@code now}, in random order: those that fall due together go as one batch. A command whose
     * sender is {@code lastActor}, the last person whose own action was logged, waits on until someone else acts or
     * {@link #LATEST} has passed.
     */
    List<Runnable> due(Instant now, UUID lastActor) {
        List<Runnable> due = new ArrayList<>();
        held.removeIf(command -> {
            boolean ready = !command.due().isAfter(now)
                    && (!command.sender().equals(lastActor) || !command.arrived().plus(LATEST).isAfter(now));
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
