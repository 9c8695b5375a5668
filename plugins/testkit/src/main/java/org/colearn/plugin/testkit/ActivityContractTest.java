package org.colearn.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Map;
import java.util.ServiceLoader;
import org.colearn.plugin.api.Activity;
import org.colearn.plugin.api.ActivityContext;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.ActivityType;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.api.Rooms;
import org.junit.jupiter.api.Test;

/**
 * The contract every activity plugin keeps: extend it in your plugin's tests and return your type. It checks what the
 * server relies on, without a server: a valid id, records that survive JSON, the service file, and the browser module.
 *
 * @param <C> the config record
 * @param <S> the state record
 */
public abstract class ActivityContractTest<C extends Record, S extends Record> {

    /** The activity type under test. */
    protected abstract ActivityType<C, S> type();

    /** One example of each message, by name, for the JSON round trip. */
    protected abstract Map<String, Record> exampleMessages();

    /**
     * Starts the activity for the checks that run it. Override it to start with what your activity reads as it starts,
     * such as {@link ActivityHarness#start(ActivityType, Record, org.colearn.plugin.api.BuddyPairs) buddy pairs}.
     */
    protected ActivityHarness<C, S> startHarness(C config) throws ActivityException {
        return ActivityHarness.start(type(), config);
    }

    @Test
    void idIsStableLowerCaseAndShort() {
        assertTrue(type().id().matches("[a-z][a-z0-9-]{1,39}"), "id " + type().id());
        assertNotNull(type().displayName());
    }

    @Test
    void configAndStateAreRecordsThatSurviveJson() throws ActivityException {
        assertTrue(type().configType().isRecord() && type().stateType().isRecord());
        C config = type().defaultConfig();
        assertEquals(config, ActivityHarness.roundTrip(config, type().configType()));
        ActivityHarness<C, S> harness = startHarness(config);
        harness.join("Fiona Facilitator", null, "manager", true);
        harness.join("Nadia Nurse", "Ashford", "nurse", false);
        S state = harness.state();
        assertEquals(ActivityHarness.JSON.valueToTree(state),
                ActivityHarness.JSON.valueToTree(ActivityHarness.roundTrip(state, type().stateType())));
    }

    @Test
    void defaultConfigurationPassesTheTypesOwnCheck() {
        assertDoesNotThrow(() -> type().check(type().defaultConfig()),
                "facilitators who keep the defaults must be able to plan the activity");
    }

    @Test
    void everyMessageIsARecordThatSurvivesJson() {
        assertEquals(type().messages().keySet(), exampleMessages().keySet(), "an example for each message");
        type().messages().forEach((name, messageType) -> {
            assertTrue(messageType.isRecord(), name);
            Record example = exampleMessages().get(name);
            assertEquals(example, ActivityHarness.roundTrip(example, messageType), name);
        });
    }

    @Test
    void viewsAreJsonForEveryone() throws ActivityException {
        ActivityHarness<C, S> harness = startHarness(type().defaultConfig());
        Participant facilitator = harness.join("Fiona Facilitator", null, "manager", true);
        Participant participant = harness.join("Nadia Nurse", "Ashford", "nurse", false);
        assertNotNull(harness.view(facilitator));
        assertNotNull(harness.view(participant));
    }

    /**
     * Plugins built against API version 1 keep working on every server of that version: what a plugin implements, or
     * a harness implements for it, never gains a method it must write. Later additions (long work off the session's
     * thread, {@link ActivityContext#compute}) come with defaults.
     */
    @Test
    void pluginsBuiltForThisApiVersionKeepWorkingAsItGrows() {
        assertEquals(1, ActivityType.API_VERSION, "a new API version says which plugins it still loads");
        assertEquals(java.util.Set.of("id", "displayName", "configType", "defaultConfig", "stateType", "messages", "browserModule", "start", "resume"),
                abstractMethods(ActivityType.class));
        assertEquals(java.util.Set.of("state", "receive", "view"), abstractMethods(Activity.class));
        assertEquals(java.util.Set.of("now", "present", "rooms", "timers", "publish", "earlierResults", "stories", "buddyPairs"),
                abstractMethods(ActivityContext.class));
    }

