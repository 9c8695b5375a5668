/**
 * Accounts, passwords (Argon2id), login tokens (random, stored hashed, expiring) and the request filter that turns a
 * bearer token into a {@link org.colearn.server.auth.Caller}. Knows nothing of collaboratives; other features hook in
 * through {@link org.colearn.server.auth.AccountHook}.
 */
package org.colearn.server.auth;
