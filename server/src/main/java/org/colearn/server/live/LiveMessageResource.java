package org.colearn.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.colearn.server.auth.Caller;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.Json;
import org.colearn.server.system.Problem;

/**
 * {@code POST /api/sessions/{id}/live/messages}: an activity message sent over REST to a running session (a facilitator
 * approving a story into a running failure circle, say), applied as if the caller had sent it over their WebSocket,
 * with the same role checks and the same error codes. On a node that does not own the session, the request goes on to
 * the owner with the caller's own token, and the owner's answer comes back.
 */
@Path("sessions/{sessionId}/live/messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class LiveMessageResource {

    /** An activity's message type, {@code <activity>.<name>}, named as in a WebSocket frame. */
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,39}(\\.[a-z][a-zA-Z0-9-]{0,39}){1,3}");
    /**
     * How long a request waits for the session to apply and commit its message: an unattributed one (an anonymous
     * story told in a circle) is held a random while first, as over the WebSocket.
     */
    private static final long ANSWER_SECONDS = 10 + HeldCommands.LATEST.toSeconds();
    static final String RETRY_AFTER_SECONDS = "2";

    private final LiveSessions live;
    private final OwnerForwarding forwarding = new OwnerForwarding();

    public LiveMessageResource(LiveSessions live) {
        this.live = live;
    }

    /** The request body: {@code {"type":"poll.vote","body":{"choices":[1]}}}. */
    record Message(String type, JsonNode body) {}

    @POST
    public Response deliver(@PathParam("sessionId") UUID sessionId, Message message, @Context SecurityContext security,
            @Context HttpHeaders headers) {
        Caller caller = Caller.of(security);
        Inbound inbound = inbound(message);
        try {
            long seq = await(live.deliver(sessionId, caller, inbound));
            return Response.accepted(Map.of("seq", seq)).build();
        } catch (LiveSessions.Elsewhere elsewhere) {
            if (elsewhere.ownerUrl == null || headers.getHeaderString(OwnerForwarding.FORWARDED) != null) {
                // Changing hands (or the owner forwarded it back): the client asks again in a moment.
                return refusal(new LiveException("owner_unavailable", "The session is moving to another server; try again in a moment."));
            }
            return forwarding.post(elsewhere.ownerUrl, sessionId, write(message), headers.getHeaderString(HttpHeaders.AUTHORIZATION))
                    .orElseGet(() -> refusal(new LiveException(
                            "owner_unavailable", "The server running this session cannot be reached; try again in a moment.")));
        } catch (LiveException e) {
            return refusal(e);
        }
    }

    private static Inbound inbound(Message message) {
        if (message == null) {
            throw ApiException.badRequest("body_required", "This request needs a JSON body with type and body.");
        }
        if (message.type() == null || !TYPE.matcher(message.type()).matches()) {
            throw ApiException.invalid("type", "must name an activity's message, such as poll.vote");
        }
        if (message.body() != null && !message.body().isNull() && !message.body().isObject()) {
            throw ApiException.invalid("body", "must be a JSON object");
        }
        ObjectNode body = message.body() instanceof ObjectNode object ? object : Json.MAPPER.createObjectNode();
        return new Inbound(message.type(), null, body);
    }

    private static long await(CompletableFuture<Long> applied) {
        try {
            return applied.get(ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LiveException refused) {
                throw refused;
            }
            throw new LiveException("internal_error", "Something went wrong on the server; the session goes on.");
        } catch (TimeoutException e) {
            throw new LiveException("owner_unavailable", "The session did not answer in time; try again in a moment.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiveException("owner_unavailable", "The server is stopping; try again in a moment.");
        }
    }

    /**
     * The error a WebSocket client would get, {@code {"error":{"code","message"}}}, inside the problem details every
     * REST error has, with the HTTP status its code calls for.
     */
    private static Response refusal(LiveException e) {
        int status = status(e.code());
        Map<String, Object> error = new LinkedHashMap<>(Map.of("code", e.code(), "message", e.getMessage()));
        if (e.field() != null) {
            error.put("field", e.field());
        }
        if (e.fields().size() > 1) {
            error.put("fields", e.fields());
        }
        Response response = Problem.of(new ApiException(status, e.code(), e.getMessage(), List.of(), Map.of("error", error)))
                .toResponse();
        return status == 503 ? Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build() : response;
    }

    /** The HTTP status of a live error code; an activity's own refusals ({@code poll_closed}) are conflicts. */
    static int status(String code) {
        return switch (code) {
            case "session_not_found", "session_not_live" -> 404;
            case "not_your_room" -> 403;
            case "owner_unavailable", "storage_failed" -> 503;
            case "internal_error", "activity_failed" -> 500;
            default -> {
                if (code.endsWith("_only")) {
                    yield 403;
                }
                yield code.startsWith("invalid_") || code.startsWith("unknown_") ? 400 : 409;
            }
        };
    }

    private static String write(Message message) {
        try {
            return Json.MAPPER.writeValueAsString(message);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a message could not be written as JSON", e);
        }
    }
}
