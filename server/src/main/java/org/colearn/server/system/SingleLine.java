package org.colearn.server.system;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks text that is one line, such as a name, a title or a tag: a line break in it is refused, while text without the
 * mark (a story's parts, a note, a chat message) keeps its lines. A request body is refused as it is read, a 400
 * {@code invalid_value} naming the field; text that reaches {@link Validation} another way (a story told in a live
 * activity) is refused there, naming the field too.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonDeserialize(using = SingleLine.Reader.class)
@Constraint(validatedBy = SingleLine.Check.class)
public @interface SingleLine {

    String PROBLEM = "must be on one line, without line breaks";

    String message() default PROBLEM;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The refusal of a line break as the text is read, which the API answers as {@code invalid_value}. */
    final class LineBreak extends JsonMappingException {
        LineBreak(JsonParser parser) {
            super(parser, "a line break in one-line text");
        }
    }

    /** Reads the text as any string is read, then refuses a line break. */
    final class Reader extends StdScalarDeserializer<String> {
        public Reader() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && Check.breaks(text)) {
                throw new LineBreak(parser);
            }
            return text;
        }
    }

    /** The same rule for {@link Validation}. */
    final class Check implements ConstraintValidator<SingleLine, String> {
        /** Whether the text holds a line break of any kind: line feed, carriage return, line or paragraph separator. */
        static boolean breaks(CharSequence text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            return text == null || !breaks(text);
        }
    }
}
