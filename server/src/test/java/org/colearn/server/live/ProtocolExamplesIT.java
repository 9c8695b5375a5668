package org.colearn.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The JSON examples of {@code docs/protocol.md} are fixtures: every one parses, and the frame-by-frame walkthrough is
 * played against a real server, each frame a person sends sent as written and each frame they receive checked field
 * for field. When the server and its specification drift apart, this test says where.
 */
@Timeout(60)
class ProtocolExamplesIT {

    static final Path SPEC = Path.of("..", "docs", "protocol.md");
    static final Pattern BLOCK = Pattern.compile("```json([^\\n]*)\\n(.*?)```", Pattern.DOTALL);
    static final Pattern PLACEHOLDER = Pattern.compile("<(token|person):(\\w+)>");
    static final ObjectMapper JSON = new ObjectMapper();

    record Example(String person, boolean sends, String text, int line) {}

    TestServer server;
    String sessionId;
    final Map<String, String> tokens = new HashMap<>();
    final Map<String, String> personIds = new HashMap<>();
    final Map<String, LiveClient> clients = new LinkedHashMap<>();
    /** For each person, the frames already matched by an example, so that each example matches a frame of its own. */
    final Map<String, Set<JsonNode>> matched = new HashMap<>();

    @BeforeEach
    void setUp() {
        server = TestServer.start();
        Api api = server.api();
        tokens.put("fiona", People.signUp(api, "Fiona Facilitator"));
        Api fiona = api.as(tokens.get("fiona"));
        String collaborative = People.collaborative(fiona, "Sepsis");
        String code = People.invitation(fiona, collaborative, "participant");
        tokens.put("nadia", People.signUp(api, "Nadia Nurse"));
        People.join(api.as(tokens.get("nadia")), code, People.site(fiona, collaborative, "Ashford", "trust"), "nurse");
        tokens.put("ben", People.signUp(api, "Ben Doctor"));
        People.join(api.as(tokens.get("ben")), code, People.site(fiona, collaborative, "Bromley", "trust"), "doctor");
        tokens.forEach((person, token) -> personIds.put(person, api.as(token).get("me").json().path("id").asText()));
        Api.Reply created = fiona.post("collaboratives/" + collaborative + "/sessions", Map.of(
                "title", "Learning session 2", "startsAt", "2026-12-01T10:00:00Z", "durationMinutes", 60,
                "agenda", List.of(
                        LiveClient.agendaItem("Welcome", "plenary", 10),
                        Map.of("title", "Pulse check", "activityType", "poll", "plannedMinutes", 5, "config", LivePollIT.POLL),
                        LiveClient.agendaItem("Breakouts", "plenary", 20))));
        assertEquals(201, created.status(), created::toString);
        sessionId = created.json().path("id").asText();
    }

    @AfterEach
    void tearDown() {
        clients.values().forEach(LiveClient::close);
        server.close();
    }

    @Test
    void everyJsonExampleInTheSpecificationParses() throws IOException {
        String spec = Files.readString(SPEC);
        Matcher blocks = BLOCK.matcher(spec);
        int count = 0;
        while (blocks.find()) {
            String text = blocks.group(2);
            try {
                JSON.readTree(text);
            } catch (IOException e) {
                fail("the example at line " + line(blocks.start(), spec) + " of protocol.md is not JSON: " + e.getMessage());
            }
            count++;
        }
        assertTrue(count > 40, "found only " + count + " examples");
    }

    @Test
    void walkthroughPlaysAgainstTheServerFrameByFrame() throws IOException {
        List<Example> script = walkthrough();
        for (int i = 0; i < script.size(); i++) {
            Example example = script.get(i);
            JsonNode frame = parse(example);
            if (example.sends()) {
                send(example, frame, script.subList(i + 1, script.size()));
            } else if (!frame.has("re")) {
                receive(example, frame);
            }
        }
    }

    /** Waits for the first frame of this person's that the example describes, and fails with the nearest miss. */
    private void receive(Example example, JsonNode frame) {
        LiveClient client = clients.get(example.person());
        Set<JsonNode> used = matched(example.person());
        try {
            used.add(client.await(candidate -> sameKind(frame, candidate) && !used.contains(candidate)
                    && differences(frame, candidate).isEmpty(), describe(example)));
        } catch (AssertionError missing) {
            List<JsonNode> sameKind = client.frames().stream().filter(candidate -> sameKind(frame, candidate)).toList();
            if (sameKind.isEmpty()) {
                throw missing;
            }
            assertSameShape(frame, sameKind.get(sameKind.size() - 1), example);
        }
    }

    @Test
    void walkthroughSendsEveryCommandTheServerKnows() throws IOException {
        Set<String> sent = new TreeSet<>();
        for (Example example : walkthrough()) {
            if (example.sends()) {
                sent.add(parse(example).path("type").asText());
            }
        }
        Set<String> known = new TreeSet<>(Commands.HANDLERS.keySet());
        known.addAll(Commands.ROSTER_HANDLERS.keySet());
        known.addAll(StageCommands.HANDLERS.keySet());
        known.add("hello");
        known.add("ping");
        known.removeAll(sent);
        assertEquals(Set.of(), known, "commands without an example in protocol.md");
    }

