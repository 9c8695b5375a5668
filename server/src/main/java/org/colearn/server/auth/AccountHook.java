package org.colearn.server.auth;

import org.hibernate.Session;

/**
 * Lets other features act when an account has proven its email address, inside the same transaction (the community
 * feature uses it to hand over memberships that were given to that address, by import, before it was proven).
 */
@FunctionalInterface
public interface AccountHook {
    void addressProven(Session session, Account account);
}
