package org.colearn.server.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.colearn.server.plugin.Plugin;
import org.colearn.server.plugin.Plugins;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.Json;

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
                Json.MAPPER.treeToValue(config, plugin.type().configType());
            } catch (MismatchedInputException e) {
                String path = e.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .reduce("", String::concat);
                throw ApiException.invalid(field + path, e instanceof InvalidFormatException ? "has a value of the wrong kind" : "is not part of a " + plugin.type().displayName() + " configuration or has the wrong type");
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
