package org.colearn.plugin.datareview;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.colearn.plugin.api.Measures.SiteChart;
import org.colearn.plugin.api.Participant;

/**
 * Who may see each site's chart and who belongs to which site, as the collaborative said when the charts were read:
 * everyone sees a site that shares its data; otherwise only its readers (its members and its buddy pair's) and the
 * facilitators. A site is known by its members' person ids, never by the site a person typed.
 */
final class Readers {

    private final Map<String, SiteChart> charts = new HashMap<>();
    private final Map<String, Set<String>> readers = new HashMap<>();
    private final Map<String, String> siteOfMember = new HashMap<>();

    Readers(List<SiteChart> sites) {
        for (SiteChart site : sites) {
            charts.put(site.siteId(), site);
            readers.put(site.siteId(), Set.copyOf(site.readerIds()));
            site.memberIds().forEach(id -> siteOfMember.put(id, site.siteId()));
        }
    }

    /** The chart of a site, or null when the collaborative has none for it (any more). */
    SiteChart chart(String siteId) {
        return charts.get(siteId);
    }

    boolean mayRead(Participant viewer, String siteId) {
        SiteChart chart = charts.get(siteId);
        return viewer.facilitator() || chart != null && (chart.shared() || readers.get(siteId).contains(viewer.personId()));
    }

    /** The id of the site the person is a member of; null for facilitators of no site and guests. */
    String siteOf(Participant person) {
        return siteOfMember.get(person.personId());
    }

    String siteName(String siteId) {
        SiteChart chart = charts.get(siteId);
        return chart == null ? "a site" : chart.site();
    }
}
