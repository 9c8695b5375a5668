package org.colearn.server.system;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.colearn.server.auth.Public;

/** Says whether the server is up and can reach its database, with its version and database kind. */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    private final Database database;

    HealthResource(Database database) {
        this.database = database;
    }

    /** The health answer: {@code ok} or {@code database_unreachable}. */
    public record Health(String status, String version, String database) {}

    @GET
    @Public
    public Response health() {
        if (!database.isReachable()) {
            return Problem.of(new ApiException(
                            503, "database_unreachable", "The server is running but cannot reach its database.", List.of()))
                    .toResponse();
        }
        return Response.ok(new Health("ok", Version.current(), database.kind())).build();
    }
}
