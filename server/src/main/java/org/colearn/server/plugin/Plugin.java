package org.colearn.server.plugin;

import java.io.InputStream;
import java.nio.file.Path;
import org.colearn.plugin.api.ActivityType;

/** One loaded activity type, with the jar it came from and that jar's class loader. */
public record Plugin(ActivityType<?, ?> type, Path jar, ClassLoader loader) {

    /** A file of the plugin's browser component, or null if there is no such file. */
    public InputStream browserFile(String file) {
        if (file.contains("..") || file.startsWith("/")) {
            return null;
        }
        return loader.getResourceAsStream("colearn-plugin/" + type.id() + "/" + file);
    }
}
