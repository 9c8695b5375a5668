/**
 * Accounts, passwords (Argon2id), login tokens (random, stored hashed, expiring), the browser's login cookie and the
 * rule that tells Colearn's own pages from other sites ({@link org.colearn.server.auth.LoginCookie}), the request
 * filter that turns a bearer token or that cookie into a {@link org.colearn.server.auth.Caller}, proof of an account's email address (a link mailed over
 * SMTP) and the throttling of failed logins. Knows nothing of collaboratives; other features hook in through
 * {@link org.colearn.server.auth.AccountHook}, which hears when an address is proven.
 */
package org.colearn.server.auth;
