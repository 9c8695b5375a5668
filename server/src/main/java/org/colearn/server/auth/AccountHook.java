package org.colearn.server.auth;

import org.hibernate.Session;

/**
 * Lets other features act when a person signs up or logs in, inside the same transaction (the community feature
 * uses it to link memberships that were imported for that email address before the account existed).
 */
@FunctionalInterface
public interface AccountHook {
    void accountSignedIn(Session session, Account account);
}
