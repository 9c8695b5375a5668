package org.colearn.server.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.colearn.plugin.api.ActivityType;

/**
 * Builds plugin jars during a test, from Java sources compiled against the plugin API only: plugins that are not part
 * of the server's build, as a third party would ship them.
 */
public final class PluginJars {

    private PluginJars() {}

    /**
     * Compiles {@code sources} (file name to Java source), adds {@code resources} (path in the jar to text) and the
     * manifest entry {@code Colearn-Plugin-Api-Version: apiVersion} (none when null), and writes the jar.
     */
    public static Path build(Path jar, Map<String, String> sources, Map<String, String> resources, String apiVersion) {
        try {
            Path work = Files.createTempDirectory("plugin-src-");
            List<String> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = work.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                files.add(file.toString());
            }
            Path classes = Files.createDirectories(work.resolve("classes"));
            String api = Path.of(ActivityType.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", api, "--release", "17", "-proc:none"));
            args.addAll(files);
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            int status = compiler.run(null, null, null, args.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("the test plugin does not compile");
            }
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            if (apiVersion != null) {
                manifest.getMainAttributes().putValue("Colearn-Plugin-Api-Version", apiVersion);
            }
            Files.createDirectories(jar.getParent());
            try (OutputStream out = Files.newOutputStream(jar);
                    JarOutputStream jarOut = new JarOutputStream(out, manifest);
                    Stream<Path> compiled = Files.walk(classes)) {
                for (Path file : compiled.filter(Files::isRegularFile).toList()) {
                    jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    jarOut.write(Files.readAllBytes(file));
                    jarOut.closeEntry();
                }
                for (Map.Entry<String, String> resource : resources.entrySet()) {
                    jarOut.putNextEntry(new JarEntry(resource.getKey()));
                    jarOut.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
                    jarOut.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A small third-party activity, "echo-board": people post lines, kept as its result; it remembers how many lines
     * the collaborative's earlier boards gathered; "explode" makes it throw.
     */
    public static Path echoBoard(Path jar, String id) {
        String source = """
                package example.echo;

                import java.util.ArrayList;
                import java.util.List;
                import java.util.Map;
                import org.colearn.plugin.api.*;

                public final class EchoBoard implements ActivityType<EchoBoard.Config, EchoBoard.State> {
                    public record Config(String title) {}
                    public record State(String title, List<String> lines, int earlier) {}
                    public record Say(String text) {}
                    public record Explode() {}
                    public record Lines(List<String> lines) {}
                    public record View(String title, List<String> lines, int count, int earlier) {}

                    public String id() { return "%s"; }
                    public String displayName() { return "Echo board"; }
                    public Class<Config> configType() { return Config.class; }
                    public Config defaultConfig() { return new Config("Echo"); }
                    public Class<State> stateType() { return State.class; }
                    public Map<String, Class<? extends Record>> messages() { return Map.of("say", Say.class, "explode", Explode.class); }
                    public String browserModule() { return "colearn-activity-%s.js"; }

                    public Activity<State> start(ActivityContext context, Config config) {
                        int earlier = context.earlierResults(Lines.class).stream().mapToInt(lines -> lines.lines().size()).sum();
                        return new Board(context, new State(config.title(), new ArrayList<>(), earlier));
                    }

                    public Activity<State> resume(ActivityContext context, Config config, State state) {
                        return new Board(context, state);
                    }

                    static final class Board implements Activity<State> {
                        private final ActivityContext context;
                        private State state;
                        Board(ActivityContext context, State state) { this.context = context; this.state = state; }
                        public State state() { return state; }
                        public void receive(Participant from, Record message) throws ActivityException {
                            if (message instanceof Explode) {
                                throw new IllegalStateException("boom");
                            }
                            Say say = (Say) message;
                            if (say.text() == null || say.text().isBlank()) {
                                throw new ActivityException("empty_line", "Say something.");
                            }
                            List<String> lines = new ArrayList<>(state.lines());
                            lines.add(from.name() + ": " + say.text());
                            state = new State(state.title(), lines, state.earlier());
                            context.publish("Echo board", new Lines(lines));
                        }
                        public Record view(Participant viewer) {
                            return new View(state.title(), state.lines(), state.lines().size(), state.earlier());
                        }
                    }
                }
                """.formatted(id, id);
        return build(
                jar,
                Map.of("example/echo/EchoBoard.java", source),
                Map.of("META-INF/services/org.colearn.plugin.api.ActivityType", "example.echo.EchoBoard\n",
                        "colearn-plugin/" + id + "/colearn-activity-" + id + ".js", "customElements.define('colearn-activity-" + id + "', class extends HTMLElement {});\n"),
                "1");
    }
}
