package org.colearn.server.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package {@code system} is the floor every feature stands on: its sources name no feature package, neither in an
 * import nor written out in code or comments. The wiring of features onto it lives above, in {@code ColearnServer}.
 */
class SystemIsTheFloorTest {

    private static final Path SYSTEM = Path.of("src/main/java/org/colearn/server/system");

    /** A package of the server below {@code org.colearn.server} other than {@code system}: a feature. */
    private static final Pattern FEATURE = Pattern.compile("org\\.colearn\\.server\\.(?!system\\b)[a-z]\\w*\\b");

    @Test
    void systemNamesNoFeaturePackage() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SYSTEM)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (FEATURE.matcher(lines.get(i)).find()) {
                        found.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertTrue(Files.exists(SYSTEM.resolve("Database.java")), "the sources of system are where this test looks: " + SYSTEM.toAbsolutePath());
        assertEquals(List.of(), found, "system must not depend on a feature; move the code that needs it to the feature or to ColearnServer");
    }

    @Test
    void aFeatureImportIsSeenAndSystemsOwnAndTheWiringAreNot() {
        assertTrue(FEATURE.matcher("import org.colearn.server.live.LiveSessions;").find());
        assertTrue(FEATURE.matcher("new org.colearn.server.auth.AuthService(sessions)").find());
        assertFalse(FEATURE.matcher("import org.colearn.server.system.Json;").find());
        assertFalse(FEATURE.matcher("{@link org.colearn.server.ColearnServer}").find());
    }
}
