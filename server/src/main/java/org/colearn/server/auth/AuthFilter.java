package org.colearn.server.auth;

import org.colearn.server.system.Public;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.colearn.server.system.ApiException;

/**
 * Resolves the bearer token of every request to its {@link Caller}; refuses requests without a valid token unless
 * the endpoint is {@link Public}.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthFilter implements ContainerRequestFilter {

    private final AuthService auth;

    @Context
    private ResourceInfo resource;

    public AuthFilter(AuthService auth) {
        this.auth = auth;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        boolean publicEndpoint = isPublic();
        String token;
        Caller caller;
        try {
            token = bearerToken(request);
            if (token == null) {
                if (publicEndpoint) {
                    return;
                }
                throw ApiException.unauthorized(
                        "token_missing", "Log in first: this request needs an Authorization: Bearer token.");
            }
            caller = auth.authenticate(token);
        } catch (ApiException e) {
            // A public endpoint answers anyone: a stale or malformed token makes the caller anonymous, not refused.
            if (publicEndpoint) {
                return;
            }
            throw e;
        }
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String role) {
                return "server_admin".equals(role) && caller.serverAdmin();
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        });
    }

    /** The token of an {@code Authorization: Bearer} header, or null when there is none. */
    static String bearerToken(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return null;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw ApiException.unauthorized(
                    "token_malformed", "The Authorization header must look like 'Bearer <token>'.");
        }
        return header.substring(7).strip();
    }

    private boolean isPublic() {
        return resource != null
                && resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(Public.class)
                        || resource.getResourceClass().isAnnotationPresent(Public.class));
    }
}
