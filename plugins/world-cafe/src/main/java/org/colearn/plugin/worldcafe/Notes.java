package org.colearn.plugin.worldcafe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.worldcafe.CafeState.Cluster;
import org.colearn.plugin.worldcafe.CafeState.Note;
import org.colearn.plugin.worldcafe.seating.Table;

/** The notes of a café: added at a table during a round, agreed with by anyone, grouped by facilitators. */
final class Notes {

    static final int MAX_TEXT = 500;

    private final Model model;

    Notes(Model model) {
        this.model = model;
    }

    void add(Participant from, CafeMessages.Note note, CafeConfig config) throws ActivityException {
        if (!model.phase.equals("round")) {
            throw new ActivityException("no_round", "Notes are added at a table while a round runs.");
        }
        if (note.kind() == null || !model.kinds.contains(note.kind())) {
            throw new ActivityException("unknown_kind", "Choose one of the kinds: " + String.join(", ", model.kinds) + ".");
        }
        String text = note.text() == null ? "" : note.text().strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new ActivityException("invalid_note", "A note has 1 to " + MAX_TEXT + " characters.");
        }
        int table = tableFor(from, note.table());
        model.notes.add(new Note(model.nextId("n"), model.round, table, note.kind(), text, from.personId(), from.name(),
                List.of(), null));
    }

    /** A participant writes at their own table; a facilitator visiting names the table. */
    private int tableFor(Participant from, Integer named) throws ActivityException {
        if (from.facilitator()) {
            if (named == null || model.plan.rounds().get(model.round).table(named - 1).isEmpty()) {
                throw new ActivityException("no_such_table", "Name the table (from 1) the note is for.");
            }
            return named - 1;
        }
        Optional<Table> table = Seating.tableOf(model.plan, model.round, from.personId());
        if (table.isEmpty()) {
            throw new ActivityException("not_seated", "You have no table in this round.");
        }
        return table.get().index();
    }

    void agree(Participant from, CafeMessages.Agree agree) throws ActivityException {
        int at = indexOf(agree.noteId());
        Note note = model.notes.get(at);
        List<String> agreedBy = new ArrayList<>(note.agreedBy());
        agreedBy.remove(from.personId());
        if (agree.agree()) {
            agreedBy.add(from.personId());
        }
        model.notes.set(at, new Note(note.id(), note.round(), note.table(), note.kind(), note.text(), note.authorId(),
                note.authorName(), List.copyOf(agreedBy), note.clusterId()));
    }

    void cluster(CafeMessages.Cluster cluster) throws ActivityException {
        String label = cluster.label() == null ? "" : cluster.label().strip();
        if (label.isEmpty() || label.length() > 80) {
            throw new ActivityException("invalid_label", "A group's label has 1 to 80 characters.");
        }
        if (cluster.noteIds() == null || cluster.noteIds().isEmpty() || new HashSet<>(cluster.noteIds()).size() != cluster.noteIds().size()) {
            throw new ActivityException("invalid_cluster", "Choose the notes to group, each once.");
        }
        List<Integer> indexes = new ArrayList<>();
        for (String id : cluster.noteIds()) {
            indexes.add(indexOf(id));
        }
        Cluster group = model.clusters.stream().filter(existing -> existing.label().equals(label)).findFirst()
                .orElseGet(() -> {
                    Cluster created = new Cluster(model.nextId("c"), label);
                    model.clusters.add(created);
                    return created;
                });
        for (int at : indexes) {
            Note note = model.notes.get(at);
            model.notes.set(at, new Note(note.id(), note.round(), note.table(), note.kind(), note.text(), note.authorId(),
                    note.authorName(), note.agreedBy(), group.id()));
        }
    }

    void addKind(CafeMessages.AddKind kind) throws ActivityException {
        List<String> kinds = new ArrayList<>(model.kinds);
        kinds.add(kind.kind() == null ? null : kind.kind().strip());
        CafeConfig.checkKinds(kinds);
        model.kinds.clear();
        model.kinds.addAll(kinds);
    }

    private int indexOf(String noteId) throws ActivityException {
        for (int i = 0; i < model.notes.size(); i++) {
            if (model.notes.get(i).id().equals(noteId)) {
                return i;
            }
        }
        throw new ActivityException("no_such_note", "There is no such note.");
    }
}
