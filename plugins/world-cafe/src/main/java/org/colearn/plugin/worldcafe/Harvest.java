package org.colearn.plugin.worldcafe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.colearn.plugin.api.ActivityContext;
import org.colearn.plugin.api.ExportableResult;
import org.colearn.plugin.worldcafe.CafeState.Note;

/** The harvest of a café: every note by round, question and kind, kept with the session and downloadable. */
record Harvest(List<String> questions, List<Item> notes) implements ExportableResult {

    static final String TITLE = "World café harvest";

    /** One note as harvested: rounds and tables from 1. */
    record Item(int round, String question, int table, String kind, String text, String by, int agreements, String group) {}

    static void publish(ActivityContext context, CafeConfig config, Model model) {
        context.publish(TITLE, of(config, model));
    }

    static Harvest of(CafeConfig config, Model model) {
        List<String> questions = new ArrayList<>();
        for (int round = 0; round < config.rounds(); round++) {
            questions.add(config.question(round));
        }
        Map<String, String> labels = new HashMap<>();
        model.clusters.forEach(cluster -> labels.putIfAbsent(cluster.id(), cluster.label()));
        List<Item> items = new ArrayList<>();
        for (Note note : model.notes) {
            String group = note.clusterId() == null ? "" : labels.getOrDefault(note.clusterId(), "");
            items.add(new Item(note.round() + 1, config.question(note.round()), note.table() + 1, note.kind(), note.text(),
                    note.authorName(), note.agreedBy().size(), group));
        }
        return new Harvest(List.copyOf(questions), List.copyOf(items));
    }

    @Override
    public String markdown() {
        StringBuilder text = new StringBuilder("# World café harvest\n");
        for (int round = 1; round <= questions.size(); round++) {
            int number = round;
            List<Item> ofRound = notes.stream().filter(item -> item.round() == number).toList();
            if (ofRound.isEmpty()) {
                continue;
            }
            text.append("\n## Round ").append(round).append(": ").append(questions.get(round - 1)).append('\n');
            for (String kind : ofRound.stream().map(Item::kind).distinct().toList()) {
                text.append("\n### ").append(Character.toUpperCase(kind.charAt(0))).append(kind.substring(1)).append("\n\n");
                for (Item item : ofRound) {
                    if (item.kind().equals(kind)) {
                        text.append("- ").append(item.text().replace("\n", " "))
                                .append(" (table ").append(item.table()).append(", ").append(item.by());
                        if (item.agreements() > 0) {
                            text.append(", ").append(item.agreements()).append(item.agreements() == 1 ? " person agrees" : " people agree");
                        }
                        if (!item.group().isEmpty()) {
                            text.append("; ").append(item.group());
                        }
                        text.append(")\n");
                    }
                }
            }
        }
        if (notes.isEmpty()) {
            text.append("\nNo notes were added.\n");
        }
        return text.toString();
    }

    @Override
    public List<List<String>> table() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("round", "question", "table", "kind", "note", "by", "agreements", "group"));
        for (Item item : notes) {
            rows.add(List.of(String.valueOf(item.round()), item.question(), String.valueOf(item.table()), item.kind(),
                    item.text(), item.by(), String.valueOf(item.agreements()), item.group()));
        }
        return rows;
    }
}
