package org.colearn.server.live;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.colearn.server.auth.AuthService;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.Access;
import org.colearn.server.community.Member;
import org.colearn.server.community.Site;
import org.colearn.server.session.Guests;
import org.colearn.server.session.LearningSession;
import org.colearn.server.session.SessionGuest;
import org.colearn.server.system.ApiException;
import org.hibernate.SessionFactory;

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

    /** Who the token's owner is in this session, or a {@link LiveException} when they may not join it. */
    Viewer of(UUID sessionId, String token) {
        Caller caller;
        try {
            caller = auth.authenticate(token);
        } catch (ApiException e) {
            Optional<SessionGuest> guest = sessions.fromTransaction(session -> Guests.find(session, sessionId, token, clock.instant()));
            if (guest.isPresent()) {
                SessionGuest g = guest.get();
                return new Viewer(g.id(), g.displayName(), g.site(), g.profession(), false);
            }
            throw new LiveException(e.code(), e.getMessage());
        }
        try {
            return of(sessionId, caller);
        } catch (LiveException e) {
            // A stranger learns nothing, not even that the session exists.
            throw LiveSessions.notFound();
        }
    }

    /** Who a logged-in person is in this session: {@code session_not_found}, or {@code not_a_member} of its collaborative. */
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
                throw new LiveException("not_a_member", "Only members of the session's collaborative can take part in it.");
            }
            Site site = member.siteId() == null ? null : session.find(Site.class, member.siteId());
            return new Viewer(
                    caller.accountId(),
                    member.displayName(),
                    site == null ? null : site.name(),
                    member.profession() == null ? null : member.profession().toString(),
                    member.isFacilitator());
        });
    }
}
