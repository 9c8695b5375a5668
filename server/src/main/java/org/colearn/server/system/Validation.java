package org.colearn.server.system;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.hibernate.validator.HibernateValidator;

/** Checks request bodies against their Bean Validation constraints and reports every failing field at once. */
public final class Validation {

    /** Messages in English whatever the machine's locale, as every other message of the API is. */
    private static final Validator VALIDATOR = jakarta.validation.Validation.byProvider(HibernateValidator.class)
            .configure()
            .defaultLocale(Locale.ENGLISH)
            .buildValidatorFactory()
            .getValidator();

    private Validation() {}

    /**
     * Returns the body when it is present and valid.
     *
     * @throws ApiException {@code body_required} (400) when there is no body, {@code validation_failed} (422) with one
     *     entry per failing field otherwise
     */
    public static <T> T valid(T body) {
        if (body == null) {
            throw ApiException.badRequest("body_required", "This request needs a JSON body.");
        }
        List<ApiException.FieldError> errors = problems(body);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return body;
    }

    /** Every constraint the value breaks, by field, without throwing. */
    public static List<ApiException.FieldError> problems(Object value) {
        return VALIDATOR.validate(value).stream()
                .map(Validation::toFieldError)
                .sorted(Comparator.comparing(ApiException.FieldError::field))
                .toList();
    }

    private static ApiException.FieldError toFieldError(ConstraintViolation<?> violation) {
        return new ApiException.FieldError(violation.getPropertyPath().toString(), violation.getMessage());
    }
}
