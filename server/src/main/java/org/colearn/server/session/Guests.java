package org.colearn.server.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.colearn.server.system.Public;
import org.colearn.server.auth.Tokens;
import org.colearn.server.community.Profession;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.SingleLine;
import org.colearn.server.system.Validation;
import org.hibernate.SessionFactory;
import org.hibernate.SharedSessionContract;

/**
 * Guests: people who join one session with its code and a name, a site and a profession, without an account (a
 * speaker, a patient representative, a colleague covering a shift). Each gets a token for that session only.
 */
@Path("sessions/join")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class Guests {

    /** Letters and digits that cannot be mistaken for each other when read aloud or typed from a slide. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    static final Duration STAY_AFTER_END = Duration.ofHours(12);

    private final SessionFactory sessions;
    private final Clock clock;

    public Guests(SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    record JoinRequest(
            @SingleLine @NotBlank @Size(max = 16) String code,
            @SingleLine @NotBlank @Size(max = 120) String displayName,
            @SingleLine @Size(max = 200) String site,
            Profession profession) {}

    record GuestPass(UUID sessionId, String sessionTitle, String guestToken, Instant expiresAt) {}

    /** A new join code, such as {@code K7QX-3MPD}. */
    static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    @POST
    @Public
    public Response join(JoinRequest request) {
        Validation.valid(request);
        String code = request.code().strip().toUpperCase(Locale.ROOT).replace(" ", "");
        GuestPass pass = sessions.fromTransaction(session -> {
            LearningSession learningSession = session.createSelectionQuery("from LearningSession where joinCode = :code", LearningSession.class)
                    .setParameter("code", code.contains("-") || code.length() != 8 ? code : code.substring(0, 4) + "-" + code.substring(4))
                    .uniqueResult();
            if (learningSession == null) {
                throw ApiException.notFound("session_code_unknown", "No session has this code. Check it with your facilitator.");
            }
            if (!learningSession.guestsAllowed()) {
                throw ApiException.forbidden("guests_not_allowed", "This session is for members only. Log in to join it.");
            }
            Instant now = clock.instant();
            Instant end = learningSession.startsAt().plusSeconds(learningSession.durationMinutes() * 60L).plus(STAY_AFTER_END);
            Instant expiresAt = end.isAfter(now.plus(Duration.ofDays(1))) ? end : now.plus(Duration.ofDays(1));
            String token = Tokens.random(32);
            session.persist(new SessionGuest(
                    learningSession.id(),
                    request.displayName().strip(),
                    request.site() == null || request.site().isBlank() ? null : request.site().strip(),
                    request.profession() == null ? null : request.profession().toString(),
                    Tokens.hash(token),
                    now,
                    expiresAt));
            return new GuestPass(learningSession.id(), learningSession.title(), token, expiresAt);
        });
        return Response.status(Response.Status.CREATED).entity(pass).build();
    }

    /** The guest a token stands for in this session, if it is one, unexpired, and guests are still allowed. */
    public static Optional<SessionGuest> find(SharedSessionContract session, UUID sessionId, String token, Instant now) {
        return session.createSelectionQuery("""
                        select g from SessionGuest g join LearningSession l on l.id = g.sessionId
                        where g.tokenHash = :hash and g.sessionId = :session and g.expiresAt > :now and l.guestsAllowed""",
                        SessionGuest.class)
                .setParameter("hash", Tokens.hash(token))
                .setParameter("session", sessionId)
                .setParameter("now", now)
                .getResultList()
                .stream()
                .findFirst();
    }
}
