package org.colearn.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.colearn.server.system.ApiException;
import org.hibernate.Session;

/**
 * "Forgot password?": mails the address a link that sets a new password for the account claiming it (the one that
 * proved it, else the one a login tries first). Opening the link proves the address too, since only its reader gets
 * it: an account that signed up with someone else's address, unproven, goes to that address's owner.
 */
final class PasswordResets {

    static final Duration LINK_LIFETIME = Duration.ofHours(1);

    private final Clock clock;
    private final Mailer mailer;
    private final MailQuota quota;

    PasswordResets(Clock clock, Mailer mailer, MailQuota quota) {
        this.clock = clock;
        this.mailer = mailer;
        this.quota = quota;
    }

    /** The mail for a request to reset the address's password, or null (no account, no mail, or its share spent). */
    AddressProofs.Letter letterFor(Session session, String email, String appUrl) {
        List<Account> claimants = AuthService.claimants(session, email, 1);
        if (claimants.isEmpty() || !mailer.configured() || !quota.mayMail(email)) {
            return null;
        }
        Account account = claimants.get(0);
        return new AddressProofs.Letter(email, "Set a new password for Colearn", """
                Hello %s,

                Someone, perhaps you, asked to set a new password for the Colearn account of this address. \
                To choose one, open this link (it works for %d minutes, once):

                %s

                Setting it logs out every other login of the account. If you did not ask, ignore this email: \
                your password stays as it is.
                """.formatted(account.displayName(), LINK_LIFETIME.toMinutes(), link(session, account, appUrl)));
    }

    /** A fresh link that sets a new password for the account, stored as its hash. */
    String link(Session session, Account account, String appUrl) {
        String token = Tokens.random(32);
        Instant now = clock.instant();
        session.createMutationQuery("delete from PasswordReset where expiresAt <= :now").setParameter("now", now).executeUpdate();
        session.persist(new PasswordReset(Tokens.hash(token), account.id(), account.email(), now, now.plus(LINK_LIFETIME)));
        return appUrl + "#/reset/" + token;
    }

    /** The account whose password the link sets; the link is used up. */
    Account use(Session session, String token) {
        Instant now = clock.instant();
        PasswordReset reset = token == null || token.length() > 100 ? null : session.find(PasswordReset.class, Tokens.hash(token));
        if (reset == null || !reset.expiresAt().isAfter(now)) {
            throw invalid();
        }
        Account account = session.find(Account.class, reset.accountId());
        if (account == null || !account.email().equals(reset.email())) {
            throw invalid();
        }
        session.createMutationQuery("delete from PasswordReset where accountId = :id")
                .setParameter("id", account.id())
                .executeUpdate();
        return account;
    }

    private static ApiException invalid() {
        return ApiException.notFound(
                "reset_link_invalid",
                "This link sets no password (it may have expired or been used already). Ask for a new one with"
                        + " \"Forgot password?\".");
    }
}
