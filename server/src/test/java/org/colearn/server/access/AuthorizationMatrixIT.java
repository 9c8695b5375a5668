package org.colearn.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.colearn.plugin.api.ActivityType;
import org.colearn.server.live.CommandTypes;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every endpoint and every live-session command, called as each role, answers as the tables "Who may call what" in
 * {@code docs/api.md} say; and every endpoint the server serves and every command it answers has a row there.
 */
@Timeout(300)
class AuthorizationMatrixIT {

    private static final Set<String> HELD = heldCommands();

    static World world;
    static Matrix matrix;

    @BeforeAll
    static void setUp() {
        matrix = Matrix.fromDocs();
        world = new World();
    }

    @AfterAll
    static void tearDown() {
        world.close();
    }

    @Test
    void everyEndpointTheServerServesHasARowInTheTable() {
        Set<String> served = new TreeSet<>();
        for (Class<?> type : world.server.resourceClasses()) {
            collect(Resource.from(type), "/api", served);
        }
        Set<String> inTable = new TreeSet<>();
        matrix.endpoints().keySet().forEach(row -> inTable.add(Matrix.shape(row)));
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(inTable);
        Set<String> gone = new TreeSet<>(inTable);
        gone.removeAll(served);
        assertEquals("", String.join("\n", missing), "endpoints the server serves that have no row in docs/api.md");
        assertEquals("", String.join("\n", gone), "rows in docs/api.md for endpoints the server does not serve");
    }

    private static void collect(Resource resource, String parent, Set<String> served) {
        String path = join(parent, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            served.add(Matrix.shape(method.getHttpMethod() + " " + path));
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, served);
        }
    }

    private static String join(String parent, String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return parent;
        }
        return parent + "/" + path.replaceAll("^/+|/+$", "");
    }

    @Test
    void everyCommandTheServerAnswersHasARowInTheTable() {
        Set<String> answered = new TreeSet<>(CommandTypes.all());
        for (JsonNode type : world.as(Role.PARTICIPANT).get("activity-types").json()) {
            type.path("messages").forEach(message -> answered.add(message.asText()));
        }
        Set<String> missing = new TreeSet<>(answered);
        missing.removeAll(matrix.commands().keySet());
        Set<String> gone = new TreeSet<>(matrix.commands().keySet());
        gone.removeAll(answered);
        assertEquals("", String.join("\n", missing), "commands the server answers that have no row in docs/api.md");
        assertEquals("", String.join("\n", gone), "rows in docs/api.md for commands the server does not answer");
    }

    @Test
    void everyEndpointAnswersEachRoleAsTheTableSays() {
        Map<String, Endpoints.Call> calls = new LinkedHashMap<>();
        Endpoints.of(world).forEach((row, call) -> calls.put(Matrix.shape(row), call));
        Map<String, Map<Role, String>> actual = new LinkedHashMap<>();
        for (String row : matrix.endpoints().keySet()) {
            Endpoints.Call call = calls.get(Matrix.shape(row));
            if (call == null) {
                throw new AssertionError("the test does not know how to call " + row + ": add it to Endpoints");
            }
            Map<Role, String> answers = new EnumMap<>(Role.class);
            for (Role role : Role.values()) {
                Api.Reply reply = call.call(role, world.as(role));
                answers.put(role, reply.status() / 100 == 2 ? "2xx" : String.valueOf(reply.status()));
            }
            actual.put(row, answers);
        }
        assertMatches(matrix.endpoints(), actual);
    }

    @Test
    void everyCommandAnswersEachRoleAsTheTableSays() {
        Map<Role, LiveClient> clients = new EnumMap<>(Role.class);
        Map<Role, String> hello = new EnumMap<>(Role.class);
        Map<Role, String> personIds = new EnumMap<>(Role.class);
        Map<String, Map<Role, String>> actual = new LinkedHashMap<>();
        try {
            for (Role role : Role.values()) {
                LiveClient client = LiveClient.connect(world.server, world.liveSession);
                clients.put(role, client);
                String token = switch (role) {
                    case NO_TOKEN -> null;
                    case GUEST -> world.guest(world.liveSessionCode);
                    default -> world.tokens.get(role);
                };
                JsonNode reply = client.request("hello", LiveClient.bodyOf("token", token, "clientId", "matrix-" + role.ordinal() + "-tab"));
                hello.put(role, outcome(reply));
                personIds.put(role, reply.path("body").path("view").path("you").path("personId").asText());
            }
            CommandBodies bodies = new CommandBodies(clients.get(Role.FACILITATOR), clients.get(Role.PARTICIPANT), personIds);
            String running = "poll";
            for (String command : matrix.commands().keySet()) {
                String activity = command.substring(0, command.indexOf('.') < 0 ? 0 : command.indexOf('.'));
                if (World.ACTIVITIES.contains(activity) && !activity.equals(running)) {
                    World.command(clients.get(Role.FACILITATOR), "agenda.goto", LiveClient.bodyOf("index", World.ACTIVITIES.indexOf(activity) + 1, "again", true));
                    running = activity;
                }
                Map<Role, String> answers = new EnumMap<>(Role.class);
                ObjectNode body = command.equals("hello") ? null : bodies.of(command);
                for (Role role : Role.values()) {
                    answers.put(role, body == null ? hello.get(role) : send(clients.get(role), command, CommandBodies.fromSender(body, role)));
                }
                actual.put(command, answers);
            }
        } finally {
            clients.values().forEach(LiveClient::close);
        }
        assertMatches(matrix.commands(), actual);
    }

    private static String send(LiveClient client, String command, ObjectNode body) {
        if (client.closeReason() != null) {
            return "closed " + client.closeReason().getCloseCode().getCode();
        }
        if (command.equals("ping")) {
            long before = client.count(frame -> "pong".equals(frame.path("type").asText()));
            client.sendWithRef("ping", null, body);
            return client.awaitCount(frame -> "pong".equals(frame.path("type").asText()), before + 1) ? "ok" : "closed";
        }
        if (HELD.contains(command)) {
            return outcome(client.requestHeld(world.server.clock(), command, body));
        }
        return outcome(client.request(command, body));
    }

    /** The messages the installed activities mark unattributed, which the server holds a random while before they take effect. */
    private static Set<String> heldCommands() {
        Set<String> held = new TreeSet<>();
        for (ActivityType<?, ?> type : ServiceLoader.load(ActivityType.class)) {
            type.unattributedMessages().forEach(message -> held.add(type.id() + "." + message));
        }
        return held;
    }

    private static String outcome(JsonNode reply) {
        return reply.path("ok").asBoolean() ? "ok" : reply.path("error").path("code").asText();
    }

    /** Fails listing every cell that differs, and the rows as they are now, ready to compare with the table. */
    private static void assertMatches(Map<String, Map<Role, String>> expected, Map<String, Map<Role, String>> actual) {
        List<String> differences = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        actual.forEach((row, answers) -> {
            rows.add(Matrix.row(row, answers));
            for (Role role : Role.values()) {
                if (!expected.get(row).get(role).equals(answers.get(role))) {
                    differences.add(row + " as " + role.column + ": the table says " + expected.get(row).get(role) + ", the server answered " + answers.get(role));
                }
            }
        });
        assertEquals("", String.join("\n", differences), () -> "answers that differ from docs/api.md; the rows as answered:\n" + String.join("\n", rows));
    }
}
