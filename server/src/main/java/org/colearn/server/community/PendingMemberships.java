package org.colearn.server.community;

import org.colearn.server.auth.Account;
import org.colearn.server.auth.AccountHook;
import org.hibernate.Session;

/** Links members imported by email to the account of that email as soon as the person signs up or logs in. */
public final class PendingMemberships implements AccountHook {

    @Override
    public void accountSignedIn(Session session, Account account) {
        session.createSelectionQuery("from Member where accountId is null and email = :email", Member.class)
                .setParameter("email", account.email())
                .getResultList()
                .forEach(member -> member.linkAccount(account.id(), account.displayName()));
    }
}
