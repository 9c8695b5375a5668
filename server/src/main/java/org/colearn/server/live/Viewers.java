package org.colearn.server.live;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.colearn.server.auth.AuthService;
import org.colearn.server.auth.Caller;
import org.colearn.server.auth.Tokens;
import org.colearn.server.community.Access;
import org.colearn.server.community.Member;
import org.colearn.server.community.Site;
import org.colearn.server.session.Guests;
import org.colearn.server.session.LearningSession;
import org.colearn.server.session.SessionGuest;
import org.colearn.server.system.ApiException;
import org.hibernate.SessionFactory;
import org.hibernate.SharedSessionContract;

/**
 * Who a person is in a live session: their name, site, profession and whether they facilitate, from a login token or a
 * guest's token on the WebSocket, or from the caller of a REST request. Refuses anyone who may not take part.
 */
final class Viewers {

    private final SessionFactory sessions;
    private final AuthService auth;
    private final Clock clock;

    Viewers(SessionFactory sessions, AuthService auth, Clock clock) {
        this.sessions = sessions;
        this.auth = auth;
        this.clock = clock;
    }

    /**
     * The token, its account, the session's collaborative, the membership and its site, in one query: a hello is the
     * most frequent request when a crowd arrives, and nothing of it is cached, so that a revoked token or a removed
     * member is refused at their next hello on any node. No row: the token is no login token (a guest's, or none).
     */
    private static final String HELLO = """
            select t.expiresAt, a.id, c.id, m, s.name
            from AccessToken t
            left join Account a on a.id = t.accountId
            left join LearningSession l on l.id = :session
            left join Collaborative c on c.id = l.collaborativeId
            left join Member m on m.collaborativeId = c.id and m.accountId = a.id
            left join Site s on s.id = m.siteId
            where t.tokenHash = :hash""";

    /** Who was let in, until when their login or guest pass lasts, and whether they came as a guest. */
    record Admission(Viewer viewer, Instant until, boolean guest) {}

    /**
     * Who the token's owner is in this session, or a {@link LiveException} when they may not join it: one transaction
     * that only reads, in a stateless session (no persistence context to fill and flush). Only an expired login token
     * takes the write path of {@link AuthService#authenticate}, which deletes it.
     */
    Admission admit(UUID sessionId, String token) {
        Instant now = clock.instant();
        Optional<Admission> admission = sessions.fromStatelessTransaction(session -> {
            List<Object[]> rows = session.createSelectionQuery(HELLO, Object[].class)
                    .setParameter("session", sessionId)
                    .setParameter("hash", Tokens.hash(token))
                    .getResultList();
            if (rows.isEmpty()) {
                return Optional.of(guest(session, sessionId, token, now,
                        "This login token is not valid (you may have logged out). Log in again."));
            }
            Object[] row = rows.get(0);
            Instant until = (Instant) row[0];
            if (!until.isAfter(now)) {
                return Optional.<Admission>empty();
            }
            if (row[1] == null) {
                return Optional.of(guest(session, sessionId, token, now, "The account of this token no longer exists."));
            }
            if (row[2] == null || row[3] == null) {
                // A stranger learns nothing, not even that the session exists.
                throw LiveSessions.notFound();
            }
            return Optional.of(new Admission(viewer((UUID) row[1], (Member) row[3], (String) row[4]), until, false));
        });
        return admission.orElseGet(() -> new Admission(expired(sessionId, token), now, false));
    }

    /** A guest's token for this session, or {@code token_invalid} with {@code message}. */
    private static Admission guest(SharedSessionContract session, UUID sessionId, String token, Instant now, String message) {
        SessionGuest guest = Guests.find(session, sessionId, token, now)
                .orElseThrow(() -> new LiveException("token_invalid", message));
        return new Admission(new Viewer(guest.id(), guest.displayName(), guest.site(), guest.profession(), false, true), guest.expiresAt(), true);
    }

    /** A login token that has expired: {@link AuthService#authenticate} deletes it and says so. */
    private Viewer expired(UUID sessionId, String token) {
        Caller caller;
        try {
            caller = auth.authenticate(token);
        } catch (ApiException e) {
            throw new LiveException(e.code(), e.getMessage());
        }
        try {
            return of(sessionId, caller);
        } catch (LiveException e) {
            throw LiveSessions.notFound();
        }
    }

    /** Who a logged-in person is in this session; {@code session_not_found} when it does not exist or is not theirs. */
    Viewer of(UUID sessionId, Caller caller) {
        return sessions.fromTransaction(session -> {
            LearningSession learningSession = session.find(LearningSession.class, sessionId);
            if (learningSession == null) {
                throw LiveSessions.notFound();
            }
            Member member;
            try {
                member = Access.member(session, learningSession.collaborativeId(), caller);
            } catch (ApiException e) {
                // As for a session that does not exist: an outsider cannot tell which session ids are real.
                throw LiveSessions.notFound();
            }
            Site site = member.siteId() == null ? null : session.find(Site.class, member.siteId());
            return viewer(caller.accountId(), member, site == null ? null : site.name());
        });
    }

    private static Viewer viewer(UUID accountId, Member member, String site) {
        return new Viewer(
                accountId,
                member.displayName(),
                site,
                member.profession() == null ? null : member.profession().toString(),
                member.isFacilitator(),
                false);
    }
}
