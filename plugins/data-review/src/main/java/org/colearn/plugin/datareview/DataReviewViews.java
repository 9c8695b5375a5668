package org.colearn.plugin.datareview;

import java.util.List;
import org.colearn.plugin.api.Measures.SiteChart;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.datareview.DataReviewState.Turn;

/** What one person sees of a data review: the sites in order, the one on the screen as far as they may see it, their notes. */
final class DataReviewViews {

    static final String NOT_SHARED = "This site's data are not shared";

    private DataReviewViews() {}

    /**
     * @param measure the measure's name
     * @param definition its operational definition
     * @param sites the sites in the order they are shown
     * @param current the place of the site on the screen
     * @param turn the site on the screen; null when no site has values
     * @param member whether the viewer is a member of a site (and so may note what their site takes back)
     * @param notes the viewer's own notes and their site's (a facilitator: every site's), in the order written
     */
    record View(String measure, String definition, List<SiteEntry> sites, int current, TurnView turn, boolean member,
            List<NoteView> notes) {}

    /** A site in the list, with whether it shares its data. */
    record SiteEntry(String name, boolean shared) {}

    /**
     * The site on the screen.
     *
     * @param visible whether the viewer may see its chart and questions
     * @param notice what the viewer is told instead when not ("This site's data are not shared"); else null
     * @param presenter who presents it; null until one of its members does
     * @param yourSite whether the viewer is one of its members (who present it and mark questions answered)
     * @param summary the sentence of what the chart's rules found; null when not visible
     * @param chart the chart as JSON for the browser kit's {@code chartSvg}; null when not visible
     * @param questions its questions; empty when not visible
     */
    record TurnView(String site, boolean shared, boolean visible, String notice, String presenter, boolean yourSite,
            String summary, String chart, List<QuestionView> questions) {}

    record QuestionView(String id, String text, String asker, boolean answered) {}

    /** A note: about which site's turn, its words, and whose it is (a site's name, or null for the viewer's own). */
    record NoteView(String id, String about, String text, String site) {}

    static View view(DataReviewState state, Readers readers, Participant viewer) {
        String ownSite = readers.siteOf(viewer);
        List<SiteEntry> sites = state.sites().stream()
                .map(t -> new SiteEntry(t.site(), readers.chart(t.siteId()) != null && readers.chart(t.siteId()).shared()))
                .toList();
        TurnView turn = state.sites().isEmpty() ? null : turn(state, readers, viewer, state.sites().get(state.current()), ownSite);
        List<NoteView> notes = state.notes().stream()
                .filter(n -> n.forSite()
                        ? viewer.facilitator() || n.authorSiteId().equals(ownSite)
                        : n.authorId().equals(viewer.personId()))
                .map(n -> new NoteView(n.id(), siteName(state, n.siteId()), n.text(), n.forSite() ? readers.siteName(n.authorSiteId()) : null))
                .toList();
        return new View(state.measure(), state.definition(), sites, state.current(), turn, ownSite != null, notes);
    }

    private static TurnView turn(DataReviewState state, Readers readers, Participant viewer, Turn turn, String ownSite) {
        SiteChart chart = readers.chart(turn.siteId());
        boolean shared = chart != null && chart.shared();
        boolean yourSite = turn.siteId().equals(ownSite);
        if (!readers.mayRead(viewer, turn.siteId())) {
            return new TurnView(turn.site(), false, false, NOT_SHARED, turn.presenter(), yourSite, null, null, List.of());
        }
        List<QuestionView> questions = state.questions().stream()
                .filter(q -> q.siteId().equals(turn.siteId()))
                .map(q -> new QuestionView(q.id(), q.text(), q.asker(), q.answered()))
                .toList();
        return new TurnView(turn.site(), shared, true, null, turn.presenter(), yourSite,
                chart == null ? null : chart.summary(), chart == null ? null : chart.chart(), questions);
    }

    private static String siteName(DataReviewState state, String siteId) {
        return state.sites().stream().filter(t -> t.siteId().equals(siteId)).map(Turn::site).findFirst().orElse("a site");
    }
}
