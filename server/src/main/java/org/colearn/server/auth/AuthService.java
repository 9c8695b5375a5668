package org.colearn.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.colearn.server.system.ApiException;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;

/** Signs people up and in, issues and revokes login tokens, and resolves a token to its caller. */
public final class AuthService {

    private final SessionFactory sessions;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final AccountHook hook;
    private final Object firstAccountLock = new Object();
    private final LoginThrottle throttle;

    public AuthService(SessionFactory sessions, Clock clock, Duration tokenLifetime, AccountHook hook) {
        this.sessions = sessions;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        this.hook = hook;
        this.throttle = new LoginThrottle(clock);
    }

    /** A freshly issued token and the account it belongs to. */
    public record Login(String token, Instant expiresAt, Account account) {}

    /** Creates an account and logs it in; the first account on a server becomes its admin. */
    Login signup(String email, String password, String displayName) {
        String normalised = Account.normaliseEmail(email);
        String hash = Passwords.hash(password);
        // One signup at a time, so that two first signups cannot both become admin.
        synchronized (firstAccountLock) {
            try {
                return sessions.fromTransaction(session -> {
                    boolean exists = session.createSelectionQuery("select 1 from Account where email = :email", Integer.class)
                                    .setParameter("email", normalised)
                                    .setMaxResults(1)
                                    .uniqueResult()
                            != null;
                    if (exists) {
                        throw emailTaken();
                    }
                    long accounts = session.createSelectionQuery("select count(*) from Account", Long.class)
                            .getSingleResult();
                    Account account = new Account(normalised, displayName.strip(), hash, accounts == 0, clock.instant());
                    session.persist(account);
                    hook.accountSignedIn(session, account);
                    return issue(session, account);
                });
            } catch (ConstraintViolationException e) {
                throw emailTaken();
            }
        }
    }

    Login login(String email, String password) {
        String normalised = Account.normaliseEmail(email);
        throttle.check(normalised);
        Account account = sessions.fromTransaction(session -> session
                .createSelectionQuery("from Account where email = :email", Account.class)
                .setParameter("email", normalised)
                .uniqueResult());
        if (account == null) {
            Passwords.spendTimeOnUnknownAccount(password);
            throttle.failed(normalised);
            throw wrongCredentials();
        }
        if (!Passwords.matches(password, account.passwordHash())) {
            throttle.failed(normalised);
            throw wrongCredentials();
        }
        throttle.succeeded(normalised);
        return sessions.fromTransaction(session -> {
            Account managed = session.find(Account.class, account.id());
            hook.accountSignedIn(session, managed);
            return issue(session, managed);
        });
    }

    void logout(String token) {
        sessions.inTransaction(session -> session.createMutationQuery("delete from AccessToken where tokenHash = :hash")
                .setParameter("hash", Tokens.hash(token))
                .executeUpdate());
    }

    /** The caller a bearer token stands for. */
    public Caller authenticate(String token) {
        Instant now = clock.instant();
        return sessions.fromTransaction(session -> {
            AccessToken stored = session.find(AccessToken.class, Tokens.hash(token));
            if (stored == null) {
                throw ApiException.unauthorized(
                        "token_invalid", "This login token is not valid (you may have logged out). Log in again.");
            }
            if (!stored.expiresAt().isAfter(now)) {
                session.remove(stored);
                throw ApiException.unauthorized("token_expired", "Your login has expired. Log in again.");
            }
            Account account = session.find(Account.class, stored.accountId());
            if (account == null) {
                throw ApiException.unauthorized("token_invalid", "The account of this token no longer exists.");
            }
            return new Caller(account.id(), account.email(), account.displayName(), account.serverAdmin());
        });
    }

    Account account(java.util.UUID id) {
        return sessions.fromTransaction(session -> session.find(Account.class, id));
    }

    private Login issue(org.hibernate.Session session, Account account) {
        String token = Tokens.random(32);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(tokenLifetime);
        session.persist(new AccessToken(Tokens.hash(token), account.id(), now, expiresAt));
        return new Login(token, expiresAt, account);
    }

    private static ApiException emailTaken() {
        return ApiException.conflict("email_taken", "An account with this email address exists already. Log in instead.");
    }

    private static ApiException wrongCredentials() {
        return ApiException.unauthorized("wrong_credentials", "The email address or password is not right.");
    }
}
