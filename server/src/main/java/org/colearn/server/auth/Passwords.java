package org.colearn.server.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/** Hashes and checks passwords with Argon2id at the OWASP-recommended cost (19 MiB, 2 passes, 1 lane). */
final class Passwords {

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);

    /** Checked against when the email is unknown, so that a login takes as long whether or not the account exists. */
    private static final String DECOY = hash("a decoy password nobody has");

    private Passwords() {}

    static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    static boolean matches(String password, String storedHash) {
        return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
    }

    static void spendTimeOnUnknownAccount(String password) {
        matches(password, DECOY);
    }
}
