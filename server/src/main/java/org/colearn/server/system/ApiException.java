package org.colearn.server.system;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on: an HTTP status, a stable machine-readable code, a sentence for a person, and
 * per-field messages for validation failures. Rendered as {@code application/problem+json}.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<FieldError> fieldErrors;
    private final Map<String, Object> extensions;

    public ApiException(int status, String code, String detail, List<FieldError> fieldErrors) {
        this(status, code, detail, fieldErrors, Map.of());
    }

    /** A failure that carries more than field errors, such as the per-row report of a rejected import. */
    public ApiException(int status, String code, String detail, List<FieldError> fieldErrors, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.extensions = Map.copyOf(extensions);
    }

    public ApiException(Status status, String code, String detail) {
        this(status.getStatusCode(), code, detail, List.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public static ApiException badRequest(String code, String detail) {
        return new ApiException(Status.BAD_REQUEST, code, detail);
    }

    public static ApiException notFound(String code, String detail) {
        return new ApiException(Status.NOT_FOUND, code, detail);
    }

    public static ApiException forbidden(String code, String detail) {
        return new ApiException(Status.FORBIDDEN, code, detail);
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(Status.CONFLICT, code, detail);
    }

    public static ApiException unauthorized(String code, String detail) {
        return new ApiException(Status.UNAUTHORIZED, code, detail);
    }

    public static ApiException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? "The field '" + errors.get(0).field() + "' " + errors.get(0).message() + "."
                : errors.size() + " fields need attention; see errors.";
        return new ApiException(422, "validation_failed", detail, errors);
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** One field that failed validation, named by its JSON path ({@code sites[2].kind}). */
    public record FieldError(String field, String message) {}
}
