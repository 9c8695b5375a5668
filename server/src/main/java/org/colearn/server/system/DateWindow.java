package org.colearn.server.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dates and times the server accepts: written as ISO-8601 text, from 2000-01-01 to 2199-12-31. Anything further
 * is a typing slip, and would break what reads it later (a calendar file, a database column).
 */
public final class DateWindow {

    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2199, 12, 31);

    private DateWindow() {}

    static SimpleModule module() {
        return new SimpleModule("date-window")
                .addDeserializer(LocalDate.class, new Checked<>(LocalDate.class, LocalDateDeserializer.INSTANCE) {
                    @Override
                    boolean inWindow(LocalDate date) {
                        return !date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY);
                    }
                })
                .addDeserializer(Instant.class, new Checked<>(Instant.class, InstantDeserializer.INSTANT) {
                    @Override
                    boolean inWindow(Instant time) {
                        return !time.isBefore(FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant())
                                && time.isBefore(LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
                    }
                });
    }

    /** Reads a value with Jackson's own deserializer, from text only, and refuses it outside the window. */
    private abstract static class Checked<T> extends StdScalarDeserializer<T> {

        private final JsonDeserializer<T> reader;

        Checked(Class<T> type, JsonDeserializer<T> reader) {
            super(type);
            this.reader = reader;
        }

        abstract boolean inWindow(T value);

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            T value;
            try {
                value = reader.deserialize(parser, context);
            } catch (DateTimeException | ArithmeticException e) {
                throw InvalidFormatException.from(parser, "not a date in the window", parser.getText(), handledType());
            }
            if (value != null && !inWindow(value)) {
                throw InvalidFormatException.from(parser, "a date outside the window", parser.getText(), handledType());
            }
            return value;
        }
    }
}
