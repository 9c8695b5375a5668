package org.colearn.server.plugin;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The parent of every plugin's class loader: the JDK, plus the plugin API package from the server. A plugin sees
 * nothing else of the server, so it cannot come to depend on its internals or clash with its libraries.
 */
final class ApiOnlyClassLoader extends ClassLoader {

    static final String API_PACKAGE = "org.colearn.plugin.api.";

    private final ClassLoader server;

    ApiOnlyClassLoader(ClassLoader server) {
        super("colearn-plugin-api", ClassLoader.getPlatformClassLoader());
        this.server = server;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(API_PACKAGE)) {
            return server.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return name.startsWith("META-INF/services/") ? Collections.emptyEnumeration() : getParent().getResources(name);
    }
}
