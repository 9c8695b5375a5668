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
 * Resolves the login of every request, a bearer token or the browser's {@link LoginCookie}, to its {@link Caller};
 * refuses requests without a valid one unless the endpoint is {@link Public}. A state-changing request that carries
 * only the cookie must come from this site's own pages (see {@link #fromOwnPage}): a browser sends the cookie with
 * requests that other sites make it send, never a bearer token.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthFilter implements ContainerRequestFilter {

    /** The request property holding the token the request was authenticated with (for logging out). */
    static final String TOKEN = "colearn.token";
    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS");

    private final AuthService auth;
    private final String publicUrl;

    @Context
    private ResourceInfo resource;

    public AuthFilter(AuthService auth, String publicUrl) {
        this.auth = auth;
        this.publicUrl = publicUrl;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        boolean publicEndpoint = isPublic();
        String token;
        Caller caller;
        try {
            token = bearerToken(request);
            if (token == null) {
                token = LoginCookie.token(request.getHeaderString(HttpHeaders.COOKIE));
                if (token != null && !fromOwnPage(request)) {
                    throw ApiException.forbidden("cross_site_request",
                            "This request came from another site with your login; it was refused. Use Colearn's own pages.");
                }
            }
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
            if (publicEndpoint && !"cross_site_request".equals(e.code())) {
                return;
            }
            throw e;
        }
        request.setProperty(TOKEN, token);
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

    /**
     * Whether a request may act with the login cookie: reading is always allowed (another site cannot read the
     * answer); a change needs this site's {@code Origin}, or, from a browser that sends none, the header only the web
     * app's scripts send.
     */
    private boolean fromOwnPage(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return true;
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null) {
            return LoginCookie.sameSite(origin, request.getHeaderString(HttpHeaders.HOST), publicUrl);
        }
        return "1".equals(request.getHeaderString(LoginCookie.PAGE_HEADER));
    }

    private boolean isPublic() {
        return resource != null
                && resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(Public.class)
                        || resource.getResourceClass().isAnnotationPresent(Public.class));
    }
}
