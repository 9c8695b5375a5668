package org.colearn.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.colearn.server.system.ApiException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Proves that an account's owner reads mail at its address: mails a link to the address when someone signs up with
 * it (or asks again), and marks the address proven when the link is opened. When another account has proven the
 * address already, the mail says so instead of carrying a link, so that only the inbox learns the address is taken.
 */
final class AddressProofs {

    static final Duration LINK_LIFETIME = Duration.ofDays(2);

    private final SessionFactory sessions;
    private final Clock clock;
    private final Mailer mailer;
    private final AccountHook hook;
    private final MailQuota quota;
    private final PasswordResets resets;

    AddressProofs(SessionFactory sessions, Clock clock, Mailer mailer, AccountHook hook, MailQuota quota, PasswordResets resets) {
        this.sessions = sessions;
        this.clock = clock;
        this.mailer = mailer;
        this.hook = hook;
        this.quota = quota;
        this.resets = resets;
    }

    /** A mail to send once the transaction that decided on it has committed. */
    record Letter(String to, String subject, String text) {
        void send(Mailer mailer) {
            mailer.send(to, subject, text);
        }
    }

    /**
     * Decides, inside the signup's (or a resend's) transaction, what to mail to the account's address: a link that
     * proves it, or word that the address belongs to an account already.
     */
    Letter letterFor(Session session, Account account, String appUrl) {
        if (!mailer.configured() || !quota.mayMail(account.email())) {
            return null;
        }
        Account holder = session.createSelectionQuery("from Account where provenEmail = :email", Account.class)
                .setParameter("email", account.email())
                .uniqueResult();
        if (holder != null) {
            return new Letter(account.email(), "You already have a Colearn account", """
                    Someone, perhaps you, signed up to Colearn with this address, but you already have an account \
                    with it.

                    Log in with that account at %s
                    If this was you and you forgot your password, set a new one with this link (it works for %d \
                    minutes, once):

                    %s

                    If it was not you, there is nothing to do: nothing was given to that new sign-up.
                    """.formatted(appUrl, PasswordResets.LINK_LIFETIME.toMinutes(), resets.link(session, holder, appUrl)));
        }
        String token = Tokens.random(32);
        Instant now = clock.instant();
        session.createMutationQuery("delete from AddressProof where expiresAt <= :now").setParameter("now", now).executeUpdate();
        session.persist(new AddressProof(Tokens.hash(token), account.id(), account.email(), now, now.plus(LINK_LIFETIME)));
        return new Letter(account.email(), "Confirm your email address for Colearn", """
                Hello %s,

                Please confirm that this is your email address by opening this link, logged in with the account you                 signed up with (it works for %d days):

                %s#/verify/%s

                Until you do, memberships that a facilitator gave to this address wait for you. If you did not \
                sign up to Colearn, ignore this email.
                """.formatted(account.displayName(), LINK_LIFETIME.toDays(), appUrl, token));
    }

    /**
     * Marks the address proven and hands the account what was given to the address. The link works only for the
     * account it was made for, logged in: someone who signs up with another's address gets a link mailed to that
     * person, who must not prove the stranger's account by opening it.
     */
    Account prove(String token, UUID callerId) {
        Instant now = clock.instant();
        try {
            return provenAt(token, callerId, now);
        } catch (ConstraintViolationException e) {
            // Two accounts proved the address at the same moment: only one may hold it.
            throw addressTaken();
        }
    }

    private Account provenAt(String token, UUID callerId, Instant now) {
        return sessions.fromTransaction(session -> {
            AddressProof proof = token == null || token.length() > 100 ? null : session.find(AddressProof.class, Tokens.hash(token));
            if (proof == null || !proof.expiresAt().isAfter(now)) {
                throw ApiException.notFound(
                        "proof_link_invalid",
                        "This link confirms no address (it may have expired or been used already). Ask for a new one.");
            }
            if (!proof.accountId().equals(callerId)) {
                throw ApiException.forbidden(
                        "proof_for_another_account",
                        "This link confirms the address for another account that signed up with it, not the one you are"
                                + " logged in with. If you did not sign up twice, someone else used your address: ignore"
                                + " that email.");
            }
            Account account = session.find(Account.class, proof.accountId());
            if (!account.email().equals(proof.email())) {
                throw ApiException.notFound("proof_link_invalid", "This link was for another address of your account.");
            }
            markProven(session, account, now);
            return account;
        });
    }

    /**
     * Marks the account's address proven, unless another account holds it proven, and hands the account what was
     * given to the address; the account's pending links that prove it are dropped.
     */
    void markProven(Session session, Account account, Instant now) {
        boolean takenByAnother = !session.createSelectionQuery(
                        "select id from Account where provenEmail = :email and id <> :id", UUID.class)
                .setParameter("email", account.email())
                .setParameter("id", account.id())
                .getResultList()
                .isEmpty();
        if (takenByAnother) {
            throw addressTaken();
        }
        if (!account.emailProven()) {
            account.proveEmail(now);
        }
        session.createMutationQuery("delete from AddressProof where accountId = :id")
                .setParameter("id", account.id())
                .executeUpdate();
        session.flush();
        hook.addressProven(session, account);
    }

    static ApiException addressTaken() {
        return ApiException.conflict(
                "address_taken", "Another account has confirmed this address already. Log in with that account.");
    }
}
