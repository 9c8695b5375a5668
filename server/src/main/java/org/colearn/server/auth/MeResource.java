package org.colearn.server.auth;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** Who am I: the caller's own account. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public final class MeResource {

    private final AuthService auth;

    public MeResource(AuthService auth) {
        this.auth = auth;
    }

    @GET
    public AuthResource.Me me(@Context SecurityContext security) {
        return AuthResource.Me.of(auth.account(Caller.of(security).accountId()), auth.mailConfigured());
    }
}
