package org.colearn.server.auth;

import org.colearn.server.system.Public;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.UUID;
import org.colearn.server.system.ApiException;

/** The logged-in person making a request. */
public record Caller(UUID accountId, String email, String displayName, boolean serverAdmin) implements Principal {

    @Override
    public String getName() {
        return accountId.toString();
    }

    /** The caller of a request that passed the token check; endpoints marked {@link Public} may have none. */
    public static Caller of(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw ApiException.unauthorized("token_missing", "Log in first: this request needs an Authorization: Bearer token.");
    }
}
