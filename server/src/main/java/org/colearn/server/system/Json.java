package org.colearn.server.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.ext.ContextResolver;
import org.colearn.plugin.api.Stories;

/**
 * The JSON configuration of the server: strict on input (unknown fields, nulls for numbers, fractions for whole
 * numbers and trailing tokens are errors), ISO-8601 times, enums written as their lower-case codes. {@link #INPUT}
 * reads what clients send; {@link #MAPPER} reads what the server stored itself and writes everything.
 */
public final class Json implements ContextResolver<ObjectMapper> {

    public static final ObjectMapper MAPPER = configured(new JsonFactory()).build();

    /**
     * For request bodies and WebSocket frames: as {@link #MAPPER}, and text may not hold control characters nor dates
     * lie outside {@link DateWindow} (what the server stored before may, and must still be read).
     */
    public static final ObjectMapper INPUT = configured(new CheckedTextFactory()).addModule(DateWindow.module()).build();

    private static JsonMapper.Builder configured(JsonFactory factory) {
        factory.setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxStringLength(200_000)
                .build());
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
                .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .addMixIn(Stories.Credit.class, CreditCodes.class)
                .serializationInclusion(JsonInclude.Include.ALWAYS);
    }

    /** The codes of the one {@link Stories.Credit} in the catalogue's API: a site's team, nobody for anonymous. */
    private enum CreditCodes {
        @JsonProperty("person") PERSON,
        @JsonProperty("team") SITE,
        @JsonProperty("nobody") ANONYMOUS
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return INPUT;
    }
}
