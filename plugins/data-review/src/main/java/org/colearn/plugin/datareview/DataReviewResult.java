package org.colearn.plugin.datareview;

import java.util.ArrayList;
import java.util.List;
import org.colearn.plugin.api.ExportableResult;
import org.colearn.plugin.api.Measures.SiteChart;

/**
 * A data review as kept with the session, read by facilitators: per site, what its chart's rules found, who presented
 * it, the questions asked (and whether answered) and what people noted to take back. A personal note is kept without
 * its author; a site's note names the site.
 */
record DataReviewResult(String measure, List<SiteResult> sites) implements ExportableResult {

    record SiteResult(String site, String summary, String presenter, List<QuestionResult> questions, List<NoteResult> notes) {}

    record QuestionResult(String text, String asker, boolean answered) {}

    /** @param by the site whose note it is; null for a personal note */
    record NoteResult(String text, String by) {}

    static DataReviewResult of(DataReviewState state, Readers readers) {
        List<SiteResult> sites = state.sites().stream().map(turn -> {
            SiteChart chart = readers.chart(turn.siteId());
            return new SiteResult(turn.site(), chart == null ? null : chart.summary(), turn.presenter(),
                    state.questions().stream().filter(q -> q.siteId().equals(turn.siteId()))
                            .map(q -> new QuestionResult(q.text(), q.asker(), q.answered())).toList(),
                    state.notes().stream().filter(n -> n.siteId().equals(turn.siteId()))
                            .map(n -> new NoteResult(n.text(), n.forSite() ? readers.siteName(n.authorSiteId()) : null)).toList());
        }).toList();
        return new DataReviewResult(state.measure(), sites);
    }

    @Override
    public String markdown() {
        StringBuilder text = new StringBuilder("# Data review: ").append(measure).append("\n");
        if (sites.isEmpty()) {
            text.append("\nNo site had values for this measure.\n");
        }
        for (SiteResult site : sites) {
            text.append("\n## ").append(site.site()).append("\n\n");
            if (site.summary() != null) {
                text.append(site.summary()).append("\n\n");
            }
            text.append(site.presenter() == null ? "Nobody presented the chart." : "Presented by " + site.presenter() + ".").append('\n');
            text.append("\n### Questions\n\n");
            if (site.questions().isEmpty()) {
                text.append("None.\n");
            }
            site.questions().forEach(q -> text.append("- ").append(q.text()).append(" (").append(q.asker())
                    .append(q.answered() ? ", answered" : "").append(")\n"));
            text.append("\n### What we take back\n\n");
            if (site.notes().isEmpty()) {
                text.append("None.\n");
            }
            site.notes().forEach(n -> text.append("- ").append(n.text()).append(n.by() == null ? " (personal)" : " (" + n.by() + ")").append('\n'));
        }
        return text.toString();
    }

    @Override
    public List<List<String>> table() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("site", "kind", "text", "by", "answered"));
        for (SiteResult site : sites) {
            site.questions().forEach(q -> rows.add(List.of(site.site(), "question", q.text(), q.asker(), q.answered() ? "yes" : "no")));
            site.notes().forEach(n -> rows.add(List.of(site.site(), "take back", n.text(), n.by() == null ? "personal" : n.by(), "")));
        }
        return rows;
    }
}
