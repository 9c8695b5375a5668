package org.colearn.server.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.ActivityType;
import org.colearn.server.plugin.Plugin;
import org.colearn.server.plugin.Plugins;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.Json;
import org.colearn.server.system.ProblemMappers;

/** Checks and stores the configuration of an agenda item's activity as JSON. */
final class ActivityConfigs {

    private ActivityConfigs() {}

    /** The configuration to store: checked against the activity type when it is installed; null for its defaults. */
    static String check(Plugins plugins, String activityType, JsonNode config, String field) {
        if (config == null || config.isNull()) {
            return null;
        }
        if (!config.isObject()) {
            throw ApiException.invalid(field, "must be an object");
        }
        Plugin plugin = plugins.get(activityType).orElse(null);
        if (plugin != null) {
            try {
                checkedBy(plugin.type(), plugin.givenConfig(config));
            } catch (ActivityException e) {
                String path = e.field() == null ? field : field + "." + e.field();
                throw new ApiException(422, "validation_failed", e.getMessage(), List.of(new ApiException.FieldError(path, e.getMessage())));
            } catch (UnrecognizedPropertyException e) {
                throw ApiException.invalid(field + "." + e.getPropertyName(), "is not a setting of a " + plugin.type().displayName()
                        + "; its settings are " + String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()));
            } catch (JsonMappingException e) {
                throw ProblemMappers.invalidValue(e, field);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw ApiException.invalid(field, "is not a valid " + plugin.type().displayName() + " configuration");
            }
        }
        try {
            return Json.MAPPER.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets the activity type apply its own rules, such as a poll's two to twelve answers. */
    @SuppressWarnings("unchecked")
    private static <C extends Record> void checkedBy(ActivityType<C, ?> type, Record config) throws ActivityException {
        type.check((C) config);
    }

    static JsonNode read(String config) {
        if (config == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored activity configuration is not JSON", e);
        }
    }
}
