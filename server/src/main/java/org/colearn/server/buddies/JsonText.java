package org.colearn.server.buddies;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import org.colearn.server.system.Json;

/** Lists and maps kept in a text column as JSON: they are always read and written whole, never queried. */
final class JsonText {

    private JsonText() {}

    static String write(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> list(String json) {
        return read(json, new TypeReference<List<String>>() {});
    }

    static Map<String, Integer> stages(String json) {
        return read(json, new TypeReference<Map<String, Integer>>() {});
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON column: " + e.getOriginalMessage(), e);
        }
    }
}
