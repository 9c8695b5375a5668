package org.colearn.server.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.colearn.server.system.Validation;

/** Sign up, log in and log out. */
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AuthResource {

    private final AuthService auth;

    public AuthResource(AuthService auth) {
        this.auth = auth;
    }

    public record SignupRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(min = 10, max = 200, message = "must be between 10 and 200 characters long") String password,
            @NotBlank @Size(max = 120) String displayName) {}

    public record LoginRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String password) {}

    /** What anyone may know of their own account. */
    public record Me(UUID id, String email, String displayName, boolean serverAdmin, Instant createdAt) {
        static Me of(Account account) {
            return new Me(account.id(), account.email(), account.displayName(), account.serverAdmin(), account.createdAt());
        }
    }

    public record LoginResponse(String token, Instant expiresAt, Me account) {
        static LoginResponse of(AuthService.Login login) {
            return new LoginResponse(login.token(), login.expiresAt(), Me.of(login.account()));
        }
    }

    @POST
    @Path("signup")
    @Public
    public Response signup(SignupRequest request) {
        Validation.valid(request);
        AuthService.Login login = auth.signup(request.email(), request.password(), request.displayName());
        return Response.status(Response.Status.CREATED).entity(LoginResponse.of(login)).build();
    }

    @POST
    @Path("login")
    @Public
    public LoginResponse login(LoginRequest request) {
        Validation.valid(request);
        return LoginResponse.of(auth.login(request.email(), request.password()));
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.WILDCARD)
    public Response logout(@Context ContainerRequestContext request) {
        auth.logout(AuthFilter.bearerToken(request));
        return Response.noContent().build();
    }
}
