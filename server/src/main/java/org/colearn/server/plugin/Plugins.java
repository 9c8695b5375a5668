package org.colearn.server.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.colearn.plugin.api.ActivityType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The activity types of this server, loaded from the jars of the plugin folders (the built-in ones first, then the
 * configured folder). Start-up stops, with a message naming the jar, when a jar declares no or another API version,
 * when loading it throws, or when two types share an id.
 */
public final class Plugins {

    public static final String API_VERSION_ATTRIBUTE = "Colearn-Plugin-Api-Version";
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final Logger log = LoggerFactory.getLogger(Plugins.class);

    private final Map<String, Plugin> byId;

    private Plugins(Map<String, Plugin> byId) {
        this.byId = byId;
    }

    /** A plugin could not be loaded; the message says which jar and why. */
    public static final class PluginException extends RuntimeException {
        PluginException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Loads every jar of these folders, in order; folders that do not exist are skipped. */
    public static Plugins load(List<Path> folders) {
        Map<String, Plugin> byId = new LinkedHashMap<>();
        ApiOnlyClassLoader parent = new ApiOnlyClassLoader(Plugins.class.getClassLoader());
        for (Path folder : folders) {
            for (Path jar : jars(folder)) {
                for (Plugin plugin : loadJar(jar, parent)) {
                    Plugin earlier = byId.putIfAbsent(plugin.type().id(), plugin);
                    if (earlier != null) {
                        throw new PluginException("two plugins have the activity id '" + plugin.type().id() + "': "
                                + earlier.jar() + " and " + plugin.jar() + "; remove one of them", null);
                    }
                }
            }
        }
        log.info("activity types: {}", byId.keySet());
        return new Plugins(byId);
    }

    public Optional<Plugin> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Plugin> all() {
        return byId.values();
    }

    private static List<Path> jars(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new PluginException("cannot read the plugins folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static List<Plugin> loadJar(Path jar, ClassLoader parent) {
        String declared;
        try (JarFile file = new JarFile(jar.toFile())) {
            declared = file.getManifest() == null ? null : file.getManifest().getMainAttributes().getValue(API_VERSION_ATTRIBUTE);
        } catch (IOException e) {
            throw new PluginException("plugin " + jar + " is not a readable jar: " + e.getMessage(), e);
        }
        if (declared == null) {
            throw new PluginException("plugin " + jar + " does not say which plugin API it was built for (manifest entry "
                    + API_VERSION_ATTRIBUTE + ")", null);
        }
        if (!declared.strip().equals(String.valueOf(ActivityType.API_VERSION))) {
            throw new PluginException("plugin " + jar + " was built for plugin API " + declared.strip()
                    + " but this server provides API " + ActivityType.API_VERSION, null);
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("plugin:" + jar.getFileName(), new URL[] {jar.toUri().toURL()}, parent);
        } catch (IOException e) {
            throw new PluginException("cannot open plugin " + jar + ": " + e.getMessage(), e);
        }
        List<Plugin> plugins = new ArrayList<>();
        try {
            for (ActivityType<?, ?> type : ServiceLoader.load(ActivityType.class, loader)) {
                check(type, jar);
                plugins.add(new Plugin(type, jar, loader));
            }
        } catch (PluginException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new PluginException("plugin " + jar + " failed while loading: " + e, e);
        }
        if (plugins.isEmpty()) {
            throw new PluginException("plugin " + jar + " declares no activity type in META-INF/services/"
                    + ActivityType.class.getName(), null);
        }
        return plugins;
    }

    private static void check(ActivityType<?, ?> type, Path jar) {
        String id = type.id();
        if (id == null || !ID.matcher(id).matches()) {
            throw new PluginException("plugin " + jar + " has an invalid activity id '" + id
                    + "': use 2 to 40 lower-case letters, digits and hyphens", null);
        }
        if (!type.configType().isRecord() || !type.stateType().isRecord()) {
            throw new PluginException("plugin " + jar + ": the config and state of '" + id + "' must be records", null);
        }
        if (type.defaultConfig() == null || type.messages() == null || type.browserModule() == null) {
            throw new PluginException("plugin " + jar + ": '" + id + "' must give a default config, its messages and its browser module", null);
        }
    }
}
