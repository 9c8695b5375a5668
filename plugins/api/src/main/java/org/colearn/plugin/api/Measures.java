package org.colearn.plugin.api;

import java.util.List;

/**
 * The collaborative's common measures and each site's chart of one of them, as the collaborative's data pages draw
 * them. A site's chart is its own data: an activity shows it to everyone only when {@link SiteChart#shared()}, and
 * otherwise only to the people in {@link SiteChart#readerIds()} and to facilitators. Reads the database: call it when
 * the activity starts or in answer to a message, never in {@link Activity#view}.
 *
 * @since 2
 */
public interface Measures {

    /** No measures at all: what a context that has none gives (a test harness that was given none, say). */
    Measures NONE = new Measures() {
        @Override
        public List<Measure> common() {
            return List.of();
        }

        @Override
        public List<SiteChart> charts(String measureId) {
            return List.of();
        }
    };

    /**
     * A measure every site of the collaborative keeps.
     *
     * @param id stable id of the measure
     * @param name its name, as facilitators call it ("Sepsis six within an hour")
     * @param definition its operational definition, in the facilitators' words
     * @param kind {@code proportion}, {@code count}, {@code rate}, {@code continuous} or {@code days_between}
     */
    record Measure(String id, String name, String definition, String kind) {}

    /**
     * One site's chart of a measure.
     *
     * @param siteId stable id of the site
     * @param site the site's name, as in {@link Participant#site()}
     * @param shared whether the site shares its data with the whole collaborative
     * @param memberIds the {@link Participant#personId() person ids} of the site's members (decide who belongs to a
     *     site by these, never by {@link Participant#site()} alone: a guest's site is whatever they typed)
     * @param readerIds the person ids of everyone who may see the site's data when it does not share them: its members
     *     and the members of its active buddy pair; facilitators may always see them and are not listed
     * @param summary the sentence that says what the chart's rules found; null when the site has no values
     * @param chart the chart as JSON, exactly as the collaborative's pages draw it ({@code {"analysis":…,"scale":…,
     *     "unit":…}}: the browser kit's {@code chartSvg} draws it), its centre line and limits starting again at the
     *     change points the site's team marked (its {@code analysis.segments} after the first); null when the site has
     *     no values
     */
    record SiteChart(String siteId, String site, boolean shared, List<String> memberIds, List<String> readerIds,
            String summary, String chart) {}

    /** The collaborative's common measures, by name. Never null. */
    List<Measure> common();

    /**
     * Every site of the collaborative with its chart of this common measure, by site name; a site with no values has
     * a null chart. Empty when the collaborative has no such common measure. Never null.
     */
    List<SiteChart> charts(String measureId);
}
