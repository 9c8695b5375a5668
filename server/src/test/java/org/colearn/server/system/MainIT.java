package org.colearn.server.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the packaged jar exactly as a person would, and checks what it says when it cannot start. */
@Timeout(120)
class MainIT {

    static final Path JAR = Path.of("target", "colearn.jar");

    @Test
    void packagedJarRefusesATakenPortWithOneLineAndANonZeroExit() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Result result = run("--port=" + taken.getLocalPort(), "--data-dir=" + Files.createTempDirectory("colearn-main"));
            assertEquals(1, result.exitCode(), result.toString());
            assertEquals(
                    List.of("colearn: port " + taken.getLocalPort()
                            + " is already in use; stop the other program or choose another port with --port or COLEARN_PORT"),
                    result.errorLines());
        }
    }

    @Test
    void packagedJarRefusesAnUnreachableDatabaseWithOneLineAndANonZeroExit() throws Exception {
        Result result = run("--port=0", "--db-url=jdbc:postgresql://127.0.0.1:1/colearn");
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals(1, result.errorLines().size(), result.toString());
        assertTrue(result.errorLines().get(0).startsWith("colearn: cannot open the database at jdbc:postgresql://127.0.0.1:1/colearn"),
                result.toString());
    }

    @Test
    void packagedJarRejectsAnUnknownOptionAndNamesTheKnownOnes() throws Exception {
        Result result = run("--prot=8080");
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.errorLines().get(0).startsWith("colearn: unknown option --prot"), result.toString());
    }

    record Result(int exitCode, List<String> errorLines) {}

    private static Result run(String... args) throws IOException, InterruptedException {
        assertTrue(Files.exists(JAR), "the package phase builds " + JAR.toAbsolutePath());
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
            throw new AssertionError("colearn did not exit within 60 s");
        }
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.exitValue(), stderr.lines().filter(line -> !line.isBlank()).toList());
    }
}
