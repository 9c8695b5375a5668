package org.colearn.plugin.datareview;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.colearn.plugin.api.Activity;
import org.colearn.plugin.api.ActivityContext;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Measures;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.datareview.DataReviewState.Note;
import org.colearn.plugin.datareview.DataReviewState.Question;
import org.colearn.plugin.datareview.DataReviewState.Turn;

/**
 * One data review: the facilitator moves through the sites' charts, a site's members present theirs, people ask and
 * note. What reaches each person is decided by {@link Readers}: a site that does not share its data shows its chart,
 * questions included, only to its readers and the facilitators.
 */
final class DataReview implements Activity<DataReviewState> {

    static final String RESULT_TITLE = "Data review";
    static final int MAX_TEXT = 500;
    static final int MAX_QUESTIONS = 1_000;
    static final int MAX_NOTES = 2_000;

    private final ActivityContext context;
    private DataReviewState state;
    private Readers readers;
    /** Who has personal notes, and so a view of their own: kept beside the state so that view keys stay cheap. */
    private final Set<String> noteKeepers = new HashSet<>();

    private DataReview(ActivityContext context, DataReviewState state, Readers readers) {
        this.context = context;
        this.state = state;
        this.readers = readers;
        state.notes().stream().filter(n -> !n.forSite()).forEach(n -> noteKeepers.add(n.authorId()));
    }

    /** Brings back a review from its stored state, with the sites' charts and readers as the collaborative has them now. */
    static DataReview resume(ActivityContext context, DataReviewState state) {
        return new DataReview(context, state, new Readers(context.measures().charts(state.measureId())));
    }

    /** Starts a review of the measure named in the configuration (the first by name when none is named). */
    static DataReview start(ActivityContext context, DataReviewConfig config) throws ActivityException {
        List<Measures.Measure> measures = context.measures().common();
        String wanted = config.measure() == null ? "" : config.measure().strip();
        Measures.Measure measure = measures.stream()
                .filter(m -> wanted.isEmpty() || m.name().equalsIgnoreCase(wanted) || m.id().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new ActivityException("no_such_measure", "measure", measures.isEmpty()
                        ? "The collaborative has no common measure yet: define one on its Measures page."
                        : "The collaborative has no common measure called “" + wanted + "”. Its measures: "
                                + String.join(", ", measures.stream().map(Measures.Measure::name).toList()) + "."));
        List<Measures.SiteChart> charts = context.measures().charts(measure.id());
        DataReviewState state = new DataReviewState(measure.id(), measure.name(), measure.definition(), turns(charts, List.of()), 0,
                List.of(), List.of(), 1);
        return new DataReview(context, state, new Readers(charts));
    }

    /**
     * The sites with values, by name. A site that had a turn keeps it, with who presented it, even when its values are
     * gone, so that its questions and notes stay in the result.
     */
    private static List<Turn> turns(List<Measures.SiteChart> charts, List<Turn> before) {
        List<Turn> turns = new ArrayList<>();
        for (Measures.SiteChart chart : charts) {
            Turn earlier = before.stream().filter(t -> t.siteId().equals(chart.siteId())).findFirst().orElse(null);
            if (earlier != null) {
                turns.add(earlier);
            } else if (chart.chart() != null) {
                turns.add(new Turn(chart.siteId(), chart.site(), null, null));
            }
        }
        return turns;
    }

    @Override
    public DataReviewState state() {
        return state;
    }

    @Override
    public void receive(Participant from, Record message) throws ActivityException {
        if (message instanceof DataReviewMessages.Show show) {
            show(from, show.site());
        } else if (message instanceof DataReviewMessages.Next) {
            show(from, state.current() + 1);
        } else if (message instanceof DataReviewMessages.Previous) {
            show(from, state.current() - 1);
        } else if (message instanceof DataReviewMessages.Refresh) {
            refresh(from);
        } else if (message instanceof DataReviewMessages.Present) {
            present(from);
        } else if (message instanceof DataReviewMessages.Ask ask) {
            ask(from, ask.text());
        } else if (message instanceof DataReviewMessages.Answer answer) {
            answer(from, answer.id());
        } else if (message instanceof DataReviewMessages.Note note) {
            note(from, note.text(), note.forSite());
        } else {
            throw new ActivityException("unknown_message", "A data review does not know this message.");
        }
    }

    private void show(Participant from, int site) throws ActivityException {
        facilitatorOnly(from, "bring a site's chart to the screen");
        if (site < 0 || site >= state.sites().size()) {
            throw new ActivityException("no_such_site", "site", state.sites().isEmpty()
                    ? "No site has values for this measure yet."
                    : "Choose a site from 1 to " + state.sites().size() + ".");
        }
        state = state.withSites(state.sites(), site);
    }

