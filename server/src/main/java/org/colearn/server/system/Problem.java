package org.colearn.server.system;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** The body of every error response: RFC 9457 problem details plus a stable {@code code} and field errors. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String code,
        String detail,
        List<ApiException.FieldError> errors,
        @JsonIgnore Map<String, Object> extensions) {

    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return extensions;
    }

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public static Problem of(ApiException e) {
        return new Problem(
                "urn:colearn:problem:" + e.code(),
                titleOf(e.status()),
                e.status(),
                e.code(),
                e.getMessage(),
                e.fieldErrors(),
                e.extensions());
    }

    public Response toResponse() {
        Response.ResponseBuilder builder = Response.status(status).type(MEDIA_TYPE).entity(this);
        if (status == 401) {
            builder.header("WWW-Authenticate", "Bearer realm=\"colearn\"");
        }
        return builder.build();
    }

    private static String titleOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return status == 422 ? "Unprocessable Content" : "Error";
    }
}
