package org.colearn.server.community;

import org.colearn.server.auth.Account;
import org.colearn.server.auth.AccountHook;
import org.hibernate.Session;

/**
 * Hands memberships that were given to an email address (by import) to the account that has proven that address,
 * and to no other: whoever merely signs up with an address gets nothing that was given to it.
 */
public final class PendingMemberships implements AccountHook {

    @Override
    public void addressProven(Session session, Account account) {
        if (!account.emailProven()) {
            return;
        }
        session.createSelectionQuery("from Member where accountId is null and email = :email", Member.class)
                .setParameter("email", account.provenEmail())
                .getResultList()
                .stream()
                // A person who joined by link before proving keeps that membership; the imported one stays open.
                .filter(member -> !Access.isMember(session, member.collaborativeId(), account.id()))
                .forEach(member -> member.linkAccount(account.id(), account.displayName()));
    }
}
