package org.colearn.server.system;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Refuses control characters in what a request carries outside JSON: query and path parameters, and text bodies
 * (a CSV file). JSON bodies are checked as they are parsed ({@link CheckedTextFactory}).
 */
public final class ControlCharacterFilter implements ContainerRequestFilter, ReaderInterceptor {

    @Override
    public void filter(ContainerRequestContext request) {
        check(request.getUriInfo().getQueryParameters(), "query parameter");
        check(request.getUriInfo().getPathParameters(), "path parameter");
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object entity = context.proceed();
        if (entity instanceof String text) {
            int at = ControlCharacters.find(text);
            if (at >= 0) {
                throw refusal("body", "The request body", text.charAt(at));
            }
        }
        return entity;
    }

    private static void check(MultivaluedMap<String, String> parameters, String kind) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (ControlCharacters.find(parameter.getKey()) >= 0) {
                throw ApiException.badRequest("control_character", "A " + kind + "'s name contains a control character.");
            }
            for (String value : parameter.getValue()) {
                int at = ControlCharacters.find(value);
                if (at >= 0) {
                    String name = parameter.getKey();
                    throw refusal(name, "The " + kind + " '" + name + "'", value.charAt(at));
                }
            }
        }
    }

    private static ApiException refusal(String field, String subject, char character) {
        String problem = ControlCharacters.problem(character);
        return new ApiException(400, "control_character", subject + " " + problem + ".",
                List.of(new ApiException.FieldError(field, problem)));
    }
}