    private void refresh(Participant from) throws ActivityException {
        facilitatorOnly(from, "read the charts again");
        List<Measures.SiteChart> charts = context.measures().charts(state.measureId());
        readers = new Readers(charts);
        String shown = state.sites().isEmpty() ? null : state.sites().get(state.current()).siteId();
        List<Turn> turns = turns(charts, state.sites());
        int current = 0;
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i).siteId().equals(shown)) {
                current = i;
            }
        }
        state = state.withSites(turns, current);
    }

    private void present(Participant from) throws ActivityException {
        Turn turn = currentTurn();
        if (!turn.siteId().equals(readers.siteOf(from))) {
            throw new ActivityException("not_your_site", "Only members of " + turn.site() + " present its chart.");
        }
        List<Turn> turns = new ArrayList<>(state.sites());
        turns.set(state.current(), new Turn(turn.siteId(), turn.site(), from.personId(), from.name()));
        state = state.withSites(turns, state.current());
    }

    private void ask(Participant from, String text) throws ActivityException {
        Turn turn = readable(from);
        if (state.questions().size() >= MAX_QUESTIONS) {
            throw new ActivityException("too_many_questions", "This review has " + MAX_QUESTIONS + " questions already.");
        }
        List<Question> questions = new ArrayList<>(state.questions());
        questions.add(new Question("q" + state.nextId(), turn.siteId(), text(text), from.name(), false));
        state = state.withQuestions(questions, state.nextId() + 1);
    }

    private void answer(Participant from, String id) throws ActivityException {
        List<Question> questions = new ArrayList<>(state.questions());
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            if (q.id().equals(id) && readers.mayRead(from, q.siteId())) {
                if (!from.facilitator() && !q.siteId().equals(readers.siteOf(from))) {
                    throw new ActivityException("not_your_site", "Only members of " + readers.siteName(q.siteId())
                            + " or a facilitator mark its questions answered.");
                }
                questions.set(i, new Question(q.id(), q.siteId(), q.text(), q.asker(), true));
                state = state.withQuestions(questions, state.nextId());
                return;
            }
        }
        throw new ActivityException("no_such_question", "id", "There is no such question.");
    }

    private void note(Participant from, String text, boolean forSite) throws ActivityException {
        Turn turn = readable(from);
        String ownSite = readers.siteOf(from);
        if (forSite && ownSite == null) {
            throw new ActivityException("no_site", "forSite", "Only a site's members note what their site takes back; keep it as your own note.");
        }
        if (state.notes().size() >= MAX_NOTES) {
            throw new ActivityException("too_many_notes", "This review has " + MAX_NOTES + " notes already.");
        }
        List<Note> notes = new ArrayList<>(state.notes());
        notes.add(new Note("n" + state.nextId(), turn.siteId(), text(text), forSite, from.personId(), ownSite));
        state = state.withNotes(notes, state.nextId() + 1);
        if (!forSite) {
            noteKeepers.add(from.personId());
        }
    }

    /** The site on the screen, when the sender may see its data. */
    private Turn readable(Participant from) throws ActivityException {
        Turn turn = currentTurn();
        if (!readers.mayRead(from, turn.siteId())) {
            throw new ActivityException("site_data_private", turn.site() + " has not shared its data with the collaborative.");
        }
        return turn;
    }

    private Turn currentTurn() throws ActivityException {
        if (state.sites().isEmpty()) {
            throw new ActivityException("no_sites", "No site has values for this measure yet.");
        }
        return state.sites().get(state.current());
    }

    private static String text(String text) throws ActivityException {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_TEXT) {
            throw new ActivityException("invalid_text", "text", "Write 1 to " + MAX_TEXT + " characters.");
        }
        return stripped;
    }

    private static void facilitatorOnly(Participant from, String action) throws ActivityException {
        if (!from.facilitator()) {
            throw new ActivityException("facilitator_only", "Only a facilitator can " + action + ".");
        }
    }

    @Override
    public Record view(Participant viewer) {
        return DataReviewViews.view(state, readers, viewer);
    }

    /**
     * Facilitators share a view, and so do the members of one site (they see the same site notes and the same
     * chart); a guest shares the view of everyone else who may or may not see the site on the screen. Someone with
     * personal notes has a view of their own.
     */
    @Override
    public String viewKey(Participant viewer) {
        String site = readers.siteOf(viewer);
        String key = (viewer.facilitator() ? "facilitators" : "people") + ":site:" + site + ":reads:"
                + (!state.sites().isEmpty() && readers.mayRead(viewer, state.sites().get(state.current()).siteId()));
        return noteKeepers.contains(viewer.personId()) ? key + ":person:" + viewer.personId() : key;
    }

    @Override
    public void end() {
        context.publish(RESULT_TITLE + ": " + state.measure(), DataReviewResult.of(state, readers));
    }
}
