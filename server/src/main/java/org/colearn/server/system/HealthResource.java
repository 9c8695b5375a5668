package org.colearn.server.system;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * Says whether the server is up and can reach its database, with its version and database kind ({@code /api/health},
 * for liveness), and whether it is ready to take people ({@code /api/health/ready}, for a load balancer).
 */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    private final String databaseKind;
    private final DataSource connections;
    private final BooleanSupplier liveSessionsRestored;

    /** {@code connections} may still be opening: an answer then waits for it, as every request does while it starts. */
    public HealthResource(String databaseKind, DataSource connections, BooleanSupplier liveSessionsRestored) {
        this.databaseKind = databaseKind;
        this.connections = connections;
        this.liveSessionsRestored = liveSessionsRestored;
    }

    /** The health answer: {@code ok} or {@code database_unreachable}. */
    public record Health(String status, String version, String database) {}

    @GET
    @Public
    public Response health() {
        if (!Database.isReachable(connections)) {
            return Problem.of(new ApiException(
                            503, "database_unreachable", "The server is running but cannot reach its database.", List.of()))
                    .toResponse();
        }
        return Response.ok(new Health("ok", Version.current(), databaseKind)).build();
    }

    /**
     * Ready once the database answers and the sessions that were live when the server stopped are running again, so
     * a load balancer sends nobody to a node that would keep them waiting. While the server starts, {@code /api}
     * answers 503 {@code starting} before this resource exists.
     */
    @GET
    @Path("ready")
    @Public
    public Response ready() {
        if (!Database.isReachable(connections)) {
            return Problem.of(new ApiException(
                            503, "database_unreachable", "The server is running but cannot reach its database.", List.of()))
                    .toResponse();
        }
        if (!liveSessionsRestored.getAsBoolean()) {
            return Problem.of(new ApiException(
                            503, "restoring_sessions", "The server is bringing back the sessions that were live; try again in a moment.", List.of()))
                    .toResponse();
        }
        return Response.ok(new Health("ready", Version.current(), databaseKind)).build();
    }
}
