package org.colearn.server.live;

import jakarta.websocket.CloseReason;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.colearn.server.auth.Tokens;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what open live connections may do true to what is stored, at once: when a person's membership changes (role,
 * site, profession, removal, an approved move) or guests are switched off, their connections are checked again as at
 * hello. Someone who may still take part gets their new rights and a fresh view on the same connection; anyone else is
 * closed with a code that says why. Every second it also closes connections whose login or guest pass has ended, or
 * whose login token is gone (logged out), on whichever node they are. On a cluster, changes made through one node
 * reach the others as notices (see {@link ClusterNotices}): what changed and an id, each node reads the rest itself.
 */
final class Rights implements AutoCloseable {

    /** The login or guest pass has ended (logged out, expired): log in again, or join again as a guest. */
    static final CloseReason.CloseCode SIGNED_OUT = CloseReason.CloseCodes.getCloseCode(4401);
    /** The person may no longer take part (removed from the collaborative, or guests were switched off). */
    static final CloseReason.CloseCode NOT_ALLOWED = CloseReason.CloseCodes.getCloseCode(4403);
    /** How often passes are checked against the clock and logged-out tokens. */
    static final long SWEEP_MILLIS = 1000;
    /** How soon a connection that was joining its session when its rights changed is checked again. */
    private static final long JOINING_MILLIS = 50;
    /** Login tokens looked up per query by the sweep. */
    private static final int BATCH = 500;
    private static final String MEMBER = "member";
    private static final String GUESTS = "guests";
    private static final Logger log = LoggerFactory.getLogger(Rights.class);

    /** What a connection was let in with: enough to let it in again, or to see that its pass has ended. */
    record Pass(UUID sessionId, UUID personId, String token, String tokenHash, Instant until, boolean guest) {

        static Pass of(UUID sessionId, String token, Viewers.Admission admission) {
            return new Pass(sessionId, admission.viewer().personId(), token, Tokens.hash(token), admission.until(), admission.guest());
        }
    }

    private final Set<Connection> open;
    private final Viewers viewers;
    private final SessionFactory sessions;
    private final Clock clock;
    /** Sends a notice to every node of a cluster (and back to this one, which has acted on it already). */
    private final Consumer<String> tell;
    /** Tells this node's own notices from the others'. */
    private final String node = UUID.randomUUID().toString();
    /** One thread: checks run in the order changes were made, and never on a session's or a socket's thread. */
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "colearn-rights");
        thread.setDaemon(true);
        return thread;
    });

    /** {@code open}: every open connection of this node; {@code tell}: sends a notice to the other nodes, if any. */
    Rights(Set<Connection> open, Viewers viewers, SessionFactory sessions, Clock clock, Consumer<String> tell) {
        this.open = open;
        this.viewers = viewers;
        this.sessions = sessions;
        this.clock = clock;
        this.tell = tell;
    }

    /** Starts the sweep for passes that ran out, once the database is open. */
    void start() {
        worker.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A person's membership changed (committed): their connections here and on every other node are checked again. */
    void membershipChanged(UUID accountId) {
        tell.accept(node + " " + MEMBER + " " + accountId);
        recheck(pass -> !pass.guest() && pass.personId().equals(accountId));
    }

    /** Guests were switched on or off for a session (committed): its guests' connections are checked again. */
    void guestsSwitched(UUID sessionId) {
        tell.accept(node + " " + GUESTS + " " + sessionId);
        recheck(pass -> pass.guest() && pass.sessionId().equals(sessionId));
    }

    /** A notice from a node of the cluster: {@code "<node> member <accountId>"} or {@code "<node> guests <sessionId>"}. */
    void noticed(String notice) {
        String[] parts = notice.split(" ");
        if (parts.length != 3 || parts[0].equals(node)) {
            return;
        }
        UUID id = UUID.fromString(parts[2]);
        switch (parts[1]) {
            case MEMBER -> recheck(pass -> !pass.guest() && pass.personId().equals(id));
            case GUESTS -> recheck(pass -> pass.guest() && pass.sessionId().equals(id));
            default -> log.warn("a rights notice of an unknown kind: {}", parts[1]);
        }
    }

    private void recheck(Predicate<Pass> affected) {
        List<Connection> connections = open.stream().filter(c -> c.pass != null && affected.test(c.pass)).toList();
        if (connections.isEmpty()) {
            return;
        }
        try {
            worker.execute(() -> connections.forEach(this::recheck));
        } catch (RejectedExecutionException stopping) {
            // The server is stopping: its connections close with it.
        }
    }

    /** Lets the connection in again as at hello, off its session's thread: new rights, or closed. */
    private void recheck(Connection connection) {
        Pass pass = connection.pass;
        Viewers.Admission admission;
        try {
            admission = viewers.admit(pass.sessionId(), pass.token());
        } catch (LiveException refused) {
            switch (refused.code()) {
                case "token_invalid", "token_expired" -> {
                    if (pass.guest()) {
                        connection.closeLater(NOT_ALLOWED, "Guests may no longer join this session.");
                    } else {
                        connection.closeLater(SIGNED_OUT, "You have logged out, or your login has ended. Log in again.");
                    }
                }
                case "not_a_member", "session_not_found" ->
                    connection.closeLater(NOT_ALLOWED, "You are no longer a member of this session's collaborative.");
                default -> log.warn("could not check a connection's rights again: {}", refused.code());
            }
            return;
        } catch (RuntimeException e) {
            log.warn("could not check a connection's rights again", e);
            return;
        }
        connection.pass = Pass.of(pass.sessionId(), pass.token(), admission);
        LiveSession session = connection.session;
        // A relayed connection's rights are the owner's business: its own connection there is checked the same way.
        if (connection.relay != null || admission.viewer().equals(connection.viewer)) {
            return;
        }
        if (session != null) {
            session.rightsChanged(connection, admission.viewer());
        } else if (connection.viewer != null && open.contains(connection)) {
            // Let in a moment ago with the rights of before, and joining its session now: look again once it has.
            worker.schedule(() -> recheck(connection), JOINING_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Closes connections whose pass has ended by the clock, or whose login token is gone (logged out, account deleted). */
    private void sweep() {
        try {
            Instant now = clock.instant();
            List<Connection> logins = new ArrayList<>();
            for (Connection connection : open) {
                Pass pass = connection.pass;
                if (pass == null) {
                    continue;
                }
                if (!pass.until().isAfter(now)) {
                    connection.closeLater(SIGNED_OUT, pass.guest()
                            ? "Your guest pass has ended. Join again with the session's code."
                            : "Your login has ended. Log in again.");
                } else if (!pass.guest()) {
                    logins.add(connection);
                }
            }
            for (int from = 0; from < logins.size(); from += BATCH) {
                List<Connection> batch = logins.subList(from, Math.min(logins.size(), from + BATCH));
                Set<String> kept = existing(batch.stream().map(c -> c.pass.tokenHash()).collect(Collectors.toSet()));
                for (Connection connection : batch) {
                    if (!kept.contains(connection.pass.tokenHash())) {
                        connection.closeLater(SIGNED_OUT, "You have logged out. Log in again.");
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("could not check the live connections' logins", e);
        }
    }

    /** Which of these login tokens are still stored. */
    private Set<String> existing(Set<String> hashes) {
        return sessions.fromStatelessTransaction(session -> new HashSet<>(session
                .createSelectionQuery("select tokenHash from AccessToken where tokenHash in :hashes", String.class)
                .setParameterList("hashes", hashes)
                .getResultList()));
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
