package org.colearn.server.plugin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Path;
import org.colearn.plugin.api.ActivityType;
import org.colearn.server.system.Json;

/** One loaded activity type, with the jar it came from and that jar's class loader. */
public record Plugin(ActivityType<?, ?> type, Path jar, ClassLoader loader) {

    /** A file of the plugin's browser component, or null if there is no such file. */
    public InputStream browserFile(String file) {
        if (file.contains("..") || file.startsWith("/")) {
            return null;
        }
        return loader.getResourceAsStream("colearn-plugin/" + type.id() + "/" + file);
    }

    /**
     * The configuration an agenda item asks for: the type's defaults, with each field the item gives in their place,
     * so that a configuration may leave out what it does not change. Null gives the defaults.
     *
     * @throws JsonProcessingException naming the field, when the item gives one the type does not have or of the
     *     wrong kind
     */
    public Record config(JsonNode given) throws JsonProcessingException {
        return config(given, Json.MAPPER);
    }

    /**
     * As {@link #config}, for a configuration a facilitator gives now: read by the rules of every request, so that its
     * dates lie within {@link org.colearn.server.system.DateWindow} and its numbers fit their fields.
     */
    public Record givenConfig(JsonNode given) throws JsonProcessingException {
        return config(given, Json.INPUT);
    }

    private Record config(JsonNode given, ObjectMapper reader) throws JsonProcessingException {
        if (given == null || given.isNull()) {
            return type.defaultConfig();
        }
        if (!given.isObject()) {
            throw new IllegalArgumentException("a configuration is a JSON object");
        }
        ObjectNode merged = Json.MAPPER.valueToTree(type.defaultConfig());
        merged.setAll((ObjectNode) given);
        return reader.treeToValue(merged, type.configType());
    }
}
