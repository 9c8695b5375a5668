package org.colearn.server.stories;

import java.nio.file.Path;
import java.util.Map;
import org.colearn.server.testing.PluginJars;

/**
 * A third-party activity, "story-desk", built against the plugin API only, that uses the story catalogue the way a
 * story circle does: {@code tell} publishes a story told in the session, {@code bring} shows one of the sender's own,
 * {@code offer} (facilitators) shows one everyone may read, {@code check} runs the patient-data check. {@code tell}
 * and {@code bring} are unattributed. The view shows every story brought and every id published.
 */
final class StoryDesk {

    static final String ID = "story-desk";

    private StoryDesk() {}

    static Path jar(Path plugins) {
        String source = """
                package example.desk;

                import java.util.ArrayList;
                import java.util.List;
                import java.util.Locale;
                import java.util.Map;
                import java.util.Set;
                import org.colearn.plugin.api.*;

                public final class StoryDesk implements ActivityType<StoryDesk.Config, StoryDesk.State> {
                    public record Config(String prompt) {}
                    public record Shown(String id, String title, String credit, boolean faculty) {}
                    public record State(List<String> published, List<Shown> shown, List<String> findings) {}
                    public record Tell(String title, String topic, String changeIdea, String tried, String happened,
                            String learned, String credit, String key, String visibility, boolean confirm) {}
                    public record Bring(String storyId, String key) {}
                    public record Offer(String storyId) {}
                    public record Check(String happened) {}

                    public String id() { return "%s"; }
                    public String displayName() { return "Story desk"; }
                    public Class<Config> configType() { return Config.class; }
                    public Config defaultConfig() { return new Config("Tell us"); }
                    public Class<State> stateType() { return State.class; }
                    public Map<String, Class<? extends Record>> messages() {
                        return Map.of("tell", Tell.class, "bring", Bring.class, "offer", Offer.class, "check", Check.class);
                    }
                    public Set<String> unattributedMessages() { return Set.of("tell", "bring"); }
                    public String browserModule() { return "colearn-activity-%s.js"; }

                    public Activity<State> start(ActivityContext context, Config config) {
                        return new Desk(context, new State(List.of(), List.of(), List.of()));
                    }

                    public Activity<State> resume(ActivityContext context, Config config, State state) {
                        return new Desk(context, state);
                    }

                    static final class Desk implements Activity<State> {
                        private final ActivityContext context;
                        private State state;
                        Desk(ActivityContext context, State state) { this.context = context; this.state = state; }
                        public State state() { return state; }
                        public Record view(Participant viewer) { return state; }

                        public void receive(Participant from, Record message) throws ActivityException {
                            Stories stories = context.stories();
                            if (message instanceof Tell tell) {
                                Stories.Credit credit = Stories.Credit.valueOf(tell.credit().toUpperCase(Locale.ROOT));
                                Stories.Text text = new Stories.Text(tell.title(), tell.topic(), tell.changeIdea(), tell.tried(),
                                        tell.happened(), tell.learned(), "", List.of("night shifts"));
                                String id = stories.publish(text, credit, credit == Stories.Credit.ANONYMOUS ? null : from, tell.key(),
                                        Stories.Visibility.valueOf(tell.visibility().toUpperCase(Locale.ROOT)), tell.confirm());
                                List<String> published = new ArrayList<>(state.published());
                                published.add(id);
                                state = new State(published, state.shown(), state.findings());
                            } else if (message instanceof Bring bring) {
                                show(stories.own(from, bring.storyId(), bring.key())
                                        .orElseThrow(() -> new ActivityException("not_your_story", "That is not a story of yours.")));
                            } else if (message instanceof Offer offer) {
                                if (!from.facilitator()) {
                                    throw new ActivityException("facilitators_only", "Only facilitators offer stories.");
                                }
                                show(stories.readable(offer.storyId())
                                        .orElseThrow(() -> new ActivityException("not_readable", "Not everyone here may read it.")));
                            } else if (message instanceof Check check) {
                                Stories.Text text = new Stories.Text("t", "", "", "", check.happened(), "", "", List.of());
                                state = new State(state.published(), state.shown(), stories.check(text).stream()
                                        .map(finding -> finding.field() + ":" + finding.kind() + ":" + finding.message()).toList());
                            }
                        }

                        private void show(Stories.Story story) {
                            List<Shown> shown = new ArrayList<>(state.shown());
                            shown.add(new Shown(story.id(), story.text().title(), story.credit(), story.faculty()));
                            state = new State(state.published(), shown, state.findings());
                        }
                    }
                }
                """.formatted(ID, ID);
        return PluginJars.build(
                plugins.resolve(ID + ".jar"),
                Map.of("example/desk/StoryDesk.java", source),
                Map.of("META-INF/services/org.colearn.plugin.api.ActivityType", "example.desk.StoryDesk\n",
                        "colearn-plugin/" + ID + "/colearn-activity-" + ID + ".js",
                        "customElements.define('colearn-activity-" + ID + "', class extends HTMLElement {});\n"),
                "1");
    }
}