    private void send(Example example, JsonNode frame, List<Example> rest) {
        LiveClient client = clients.computeIfAbsent(example.person(),
                person -> LiveClient.connect(server, sessionId));
        String ref = frame.path("ref").asText(null);
        if (ref == null) {
            client.sendRaw(frame.toString());
            return;
        }
        client.sendRaw(frame.toString());
        JsonNode reply = client.reply(ref);
        Example shown = null;
        for (Example later : rest) {
            if (later.person().equals(example.person()) && later.sends()) {
                break;
            }
            if (later.person().equals(example.person()) && ref.equals(parse(later).path("re").asText(null))) {
                shown = later;
                break;
            }
        }
        if (shown != null) {
            assertSameShape(parse(shown), reply, shown);
        } else {
            assertTrue(reply.path("ok").asBoolean(), () -> "line " + example.line() + ": " + example.person() + "'s "
                    + frame.path("type").asText() + " was refused: " + reply);
        }
    }

    private List<Example> walkthrough() throws IOException {
        String spec = Files.readString(SPEC);
        List<Example> script = new ArrayList<>();
        Matcher blocks = BLOCK.matcher(spec);
        while (blocks.find()) {
            String[] words = blocks.group(1).trim().split("\\s+");
            if (words.length == 2 && (words[1].equals("sends") || words[1].equals("receives"))) {
                script.add(new Example(words[0], words[1].equals("sends"), blocks.group(2), line(blocks.start(), spec)));
            }
        }
        assertFalse(script.isEmpty(), "protocol.md has no walkthrough");
        return script;
    }

    private JsonNode parse(Example example) {
        Matcher placeholders = PLACEHOLDER.matcher(example.text());
        StringBuilder text = new StringBuilder();
        while (placeholders.find()) {
            Map<String, String> values = placeholders.group(1).equals("token") ? tokens : personIds;
            String value = values.get(placeholders.group(2));
            if (value == null) {
                fail("line " + example.line() + ": nobody called " + placeholders.group(2));
            }
            placeholders.appendReplacement(text, value);
        }
        placeholders.appendTail(text);
        try {
            return JSON.readTree(text.toString());
        } catch (IOException e) {
            throw new AssertionError("line " + example.line() + ": not JSON", e);
        }
    }

    private Set<JsonNode> matched(String person) {
        return matched.computeIfAbsent(person, p -> java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    /** Frames of the same kind: the same event or signal type, both numbered events or both not. */
    private static boolean sameKind(JsonNode example, JsonNode actual) {
        return example.path("type").asText().equals(actual.path("type").asText()) && example.has("seq") == actual.has("seq");
    }

    /**
     * The example and the frame have the same fields, recursively, with values of the same JSON type; codes, types,
     * refs and the outcome must be equal. Arrays compare the elements the example shows.
     */
    private static void assertSameShape(JsonNode example, JsonNode actual, Example where) {
        List<String> differences = differences(example, actual);
        if (!differences.isEmpty()) {
            fail("line " + where.line() + " (" + where.person() + " receives): " + differences + "\n  actual frame: " + actual);
        }
    }

    private static List<String> differences(JsonNode example, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        compare(example, actual, "", differences);
        return differences;
    }

    private static void compare(JsonNode example, JsonNode actual, String path, List<String> differences) {
        if (example.isObject()) {
            if (!actual.isObject()) {
                differences.add(path + " is " + actual.getNodeType() + ", not an object");
                return;
            }
            Set<String> fields = new HashSet<>();
            example.fieldNames().forEachRemaining(fields::add);
            for (Iterator<String> names = actual.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!fields.remove(name)) {
                    differences.add(path + "." + name + " is sent but not shown");
                } else {
                    compare(example.get(name), actual.get(name), path + "." + name, differences);
                }
            }
            fields.forEach(name -> differences.add(path + "." + name + " is shown but not sent"));
        } else if (example.isArray()) {
            if (!actual.isArray()) {
                differences.add(path + " is " + actual.getNodeType() + ", not an array");
                return;
            }
            for (int i = 0; i < example.size() && i < actual.size(); i++) {
                compare(example.get(i), actual.get(i), path + "[" + i + "]", differences);
            }
            if (example.size() > 0 && actual.size() == 0) {
                differences.add(path + " is empty");
            }
        } else if (example.getNodeType() != actual.getNodeType()) {
            differences.add(path + " is " + actual.getNodeType() + ", shown as " + example.getNodeType());
        } else if (Set.of(".type", ".code", ".re", ".ok", ".error.code").contains(path) && !example.equals(actual)) {
            differences.add(path + " is " + actual + ", shown as " + example);
        }
    }

    private static String describe(Example example) {
        return "the frame at line " + example.line() + " of protocol.md";
    }

    private static int line(int offset, String text) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
