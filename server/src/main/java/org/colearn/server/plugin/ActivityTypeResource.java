package org.colearn.server.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.colearn.server.system.Json;

/** The activity types a facilitator can put on an agenda, with what their configuration form needs. */
@Path("activity-types")
@Produces(MediaType.APPLICATION_JSON)
public final class ActivityTypeResource {

    private final Plugins plugins;

    public ActivityTypeResource(Plugins plugins) {
        this.plugins = plugins;
    }

    /** One configuration field: its name and Java type, from which the facilitator's form is generated. */
    record Field(String name, String type) {}

    record ActivityTypeView(String id, String displayName, String browserModule, JsonNode defaultConfig, List<Field> configFields, List<String> messages) {}

    @GET
    public List<ActivityTypeView> list() {
        return plugins.all().stream()
                .map(plugin -> new ActivityTypeView(
                        plugin.type().id(),
                        plugin.type().displayName(),
                        "/plugins/" + plugin.type().id() + "/" + plugin.type().browserModule(),
                        Json.MAPPER.valueToTree(plugin.type().defaultConfig()),
                        fields(plugin.type().configType()),
                        plugin.type().messages().keySet().stream().sorted().map(name -> plugin.type().id() + "." + name).toList()))
                .toList();
    }

    private static List<Field> fields(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map((RecordComponent component) -> new Field(component.getName(), component.getGenericType().getTypeName()
                        .replace("java.lang.", "").replace("java.util.", "")))
                .toList();
    }
}
