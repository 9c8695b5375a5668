package org.colearn.plugin.failurecircle;

import java.util.ArrayList;
import java.util.List;
import org.colearn.plugin.api.ActivityContext;
import org.colearn.plugin.api.ExportableResult;
import org.colearn.plugin.failurecircle.CircleState.Story;

/**
 * What a circle leaves with the session: every story told, with its credit (none for an anonymous one), how the room
 * reacted, the take-back notes without names, and what its teller decided. Nothing in it leads to an anonymous teller.
 */
record CircleResult(String prompt, List<Item> stories) implements ExportableResult {

    static final String TITLE = "Failure-story circle";

    /**
     * One story told.
     *
     * @param credit a name, a site's team, or null for an anonymous story
     * @param consent {@code open}, {@code published}, {@code kept}, or {@code catalogue} for a story that came from it
     */
    record Item(String circle, String title, String credit, int thanks, int seenToo, int helps, List<String> notes,
            String consent, String catalogueId) {}

    static void publish(ActivityContext context, CircleConfig config, Model model) {
        context.publish(TITLE, of(config, model));
    }

    static CircleResult of(CircleConfig config, Model model) {
        List<Item> items = new ArrayList<>();
        for (Story story : model.stories) {
            if (!story.told()) {
                continue;
            }
            List<String> notes = model.notes.stream().filter(note -> note.storyId().equals(story.id())).map(CircleState.Note::text).toList();
            items.add(new Item(model.circleName(story.circle()), story.text().title(), story.creditLabel(),
                    count(story, "thanks"), count(story, "seen_too"), count(story, "helps"), notes,
                    story.consent() == null ? "catalogue" : story.consent(), story.catalogueId()));
        }
        return new CircleResult(config.prompt(), List.copyOf(items));
    }

    private static int count(Story story, String kind) {
        return story.reactions().getOrDefault(kind, List.of()).size();
    }

    @Override
    public String markdown() {
        StringBuilder text = new StringBuilder("# Failure-story circle\n\n").append(prompt.replace("\n", " ")).append('\n');
        if (stories.isEmpty()) {
            text.append("\nNo story was shared.\n");
        }
        for (Item item : stories) {
            text.append("\n## ").append(item.title().replace("\n", " ")).append("\n\n")
                    .append("- Told by: ").append(item.credit() == null ? "anonymous" : item.credit()).append('\n')
                    .append("- Circle: ").append(item.circle()).append('\n')
                    .append("- Reactions: thank you for sharing ").append(item.thanks()).append(", we have seen this too ")
                    .append(item.seenToo()).append(", this helps me ").append(item.helps()).append('\n')
                    .append("- Catalogue: ").append(decision(item)).append('\n');
            if (!item.notes().isEmpty()) {
                text.append("\nWhat people will take back:\n\n");
                item.notes().forEach(note -> text.append("- ").append(note.replace("\n", " ")).append('\n'));
            }
        }
        return text.toString();
    }

    private static String decision(Item item) {
        return switch (item.consent()) {
            case "published" -> item.catalogueId() == null ? "published" : "published (" + item.catalogueId() + ")";
            case "kept" -> "kept in the room";
            case "catalogue" -> "already there (" + item.catalogueId() + ")";
            default -> "not decided";
        };
    }

    @Override
    public List<List<String>> table() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("circle", "title", "credit", "thanks", "seen_too", "helps", "take_back_notes", "consent", "catalogue_id"));
        for (Item item : stories) {
            rows.add(List.of(item.circle(), item.title(), item.credit() == null ? "anonymous" : item.credit(),
                    String.valueOf(item.thanks()), String.valueOf(item.seenToo()), String.valueOf(item.helps()),
                    String.join("\n", item.notes()), item.consent(), item.catalogueId() == null ? "" : item.catalogueId()));
        }
        return rows;
    }
}
