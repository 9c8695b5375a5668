package org.colearn.plugin.datareview;

import java.util.ArrayList;
import java.util.List;
import org.colearn.plugin.api.Measures;

/** A collaborative's measures as a test gives them: one common measure and the sites' charts of it. */
final class InMemoryMeasures implements Measures {

    static final String MEASURE_ID = "m-sepsis";
    static final String CHART = "{\"analysis\":{\"points\":[],\"rules\":[],\"signals\":[],\"summary\":\"No signal.\"},\"scale\":100,\"unit\":\"%\"}";

    private final List<SiteChart> sites = new ArrayList<>();
    int reads;

    /** A site with values: its members, and the members of its buddy pair, who may also read it. */
    InMemoryMeasures site(String name, boolean shared, List<String> memberIds, List<String> pairIds) {
        List<String> readers = new ArrayList<>(memberIds);
        readers.addAll(pairIds);
        sites.add(new SiteChart("s-" + name.toLowerCase(java.util.Locale.ROOT), name, shared, memberIds, readers,
                "A shift at " + name + ".", CHART.replace("No signal.", "A shift at " + name + ".")));
        return this;
    }

    /** A site of the collaborative with no values for the measure. */
    InMemoryMeasures siteWithoutValues(String name, List<String> memberIds) {
        sites.add(new SiteChart("s-" + name.toLowerCase(java.util.Locale.ROOT), name, false, memberIds, memberIds, null, null));
        return this;
    }

    @Override
    public List<Measure> common() {
        return List.of(new Measure(MEASURE_ID, "Sepsis screening within an hour", "Adults screened within an hour of arrival", "proportion"));
    }

    @Override
    public List<SiteChart> charts(String measureId) {
        reads++;
        return MEASURE_ID.equals(measureId) ? List.copyOf(sites) : List.of();
    }
}
