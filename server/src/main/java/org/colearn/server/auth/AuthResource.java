package org.colearn.server.auth;

import org.colearn.server.system.Public;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;
import org.colearn.server.system.Problem;
import org.colearn.server.system.SingleLine;
import org.colearn.server.system.Validation;
import org.glassfish.grizzly.http.server.Request;

/**
 * Sign up, log in and log out (here or everywhere); prove the address one signed up with; set a new password through
 * a mailed link. Every login is also set as the browser's {@link LoginCookie}; its token is in the answer too, except
 * for the web app ({@code X-Colearn-Request: 1}), whose scripts never see it.
 */
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AuthResource {

    private final AuthService auth;
    private final String publicUrl;

    public AuthResource(AuthService auth, String publicUrl) {
        this.auth = auth;
        this.publicUrl = publicUrl;
    }

    public record SignupRequest(
            @SingleLine @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(min = 10, max = 200, message = "must be between 10 and 200 characters long") String password,
            @SingleLine @NotBlank @Size(max = 120) String displayName) {}

    public record LoginRequest(@SingleLine @NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String password) {}

    public record ResetRequest(@SingleLine @NotBlank @Email @Size(max = 254) String email) {}

    public record NewPasswordRequest(
            @NotBlank @Size(max = 100) String token,
            @NotBlank @Size(min = 10, max = 200, message = "must be between 10 and 200 characters long") String password) {}

    public record ProofRequest(@NotBlank @Size(max = 100) String token) {}

    /**
     * What anyone may know of their own account. {@code addressProof} says how the address can be proven on this
     * server: {@code email} (a link sent to it) or {@code facilitator} (no mail is sent: facilitators confirm people).
     */
    public record Me(
            UUID id, String email, boolean emailProven, String addressProof, String displayName, boolean serverAdmin,
            Instant createdAt) {
        static Me of(Account account, boolean mail) {
            return new Me(
                    account.id(), account.email(), account.emailProven(), mail ? "email" : "facilitator",
                    account.displayName(), account.serverAdmin(), account.createdAt());
        }
    }

    /** {@code token} is null in answers to the web app, which keeps its login in the cookie only. */
    public record LoginResponse(String token, Instant expiresAt, Me account) {}

    /** The answer to a request that logged someone in: the login as JSON and as the browser's cookie. */
    private Response loggedIn(Response.Status status, AuthService.Login login, HttpHeaders headers, UriInfo uri) {
        boolean page = "1".equals(headers.getHeaderString(LoginCookie.PAGE_HEADER));
        LoginResponse body = new LoginResponse(
                page ? null : login.token(), login.expiresAt(), Me.of(login.account(), auth.mailConfigured()));
        return Response.status(status)
                .entity(body)
                .header(HttpHeaders.SET_COOKIE,
                        LoginCookie.issue(login.token(), login.expiresAt(), auth.now(), secure(headers, uri)))
                .build();
    }

    private boolean secure(HttpHeaders headers, UriInfo uri) {
        return LoginCookie.secure("https".equalsIgnoreCase(uri.getRequestUri().getScheme()),
                headers.getHeaderString("X-Forwarded-Proto"), publicUrl);
    }

    /** Answers alike whether or not the address has an account: the mail sent to it tells which. */
    @POST
    @Path("signup")
    @Public
    public Response signup(SignupRequest request, @Context UriInfo uri, @Context HttpHeaders headers) {
        Validation.valid(request);
        AuthService.Login login = auth.signup(request.email(), request.password(), request.displayName(), appUrl(uri));
        return loggedIn(Response.Status.CREATED, login, headers, uri);
    }

    @POST
    @Path("login")
    @Public
    public Response login(LoginRequest request, @Context Request http, @Context UriInfo uri, @Context HttpHeaders headers) {
        Validation.valid(request);
        try {
            return loggedIn(Response.Status.OK, auth.login(request.email(), request.password(), client(http)), headers, uri);
        } catch (LoginThrottle.Throttled throttled) {
            return Response.fromResponse(Problem.of(throttled).toResponse())
                    .header(HttpHeaders.RETRY_AFTER, throttled.retryAfterSeconds())
                    .build();
        }
    }

    /** Opens the link mailed to an address, logged in as the account that signed up with it. */
    @POST
    @Path("verify")
    public Me verify(ProofRequest request, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Validation.valid(request);
        return Me.of(auth.prove(request.token(), caller.accountId()), auth.mailConfigured());
    }

    /** Mails a new link to the caller's address. */
    @POST
    @Path("verify/resend")
    @Consumes(MediaType.WILDCARD)
    public Response resend(@Context SecurityContext security, @Context UriInfo uri) {
        auth.resendProof(Caller.of(security).accountId(), appUrl(uri));
        return Response.accepted().build();
    }

    /** "Forgot password?": answers alike whether or not the address has an account; only its inbox learns. */
    @POST
    @Path("password-reset")
    @Public
    public Response requestPasswordReset(ResetRequest request, @Context UriInfo uri) {
        Validation.valid(request);
        auth.requestPasswordReset(request.email(), appUrl(uri));
        return Response.accepted().build();
    }

    /** Opens the link mailed by "Forgot password?" with a new password: ends every other login, logs in. */
    @POST
    @Path("password-reset/confirm")
    @Public
    public Response resetPassword(NewPasswordRequest request, @Context UriInfo uri, @Context HttpHeaders headers) {
        Validation.valid(request);
        return loggedIn(Response.Status.OK, auth.resetPassword(request.token(), request.password()), headers, uri);
    }

    /** Ends this login (the bearer token or the cookie the request came with) and makes the browser forget it. */
    @POST
    @Path("logout")
    @Consumes(MediaType.WILDCARD)
    public Response logout(@Context ContainerRequestContext request, @Context UriInfo uri, @Context HttpHeaders headers) {
        auth.logout((String) request.getProperty(AuthFilter.TOKEN));
        return Response.noContent().header(HttpHeaders.SET_COOKIE, LoginCookie.clear(secure(headers, uri))).build();
    }

    /**
     * "Sign out everywhere": ends every login of the caller's account, in every browser and API client; their live
     * connections close within a second.
     */
    @POST
    @Path("logout-everywhere")
    @Consumes(MediaType.WILDCARD)
    public Response logoutEverywhere(@Context SecurityContext security, @Context UriInfo uri, @Context HttpHeaders headers) {
        auth.logoutEverywhere(Caller.of(security).accountId());
        return Response.noContent().header(HttpHeaders.SET_COOKIE, LoginCookie.clear(secure(headers, uri))).build();
    }

    /** The web app's address, for links in mails: the configured public address, or the one this request came to. */
    private String appUrl(UriInfo uri) {
        if (!publicUrl.isBlank()) {
            return publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
        }
        return uri.getBaseUri().resolve("/").toString();
    }

    /** The address the request came from; behind a proxy, the proxy's (forwarded headers can be forged). */
    private static String client(Request http) {
        String address = http == null ? null : http.getRemoteAddr();
        return address == null ? "unknown" : address;
    }
}