    /**
     * Rooms planned as plugins of API version 1 plan them, with a name and people only, still open with voice and
     * video; a plugin compiled then still finds the constructor it calls. Only a room planned as text only has none.
     */
    @Test
    void roomsPlannedWithoutSayingTheyAreTextOnlyKeepVoiceAndVideo() throws ReflectiveOperationException {
        java.lang.reflect.Constructor<Rooms.Plan> versionOne = Rooms.Plan.class.getConstructor(String.class, java.util.List.class);
        Rooms.Plan table = versionOne.newInstance("Table 1", java.util.List.of("p-1", "p-2"));
        assertEquals(false, table.textOnly(), "a room planned by name and people has voice and video");
        assertEquals(true, Rooms.Plan.textOnly("Writing corner", java.util.List.of("p-3")).textOnly());
    }

    /** Long work asked of a context that does not run it elsewhere (a test harness) runs at once, in place. */
    @Test
    void longWorkRunsInPlaceWhereNothingRunsItElsewhere() throws ActivityException {
        ActivityContext inPlace = (ActivityContext) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ActivityContext.class}, (proxy, method, args) -> method.isDefault()
                        ? java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args)
                        : null);
        java.util.List<String> outcome = new java.util.ArrayList<>();
        inPlace.compute("Seating 2 people…", java.time.Duration.ofMinutes(1), () -> "Table 1", outcome::add);
        assertEquals(java.util.List.of("Table 1"), outcome);
    }

    /** A context written before measures were offered still answers them: with none, so an activity can say so. */
    @Test
    void aContextThatOffersNoMeasuresHasNone() {
        ActivityContext older = (ActivityContext) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ActivityContext.class}, (proxy, method, args) -> method.isDefault()
                        ? java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args)
                        : null);
        assertEquals(java.util.List.of(), older.measures().common());
        assertEquals(java.util.List.of(), older.measures().charts("any"));
    }

    private static java.util.Set<String> abstractMethods(Class<?> api) {
        return java.util.Arrays.stream(api.getDeclaredMethods())
                .filter(method -> java.lang.reflect.Modifier.isAbstract(method.getModifiers()))
                .map(java.lang.reflect.Method::getName)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void peopleWhoShareAViewKeySeeTheSameView() throws ActivityException {
        ActivityHarness<C, S> harness = startHarness(type().defaultConfig());
        Participant fiona = harness.join("Fiona Facilitator", null, "manager", true);
        Participant fred = harness.join("Fred Facilitator", null, "manager", true);
        Participant nadia = harness.join("Nadia Nurse", "Ashford", "nurse", false);
        Participant amira = harness.join("Amira Doctor", "Ashford", "doctor", false);
        Participant gus = harness.join("Gus Guest", null, null, false);
        for (Participant person : java.util.List.of(fiona, fred, nadia, amira, gus)) {
            assertNotNull(harness.viewKey(person), "a view key for " + person.name());
        }
        harness.assertSharedViewsAgree();
    }

    @Test
    void serviceFileNamesTheType() {
        boolean listed = ServiceLoader.load(ActivityType.class, type().getClass().getClassLoader()).stream()
                .anyMatch(provider -> provider.type().equals(type().getClass()));
        assertTrue(listed, "META-INF/services/" + ActivityType.class.getName() + " lists " + type().getClass().getName());
    }

    @Test
    void browserModuleIsInTheJarAndDefinesTheElement() throws Exception {
        String path = "colearn-plugin/" + type().id() + "/" + type().browserModule();
        try (InputStream module = type().getClass().getClassLoader().getResourceAsStream(path)) {
            assertNotNull(module, path + " is in the jar");
            String source = new String(module.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(source.contains("customElements.define('colearn-activity-" + type().id() + "'"),
                    path + " defines <colearn-activity-" + type().id() + ">");
            assertTrue(!source.contains("innerHTML"), path + " renders text, never HTML");
        }
    }
}
