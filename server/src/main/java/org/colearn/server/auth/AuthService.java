package org.colearn.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.colearn.server.system.ApiException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;

/** Signs people up and in, issues and revokes login tokens, and resolves a token to its caller. */
public final class AuthService {

    /** How many accounts claiming one address a login tries the password against (proven first, then newest). */
    private static final int LOGIN_CANDIDATES = 5;

    private final SessionFactory sessions;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final Object firstAccountLock = new Object();
    private final LoginThrottle throttle;
    private final Mailer mailer;
    private final AddressProofs proofs;
    private final PasswordResets resets;

    public AuthService(SessionFactory sessions, Clock clock, Duration tokenLifetime, Mailer mailer, AccountHook hook) {
        this.sessions = sessions;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        this.mailer = mailer;
        this.throttle = new LoginThrottle(clock);
        MailQuota quota = new MailQuota(clock);
        this.resets = new PasswordResets(clock, mailer, quota);
        this.proofs = new AddressProofs(sessions, clock, mailer, hook, quota, resets);
    }

    /** A freshly issued token and the account it belongs to. */
    public record Login(String token, Instant expiresAt, Account account) {}

    /**
     * Creates an account and logs it in; the first account on a server becomes its admin. Answers alike whether or
     * not another account has the address: the mail to the address says which (a link that proves it, or "you
     * already have an account"), so only whoever reads that inbox learns it.
     */
    Login signup(String email, String password, String displayName, String appUrl) {
        String normalised = Account.normaliseEmail(email);
        String hash = Passwords.hash(password);
        record SignedUp(Login login, AddressProofs.Letter letter) {}
        SignedUp signedUp;
        // One signup at a time, so that two first signups cannot both become admin.
        synchronized (firstAccountLock) {
            signedUp = sessions.fromTransaction(session -> {
                long accounts = session.createSelectionQuery("select count(*) from Account", Long.class)
                        .getSingleResult();
                Account account = new Account(normalised, displayName.strip(), hash, accounts == 0, clock.instant());
                session.persist(account);
                AddressProofs.Letter letter = proofs.letterFor(session, account, appUrl);
                return new SignedUp(issue(session, account), letter);
            });
        }
        // Mailed once committed, so that the link never names an account that is not stored.
        if (signedUp.letter() != null) {
            signedUp.letter().send(mailer);
        }
        return signedUp.login();
    }

    /** Mails the caller's address a new link that proves it (or word that another account has proven it). */
    void resendProof(UUID accountId, String appUrl) {
        AddressProofs.Letter letter = sessions.fromTransaction(session -> {
            Account account = session.find(Account.class, accountId);
            if (account.emailProven()) {
                throw ApiException.conflict("address_proven", "Your email address is confirmed already.");
            }
            if (!mailer.configured()) {
                throw new ApiException(
                        503,
                        "mail_not_configured",
                        "This server sends no email. Ask your facilitator to confirm your membership by hand.",
                        List.of());
            }
            return proofs.letterFor(session, account, appUrl);
        });
        // No letter when the address had its share of mail this hour: the answer does not say so.
        if (letter != null) {
            letter.send(mailer);
        }
    }

    /** Opens a link that proves an address, as the account it was made for. */
    Account prove(String token, UUID callerId) {
        return proofs.prove(token, callerId);
    }

    boolean mailConfigured() {
        return mailer.configured();
    }

    /**
     * Logs in with an address and a password. Several accounts may claim one address (signup does not say it is
     * taken): the password is tried against the one that proved it, then the newest others.
     */
    Login login(String email, String password, String client) {
        String normalised = Account.normaliseEmail(email);
        throttle.check(client, normalised);
        List<Account> candidates = sessions.fromTransaction(session -> claimants(session, normalised, LOGIN_CANDIDATES));
        if (candidates.isEmpty()) {
            Passwords.spendTimeOnUnknownAccount(password);
        }
        Account account = candidates.stream()
                .filter(candidate -> Passwords.matches(password, candidate.passwordHash()))
                .findFirst()
                .orElse(null);
        if (account == null) {
            throttle.failed(client, normalised);
            throw wrongCredentials();
        }
        throttle.succeeded(normalised);
        return sessions.fromTransaction(session -> issue(session, session.find(Account.class, account.id())));
    }

    /**
     * The accounts claiming an address, in the order a login tries them: the one that proved it, then the newest
     * others.
     */
    static List<Account> claimants(Session session, String normalisedEmail, int max) {
        return session.createSelectionQuery(
                        "from Account where email = :email order by case when provenEmail is null then 1 else 0 end,"
                                + " createdAt desc",
                        Account.class)
                .setParameter("email", normalisedEmail)
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * "Forgot password?": mails the address a link that sets a new password, if an account claims it. Answers alike
     * either way, and mails no more often than signup does.
     */
    void requestPasswordReset(String email, String appUrl) {
        String normalised = Account.normaliseEmail(email);
        AddressProofs.Letter letter = sessions.fromTransaction(session -> resets.letterFor(session, normalised, appUrl));
        if (letter != null) {
            letter.send(mailer);
        }
    }

    /**
     * Sets the password of the account the link was mailed for and proves its address (only the address's reader
     * got the link). Every other login of the account ends, so that whoever signed up with someone else's address
     * loses the account to its owner; the answer is a new login.
     */
    Login resetPassword(String token, String password) {
        String hash = Passwords.hash(password);
        try {
            return sessions.fromTransaction(session -> {
                Account account = resets.use(session, token);
                account.passwordHash(hash);
                if (!account.emailProven()) {
                    proofs.markProven(session, account, clock.instant());
                }
                session.createMutationQuery("delete from AccessToken where accountId = :id")
                        .setParameter("id", account.id())
                        .executeUpdate();
                throttle.succeeded(account.email());
                return issue(session, account);
            });
        } catch (ConstraintViolationException e) {
            throw AddressProofs.addressTaken();
        }
    }

    void logout(String token) {
        sessions.inTransaction(session -> session.createMutationQuery("delete from AccessToken where tokenHash = :hash")
                .setParameter("hash", Tokens.hash(token))
                .executeUpdate());
    }

    /** Ends every login of an account. */
    void logoutEverywhere(UUID accountId) {
        sessions.inTransaction(session -> session.createMutationQuery("delete from AccessToken where accountId = :id")
                .setParameter("id", accountId)
                .executeUpdate());
    }

    Instant now() {
        return clock.instant();
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

    Account account(UUID id) {
        return sessions.fromTransaction(session -> session.find(Account.class, id));
    }

    private Login issue(Session session, Account account) {
        String token = Tokens.random(32);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(tokenLifetime);
        session.persist(new AccessToken(Tokens.hash(token), account.id(), now, expiresAt));
        return new Login(token, expiresAt, account);
    }

    private static ApiException wrongCredentials() {
        return ApiException.unauthorized("wrong_credentials", "The email address or password is not right.");
    }
}
