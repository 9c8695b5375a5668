package org.colearn.server.system;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into a problem response; nothing else ever reaches a client, least of all a stack trace. */
public final class ProblemMappers {

    private static final Logger log = LoggerFactory.getLogger(ProblemMappers.class);

    private ProblemMappers() {}

    public static List<Object> all() {
        return List.of(
                new ApiExceptionMapper(),
                new WebApplicationExceptionMapper(),
                new NoContentMapper(),
                new ControlCharacterMapper(),
                new JsonParseMapper(),
                new UnknownFieldMapper(),
                new InvalidFormatMapper(),
                new MismatchedInputMapper(),
                new JsonMappingMapper(),
                new UnexpectedMapper());
    }

    static final class ApiExceptionMapper implements ExceptionMapper<ApiException> {
        @Override
        public Response toResponse(ApiException e) {
            return Problem.of(e).toResponse();
        }
    }

    static final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            if (e.getCause() instanceof ApiException api) {
                return Problem.of(api).toResponse();
            }
            if (e instanceof ParamException.QueryParamException query) {
                // JAX-RS answers 404 for a query parameter it cannot convert; the address exists, the value is wrong.
                String name = query.getParameterName();
                return Problem.of(new ApiException(
                                400,
                                "invalid_parameter",
                                "The query parameter '" + name + "' has a value that cannot be read.",
                                List.of(new ApiException.FieldError(name, "has a value that cannot be read"))))
                        .toResponse();
            }
            int status = e.getResponse().getStatus();
            ApiException api = switch (status) {
                case 404 -> ApiException.notFound("no_such_endpoint", "There is no such address in the API.");
                case 405 -> new ApiException(405, "method_not_allowed", "This address does not accept that method.", List.of());
                case 406 -> new ApiException(406, "not_acceptable", "This address answers with JSON only.", List.of());
                case 413 -> new ApiException(413, "body_too_large", "The request body is too large.", List.of());
                case 415 -> new ApiException(
                        415, "unsupported_media_type", "Send this request with Content-Type: application/json.", List.of());
                default -> {
                    if (status >= 500) {
                        log.error("request failed with status {}", status, e);
                        yield new ApiException(status, "internal_error", "Something went wrong on the server.", List.of());
                    }
                    yield new ApiException(status, "bad_request", "The request could not be understood.", List.of());
                }
            };
            return Problem.of(api).toResponse();
        }
    }

    static final class NoContentMapper implements ExceptionMapper<NoContentException> {
        @Override
        public Response toResponse(NoContentException e) {
            return Problem.of(ApiException.badRequest("body_required", "This request needs a JSON body.")).toResponse();
        }
    }

    static final class ControlCharacterMapper implements ExceptionMapper<ControlCharacterException> {
        @Override
        public Response toResponse(ControlCharacterException e) {
            String field = e.field().isEmpty() ? "body" : e.field();
            return Problem.of(new ApiException(
                            400,
                            "control_character",
                            "The field '" + field + "' " + e.problem() + ".",
                            List.of(new ApiException.FieldError(field, e.problem()))))
                    .toResponse();
        }
    }

    static final class JsonParseMapper implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return Problem.of(ApiException.badRequest("malformed_json", "The request body is not valid JSON" + where + "."))
                    .toResponse();
        }
    }

    static final class UnknownFieldMapper implements ExceptionMapper<UnrecognizedPropertyException> {
        @Override
        public Response toResponse(UnrecognizedPropertyException e) {
            String field = path(e);
            String known = e.getKnownPropertyIds() == null
                    ? ""
                    : " Known fields: " + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ".";
            return Problem.of(new ApiException(
                            400,
                            "unknown_field",
                            "The field '" + field + "' is not part of this request." + known,
                            List.of(new ApiException.FieldError(field, "is not a known field"))))
                    .toResponse();
        }
    }

    static final class InvalidFormatMapper implements ExceptionMapper<InvalidFormatException> {
        @Override
        public Response toResponse(InvalidFormatException e) {
            return invalidValue(e);
        }
    }

    static final class MismatchedInputMapper implements ExceptionMapper<MismatchedInputException> {
        @Override
        public Response toResponse(MismatchedInputException e) {
            return invalidValue(e);
        }
    }

    static final class JsonMappingMapper implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException e) {
            return invalidValue(e);
        }
    }

    static final class UnexpectedMapper implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            String incident = UUID.randomUUID().toString();
            log.error("unexpected failure, incident {}", incident, e);
            return Problem.of(new ApiException(
                            500,
                            "internal_error",
                            "Something went wrong on the server. Quote incident " + incident + " when reporting it.",
                            List.of()))
                    .toResponse();
        }
    }

    private static Response invalidValue(JsonMappingException e) {
        String field = path(e);
        if (field.isEmpty()) {
            return Problem.of(ApiException.badRequest("invalid_body", "The request body does not have the expected shape."))
                    .toResponse();
        }
        return Problem.of(invalidValue(e, "")).toResponse();
    }

    /**
     * A value that cannot be read into its field, as every request answers it: {@code invalid_value} naming the field by
     * its path under {@code under} (empty for the body itself) and what the field takes.
     */
    public static ApiException invalidValue(JsonMappingException e, String under) {
        String path = path(e);
        String field = under.isEmpty() ? path : path.isEmpty() ? under : under + (path.startsWith("[") ? "" : ".") + path;
        String message;
        if (e instanceof SingleLine.LineBreak) {
            message = SingleLine.PROBLEM;
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null && mismatch.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.stream(mismatch.getTargetType().getEnumConstants())
                    .map(code -> Json.MAPPER.convertValue(code, String.class))
                    .collect(Collectors.joining(", "));
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "must be " + describe(mismatch.getTargetType());
        } else {
            message = "has a value that cannot be read";
        }
        return new ApiException(400, "invalid_value", "The field '" + field + "' " + message + ".",
                List.of(new ApiException.FieldError(field, message)));
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.LocalDate.class) {
            return "a date like 2026-09-01, from " + DateWindow.FIRST_DAY + " to " + DateWindow.LAST_DAY;
        }
        if (type == java.time.Instant.class) {
            return "a time like 2026-09-01T09:30:00Z, from " + DateWindow.FIRST_DAY + " to " + DateWindow.LAST_DAY;
        }
        if (type == UUID.class) {
            return "an id";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
