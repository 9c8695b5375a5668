package org.colearn.server.plugin;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.PluginJars;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Plugins built outside the server, dropped into its plugins folder, loaded and run; broken ones reported clearly. */
@Timeout(90)
class PluginLoadingIT {

    @Test
    void thirdPartyPluginJarDroppedIntoThePluginsFolderRunsInALiveSessionAndItsFailureIsContained() {
        try (TestServer server = TestServer.startWithPlugins(folder -> PluginJars.echoBoard(folder.resolve("echo-board.jar"), "echo-board"))) {
            Api api = server.api();
            String token = People.signUp(api, "Fiona Facilitator");
            Api facilitator = api.as(token);
            List<String> ids = facilitator.get("activity-types").json().findValuesAsText("id");
            assertEquals(List.of("buddy-meet", "data-review", "failure-circle", "poll", "world-cafe", "echo-board"), ids, "the built-in jars by file name, then the folder's");
            String collaborative = People.collaborative(facilitator, "Sepsis");
            String sessionId = People.session(facilitator, collaborative, "Session", 60, List.of(Map.of(
                    "title", "Echo", "activityType", "echo-board", "plannedMinutes", 5, "config", Map.of("title", "What did you try?"))));
            try (LiveClient fiona = LiveClient.join(server, sessionId, token, "fiona-laptop", null)) {
                fiona.request("session.start", bodyOf());
                fiona.request("agenda.goto", bodyOf("index", 0));
                JsonNode said = fiona.request("echo-board.say", bodyOf("text", "We moved the sepsis trolley"));
                assertTrue(said.path("ok").asBoolean(), said::toString);
                JsonNode view = fiona.await(frame -> "activity.view".equals(frame.path("type").asText())
                        && frame.path("body").path("view").path("count").asInt() == 1, "the board's view").path("body");
                assertEquals("Fiona Facilitator: We moved the sepsis trolley", view.path("view").path("lines").get(0).asText());
                assertEquals("What did you try?", view.path("view").path("title").asText());
                assertEquals("empty_line", fiona.request("echo-board.say", bodyOf("text", " ")).path("error").path("code").asText());

                JsonNode exploded = fiona.request("echo-board.explode", bodyOf());
                assertEquals("activity_failed", exploded.path("error").path("code").asText(), exploded::toString);
                JsonNode failed = fiona.awaitEvent("activity.failed").path("body");
                assertTrue(failed.path("message").asText().contains("echo-board"), failed::toString);
                fiona.await(frame -> "activity.view".equals(frame.path("type").asText()) && frame.path("body").isNull(), "the activity gone");
                assertTrue(fiona.request("chat.send", bodyOf("text", "the session goes on")).path("ok").asBoolean());
            }

            // The next session's board knows what the collaborative's earlier boards gathered.
            String next = People.session(facilitator, collaborative, "Next session", 60, List.of(Map.of(
                    "title", "Echo", "activityType", "echo-board", "plannedMinutes", 5)));
            try (LiveClient fiona = LiveClient.join(server, next, token, "fiona-laptop", null)) {
                fiona.request("session.start", bodyOf());
                fiona.request("agenda.goto", bodyOf("index", 0));
                JsonNode view = fiona.await(frame -> "activity.view".equals(frame.path("type").asText())
                        && frame.path("body").has("view"), "the next board").path("body").path("view");
                assertEquals(1, view.path("earlier").asInt(), view::toString);
            }
            Api.Reply results = facilitator.get("sessions/" + sessionId + "/results");
            assertEquals(200, results.status(), results::toString);
            assertEquals("Echo board", results.json().get(0).path("title").asText(), results::toString);
            assertEquals("[\"json\"]", results.json().get(0).path("formats").toString(), "a result that is not exportable is JSON only");
        }
    }

    @Test
    void twoPluginsWithOneIdStopStartUpNamingBothJars() throws Exception {
        Path folder = Files.createTempDirectory("plugins-");
        PluginJars.echoBoard(folder.resolve("a.jar"), "twin");
        PluginJars.echoBoard(folder.resolve("b.jar"), "twin");
        Plugins.PluginException failure = assertThrows(Plugins.PluginException.class, () -> Plugins.load(List.of(folder)));
        assertTrue(failure.getMessage().contains("two plugins have the activity id 'twin'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("a.jar") && failure.getMessage().contains("b.jar"), failure.getMessage());
    }

    @Test
    void jarWithoutAnApiVersionOrForAnotherVersionIsRefusedWithAReason() throws Exception {
        Path folder = Files.createTempDirectory("plugins-");
        Path jar = PluginJars.echoBoard(folder.resolve("old.jar"), "old-board");
        PluginJars.build(jar, Map.of("x/X.java", "package x; public class X {}"), Map.of(), "2");
        assertTrue(assertThrows(Plugins.PluginException.class, () -> Plugins.load(List.of(folder)))
                .getMessage().contains("built for plugin API 2 but this server provides API 1"));
        PluginJars.build(jar, Map.of("x/X.java", "package x; public class X {}"), Map.of(), null);
        assertTrue(assertThrows(Plugins.PluginException.class, () -> Plugins.load(List.of(folder)))
                .getMessage().contains("does not say which plugin API it was built for"));
    }

    @Test
    void pluginSeesTheApiButNotTheServersInternals() throws Exception {
        Path folder = Files.createTempDirectory("plugins-");
        PluginJars.echoBoard(folder.resolve("echo.jar"), "echo-board");
        Plugin plugin = Plugins.load(List.of(folder)).get("echo-board").orElseThrow();
        assertEquals(org.colearn.plugin.api.ActivityType.class, plugin.loader().loadClass("org.colearn.plugin.api.ActivityType"));
        assertThrows(ClassNotFoundException.class, () -> plugin.loader().loadClass("org.colearn.server.ColearnServer"));
        assertThrows(ClassNotFoundException.class, () -> plugin.loader().loadClass("com.fasterxml.jackson.databind.ObjectMapper"));
    }
}
