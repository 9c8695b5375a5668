package org.colearn.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A collaborative's data for tests of activities that show it: a common measure, a site's months, its sharing. */
public final class SiteData {

    private SiteData() {}

    /** A monthly proportion, higher is better, defined by the facilitator for every site; returns its id. */
    public static String commonMeasure(Api facilitator, String collaborative, String name) {
        Api.Reply made = facilitator.post("collaboratives/" + collaborative + "/measures", Map.of(
                "name", name, "definition", "Adults with suspected infection screened for sepsis within an hour of arrival",
                "kind", "proportion", "frequency", "monthly", "better", "up",
                "numeratorLabel", "Screened within an hour", "denominatorLabel", "Adults with suspected infection"));
        assertEquals(201, made.status(), made::toString);
        return made.json().path("id").asText();
    }

    /** A site's member enters its months from January 2026 on, each out of 40. */
    public static void months(Api member, String collaborative, String siteId, String measure, int... numerators) {
        List<Map<String, Object>> months = new ArrayList<>();
        for (int i = 0; i < numerators.length; i++) {
            months.add(Map.of("period", String.format("2026-%02d", i + 1), "numerator", numerators[i], "denominator", 40));
        }
        Api.Reply entered = member.post("collaboratives/" + collaborative + "/sites/" + siteId + "/measures/" + measure + "/values",
                Map.of("values", months));
        assertEquals(2, entered.status() / 100, entered::toString);
    }

    /** A site's member marks the period a change took hold: its chart's centre line and limits start again there. */
    public static void changePoint(Api member, String collaborative, String siteId, String measure, String period) {
        Api.Reply marked = member.put("collaboratives/" + collaborative + "/sites/" + siteId + "/measures/" + measure
                + "/chart/change-points", Map.of("periods", List.of(period)));
        assertEquals(200, marked.status(), marked::toString);
    }

    /** The site's lead shares its data with the whole collaborative. */
    public static void share(Api lead, String collaborative, String siteId) {
        Api.Reply shared = lead.put("collaboratives/" + collaborative + "/sites/" + siteId + "/data-sharing", Map.of("shared", true));
        assertEquals(200, shared.status(), shared::toString);
    }
}
