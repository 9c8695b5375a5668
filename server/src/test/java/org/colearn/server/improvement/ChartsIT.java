package org.colearn.server.improvement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ChartsIT {

    static TestServer server;
    static Sepsis sepsis;
    static String measure;

    /** Ashford: a year around 50%, then eight months at 75% after the sepsis trolley came in. */
    @BeforeAll
    static void setUp() {
        server = TestServer.start();
        sepsis = new Sepsis(server.api());
        Map<String, Object> body = Sepsis.proportion("Screening within one hour");
        body.put("baseline", Map.of("from", "2025-01-01", "to", "2025-12-01"));
        measure = sepsis.facilitator.post(sepsis.measures(), body).json().path("id").asText();
        List<Object> months = new ArrayList<>();
        int[] baseline = {20, 22, 18, 21, 19, 20, 23, 17, 20, 22, 18, 21};
        for (int m = 0; m < 12; m++) {
            months.add(Sepsis.month(String.format("2025-%02d", m + 1), baseline[m], 40));
        }
        for (int m = 1; m <= 8; m++) {
            if (m != 4) {
                months.add(Sepsis.month(String.format("2026-%02d", m), 30, 40));
            }
        }
        Api.Reply entered = sepsis.nurse.post(sepsis.values(sepsis.ashford, measure), Map.of("values", months));
        assertEquals(200, entered.status(), entered::toString);
        sepsis.dover.post(sepsis.values(sepsis.doverSite, measure), Sepsis.values(
                Sepsis.month("2026-06", 10, 40), Sepsis.month("2026-07", 12, 40), Sepsis.month("2026-08", 11, 40)));
        sepsis.nurse.post("collaboratives/" + sepsis.collaborative + "/sites/" + sepsis.ashford + "/pdsa", Map.of(
                "changeIdea", "Sepsis trolley in majors", "plan", "Stock a trolley", "prediction", "Screening above 70%",
                "plannedOn", "2025-12-15", "measureId", measure));
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    String chart(String query) {
        return "collaboratives/" + sepsis.collaborative + "/sites/" + sepsis.ashford + "/measures/" + measure + "/chart" + query;
    }

    @Test
    void aRunChartNamesTheShiftItFindsInASentenceWithTheMissingMonthLeftAGap() {
        Api.Reply reply = sepsis.nurse.get(chart("?chart=run"));
        assertEquals(200, reply.status(), reply::toString);
        JsonNode view = reply.json();
        assertEquals("run", view.path("chart").asText());
        assertEquals(100.0, view.path("scale").asDouble());
        JsonNode points = view.path("analysis").path("points");
        assertEquals(20, points.size(), "January 2025 to August 2026, April 2026 included");
        JsonNode april = points.get(15);
        assertEquals("2026-04-01", april.path("period").asText());
        assertTrue(april.path("value").isNull(), "a missing month is a gap, not a zero");
        String summary = view.path("analysis").path("summary").asText();
        assertTrue(summary.toLowerCase().contains("shift"), summary);
        List<String> rules = new ArrayList<>();
        view.path("analysis").path("rules").forEach(r -> rules.add(r.path("name").asText()));
        assertFalse(rules.isEmpty());
        assertEquals("Sepsis trolley in majors", view.path("annotations").get(0).path("changeIdea").asText());
        assertEquals(19, view.path("values").size());
    }

    @Test
    void aProportionGetsAPChartByDefaultWithLimitsAndAChoiceOfCharts() {
        JsonNode view = sepsis.facilitator.get(chart("")).json();
        assertEquals("p", view.path("chart").asText());
        assertEquals(List.of("run", "p", "p_prime"), texts(view.path("charts")));
        JsonNode first = view.path("analysis").path("points").get(0);
        assertTrue(first.path("upperLimit").asDouble() > first.path("centre").asDouble());
        assertEquals(0.5, first.path("centre").asDouble(), 0.01);
        assertEquals(0.95, view.path("analysis").path("goal").asDouble(), 1e-9);
    }

    @Test
    void limitsAreRecalculatedFromAChangePointTheTeamMarks() {
        JsonNode view = sepsis.nurse.get(chart("?changePoint=2026-01")).json();
        assertEquals(2, view.path("analysis").path("segments").size());
        assertEquals(List.of("2026-01"), texts(view.path("changePoints")));
        Api.Reply wrong = sepsis.nurse.get(chart("?changePoint=2026-01-15"));
        assertEquals(422, wrong.status());
        assertEquals("changePoint", wrong.json().path("errors").get(0).path("field").asText());
        Api.Reply badChart = sepsis.nurse.get(chart("?chart=u"));
        assertEquals(422, badChart.status());
        assertEquals("chart", badChart.json().path("errors").get(0).path("field").asText());
    }

    @Test
    void aChangePointTheTeamMarksIsKeptAndEveryReaderSeesTheLimitsStartAgainThere() {
        Api.Reply marked = sepsis.nurse.put(chart("/change-points"), Map.of("periods", List.of("2026-01")));
        assertEquals(200, marked.status(), marked::toString);
        try {
            JsonNode seen = sepsis.facilitator.get(chart("")).json();
            assertEquals(List.of("2026-01"), texts(seen.path("marked")));
            assertEquals(2, seen.path("analysis").path("segments").size());
            assertEquals("2026-01-01", seen.path("analysis").path("segments").get(1).path("from").asText());
            assertEquals(403, sepsis.facilitator.put(chart("/change-points"), Map.of("periods", List.of())).status(),
                    "only the site's own team marks its chart");
            Api.Reply wrong = sepsis.nurse.put(chart("/change-points"), Map.of("periods", List.of("January")));
            assertEquals("periods", wrong.json().path("errors").get(0).path("field").asText());
        } finally {
            sepsis.nurse.put(chart("/change-points"), Map.of("periods", List.of()));
        }
        assertEquals(1, sepsis.facilitator.get(chart("")).json().path("analysis").path("segments").size());
    }

    @Test
    void theChartDownloadsAsACsvOfItsDataTable() {
        Api.Reply csv = sepsis.nurse.get(chart(".csv?chart=run"));
        assertEquals(200, csv.status(), csv::toString);
        assertTrue(csv.header("Content-Disposition").contains("ashford-screening-within-one-hour.csv"));
        String[] lines = csv.text().split("\r\n");
        assertEquals("period,numerator,denominator,value,centre,lower limit,upper limit,rules", lines[0]);
        assertEquals("2025-01,20,40,50,50,,,", lines[1]);
        assertTrue(lines[16].startsWith("2026-04,,,,"), lines[16]);
        assertEquals(403, sepsis.dover.get(chart(".csv")).status());
    }

    @Test
    void theCollaborativeViewShowsOnlySitesTheReaderMaySeeAndTheFunnelNamesOnlySitesThatShareAndTheReadersOwn() {
        String overview = sepsis.measures() + "/" + measure + "/overview";
        JsonNode facilitator = sepsis.facilitator.get(overview).json();
        assertEquals(List.of("Ashford", "Dover"), names(facilitator.path("sites")));
        assertEquals(List.of("Another site 1", "Another site 2"), sortedIds(facilitator.path("funnel").path("plot").path("units")),
                "a funnel is shown to the whole collaborative: sites that do not share stay unnamed, even to a facilitator");
        assertEquals("proportion", facilitator.path("funnel").path("kind").asText());
        assertEquals("2026-06", facilitator.path("funnel").path("from").asText());

        JsonNode dover = sepsis.dover.get(overview).json();
        assertEquals(List.of("Dover"), names(dover.path("sites")));
        assertEquals(1, dover.path("hiddenSites").asInt());
        assertEquals(List.of("Another site 1", "Dover"), sortedIds(dover.path("funnel").path("plot").path("units")));
        assertEquals(3, dover.path("aggregate").path("points").size(), "the aggregate adds up only the sites Dover may see");

        sepsis.lead.put("collaboratives/" + sepsis.collaborative + "/sites/" + sepsis.ashford + "/data-sharing", Map.of("shared", true));
        try {
            JsonNode shared = sepsis.dover.get(overview).json();
            assertEquals(List.of("Ashford", "Dover"), names(shared.path("sites")));
            assertTrue(shared.path("sites").get(0).path("shared").asBoolean());
            assertEquals(List.of("Another site 1", "Ashford"),
                    sortedIds(sepsis.facilitator.get(overview).json().path("funnel").path("plot").path("units")));
        } finally {
            sepsis.lead.put("collaboratives/" + sepsis.collaborative + "/sites/" + sepsis.ashford + "/data-sharing", Map.of("shared", false));
        }
        assertEquals(404, sepsis.stranger.get(overview).status());
    }

    static List<String> texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        list.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.path("siteName").asText()));
        return names;
    }

    @Test
    void theReaderChoosesAnhojsRulesOrTheClassicOnesWithAShiftOfEightAndTheChartNamesWhatItApplied() {
        JsonNode anhoj = sepsis.facilitator.get(chart("?chart=run&runRules=anhoj")).json();
        assertEquals(List.of("LONGEST_RUN", "FEW_CROSSINGS"), ids(anhoj.path("analysis").path("rules")));
        assertEquals("anhoj", anhoj.path("ruleChoice").path("runRules").asText());
        JsonNode classic = sepsis.facilitator.get(chart("?chart=run&runRules=classic&runShift=8")).json();
        assertEquals(List.of("SHIFT", "TREND", "TOO_FEW_RUNS", "TOO_MANY_RUNS", "ASTRONOMICAL_POINT"),
                ids(classic.path("analysis").path("rules")));
        String shift = classic.path("analysis").path("rules").get(0).path("definition").asText();
        assertTrue(shift.startsWith("8 or more points in a row"), shift);
        assertEquals(8, classic.path("ruleChoice").path("runShift").asInt());
        JsonNode both = sepsis.facilitator.get(chart("?chart=run")).json();
        assertEquals("both", both.path("ruleChoice").path("runRules").asText());
        assertEquals(7, both.path("analysis").path("rules").size());

        Api.Reply wrong = sepsis.facilitator.get(chart("?chart=run&runRules=western-electric&runShift=7"));
        assertEquals(422, wrong.status(), wrong::toString);
        List<String> fields = new ArrayList<>();
        wrong.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertEquals(List.of("runShift", "runRules"), fields);
    }

    @Test
    void aMonthTheTeamFlagsIsAnAstronomicalPointOnTheRunChartAndSaysSo() {
        JsonNode plain = sepsis.nurse.get(chart("?chart=run&runRules=classic")).json();
        assertFalse(signalsOf(plain, "ASTRONOMICAL_POINT").contains("2025-07-01"),
                "July's 23 of 40 is within what an individuals chart allows");
        JsonNode flagged = sepsis.nurse.get(chart("?chart=run&runRules=classic&astronomical=2025-07")).json();
        assertEquals(List.of("2025-07"), texts(flagged.path("ruleChoice").path("astronomical")));
        assertTrue(signalsOf(flagged, "ASTRONOMICAL_POINT").contains("2025-07-01"), flagged.path("analysis").toString());
        assertTrue(flagged.path("analysis").path("summary").asText().contains("flagged by the team"),
                flagged.path("analysis").path("summary").asText());
        Api.Reply wrong = sepsis.nurse.get(chart("?chart=run&astronomical=July"));
        assertEquals(422, wrong.status());
        assertEquals("astronomical", wrong.json().path("errors").get(0).path("field").asText());
    }

    @Test
    void theViewAcrossSitesGivesEachSiteOnlyWhatItsSmallChartDrawsAndTheFullChartStaysTheSites() {
        JsonNode overview = sepsis.facilitator.get("collaboratives/" + sepsis.collaborative + "/measures/" + measure
                + "/overview?chart=run").json();
        JsonNode ashford = overview.path("sites").get(0);
        assertEquals("Ashford", ashford.path("siteName").asText());
        assertFalse(ashford.has("analysis"), "no full chart per site");
        JsonNode small = ashford.path("small");
        assertEquals(20, small.path("periods").size());
        assertEquals(20, small.path("values").size());
        assertEquals(20, small.path("centre").size());
        assertEquals(20, small.path("variation").asText().length());
        assertEquals("2026-04-01", small.path("periods").get(15).asText());
        assertTrue(small.path("values").get(15).isNull(), "a missing month stays a gap");
        assertEquals(0.5, small.path("centre").get(0).asDouble(), 1e-9);
        assertEquals('-', small.path("variation").asText().charAt(15));
        JsonNode full = sepsis.facilitator.get(chart("?chart=run")).json();
        assertEquals(full.path("analysis").path("summary").asText(), small.path("summary").asText());
        List<String> fullShift = new ArrayList<>();
        full.path("analysis").path("signals").forEach(s -> fullShift.add(s.path("rule").asText()));
        List<String> smallShift = new ArrayList<>();
        small.path("signals").forEach(s -> smallShift.add(s.path("rule").asText()));
        assertEquals(fullShift, smallShift);
        int shift = smallShift.indexOf("SHIFT");
        assertTrue(shift >= 0, smallShift::toString);
        int first = small.path("signals").get(shift).path("points").get(0).asInt();
        assertEquals(full.path("analysis").path("signals").get(shift).path("periods").get(0).asText(),
                small.path("periods").get(first).asText());
        assertTrue(Character.isUpperCase(small.path("variation").asText().charAt(first)), "a flagged point is upper case");
    }

    @Test
    void theViewAcrossSitesAppliesTheRuleVariantsTheFacilitatorChoosesToEveryChartAndNamesThem() {
        String overview = sepsis.measures() + "/" + measure + "/overview";
        JsonNode usual = sepsis.facilitator.get(overview + "?chart=run").json();
        assertEquals(6, usual.path("ruleChoice").path("runShift").asInt());
        assertEquals("both", usual.path("ruleChoice").path("runRules").asText());
        assertEquals(7, usual.path("rules").size());
        assertTrue(smallRules(usual.path("sites").get(0)).contains("SHIFT"), usual.path("sites").get(0).toString());

        JsonNode anhoj = sepsis.facilitator.get(overview + "?chart=run&runRules=anhoj").json();
        assertEquals("anhoj", anhoj.path("ruleChoice").path("runRules").asText());
        assertEquals(List.of("LONGEST_RUN", "FEW_CROSSINGS"), ids(anhoj.path("rules")), "the view names the rules it applied");
        assertEquals(List.of("LONGEST_RUN", "FEW_CROSSINGS"), ids(anhoj.path("aggregate").path("rules")));
        for (JsonNode site : anhoj.path("sites")) {
            assertFalse(smallRules(site).contains("SHIFT"), site.toString());
        }
        String full = sepsis.facilitator.get(chart("?chart=run&runRules=anhoj")).json().path("analysis").path("summary").asText();
        assertEquals(full, anhoj.path("sites").get(0).path("small").path("summary").asText(),
                "Ashford's small chart says what its full chart with the same rules says");

        JsonNode eight = sepsis.facilitator.get(overview + "?chart=run&runRules=classic&runShift=8").json();
        assertEquals(8, eight.path("ruleChoice").path("runShift").asInt());
        String shift = eight.path("rules").get(0).path("definition").asText();
        assertTrue(shift.startsWith("8 or more points in a row"), shift);
        assertEquals(List.of("run", "p", "p_prime"), texts(eight.path("charts")));

        Api.Reply wrong = sepsis.facilitator.get(overview + "?chart=run&runShift=7");
        assertEquals(422, wrong.status(), wrong::toString);
        assertEquals("runShift", wrong.json().path("errors").get(0).path("field").asText());
    }

    static List<String> smallRules(JsonNode site) {
        List<String> rules = new ArrayList<>();
        site.path("small").path("signals").forEach(s -> rules.add(s.path("rule").asText()));
        return rules;
    }

    @Test
    void eachSitesSmallChartStartsAgainAtTheChangePointItsTeamMarked() {
        String overview = sepsis.measures() + "/" + measure + "/overview";
        assertEquals(List.of(0), ints(sepsis.facilitator.get(overview).json().path("sites").get(0).path("small").path("segmentStarts")));
        assertEquals(200, sepsis.nurse.put(chart("/change-points"), Map.of("periods", List.of("2026-01"))).status());
        try {
            JsonNode sites = sepsis.facilitator.get(overview).json().path("sites");
            assertEquals(List.of(0, 12), ints(sites.get(0).path("small").path("segmentStarts")), "Ashford starts again in January 2026");
            assertEquals(0.75, sites.get(0).path("small").path("centre").get(19).asDouble(), 1e-9);
            assertEquals(List.of(0), ints(sites.get(1).path("small").path("segmentStarts")), "Dover marked nothing");
        } finally {
            sepsis.nurse.put(chart("/change-points"), Map.of("periods", List.of()));
        }
    }

    @Test
    void aRateGetsAFunnelWithPoissonLimitsThatNamesOnlySitesThatShare() {
        Map<String, Object> falls = new java.util.HashMap<>(Map.of(
                "name", "Inpatient falls", "definition", "Falls of inpatients on adult wards, per 1000 occupied bed days",
                "kind", "rate", "frequency", "monthly", "better", "down",
                "numeratorLabel", "Falls", "denominatorLabel", "bed days", "perUnit", 1000));
        Api.Reply defined = sepsis.facilitator.post(sepsis.measures(), falls);
        assertEquals(201, defined.status(), defined::toString);
        String rate = defined.json().path("id").asText();
        sepsis.nurse.post(sepsis.values(sepsis.ashford, rate), Sepsis.values(
                Sepsis.month("2026-06", 9, 3000), Sepsis.month("2026-07", 10, 3100), Sepsis.month("2026-08", 8, 2900)));
        sepsis.dover.post(sepsis.values(sepsis.doverSite, rate), Sepsis.values(
                Sepsis.month("2026-06", 30, 3000), Sepsis.month("2026-07", 28, 3000), Sepsis.month("2026-08", 32, 3000)));

        JsonNode funnel = sepsis.dover.get(sepsis.measures() + "/" + rate + "/overview").json().path("funnel");
        assertEquals("rate", funnel.path("kind").asText());
        assertEquals(117.0 / 18000, funnel.path("plot").path("overall").asDouble(), 1e-12);
        assertEquals(List.of("Another site 1", "Dover"), sortedIds(funnel.path("plot").path("units")));
        String summary = funnel.path("plot").path("summary").asText();
        assertTrue(summary.startsWith("Overall 6.5 per 1000 bed days across 2 sites."), summary);
        assertTrue(summary.contains("Dover lies above the 99.8% limit (10 per 1000 bed days), worse than the others"), summary);
    }

    @Test
    void twoEventsOnOneDayAreZeroDaysApartOnTheChartItsTableAndItsCsv() {
        Map<String, Object> arrests = new java.util.HashMap<>(Map.of(
                "name", "Days between cardiac arrests", "definition", "Cardiac arrests on adult wards outside critical care",
                "kind", "days_between", "frequency", "monthly", "better", "up"));
        Api.Reply defined = sepsis.facilitator.post(sepsis.measures(), arrests);
        assertEquals(201, defined.status(), defined::toString);
        String days = defined.json().path("id").asText();
        Api.Reply entered = sepsis.nurse.post(sepsis.values(sepsis.ashford, days), Sepsis.values(
                Map.of("period", "2026-03-01"), Map.of("period", "2026-03-11", "value", 2), Map.of("period", "2026-03-31")));
        assertEquals(200, entered.status(), entered::toString);
        Api.Reply none = sepsis.nurse.post(sepsis.values(sepsis.ashford, days), Sepsis.values(Map.of("period", "2026-04-02", "value", 0)));
        assertEquals(422, none.status(), none::toString);
        assertEquals("values[0].value", none.json().path("errors").get(0).path("field").asText());

        String chart = "collaboratives/" + sepsis.collaborative + "/sites/" + sepsis.ashford + "/measures/" + days + "/chart";
        for (String type : List.of("?chart=xmr", "?chart=run")) {
            Api.Reply reply = sepsis.nurse.get(chart + type);
            assertEquals(200, reply.status(), reply::toString);
            JsonNode points = reply.json().path("analysis").path("points");
            List<String> shown = new ArrayList<>();
            points.forEach(p -> shown.add(p.path("period").asText() + " " + p.path("value").asText()));
            assertEquals(List.of("2026-03-11 10.0", "2026-03-11 0.0", "2026-03-31 20.0"), shown, type);
            assertEquals(10.0, reply.json().path("analysis").path("segments").get(0).path("centre").asDouble(), 1e-9,
                    "the same-day event counts as 0 days, not as a gap: mean (10 + 0 + 20) / 3, median 10");
        }
        JsonNode xmr = sepsis.nurse.get(chart + "?chart=xmr").json().path("analysis").path("points");
        assertTrue(xmr.get(1).path("upperLimit").isNumber(), xmr::toString);
        String csv = sepsis.nurse.get(chart + ".csv?chart=xmr").text();
        assertTrue(csv.contains("\n2026-03-11,,,0,"), csv);
    }

    static List<Integer> ints(JsonNode list) {
        List<Integer> ints = new ArrayList<>();
        list.forEach(n -> ints.add(n.asInt()));
        return ints;
    }

    static List<String> signalsOf(JsonNode view, String rule) {
        List<String> periods = new ArrayList<>();
        view.path("analysis").path("signals").forEach(s -> {
            if (s.path("rule").asText().equals(rule)) {
                s.path("periods").forEach(p -> periods.add(p.asText()));
            }
        });
        return periods;
    }

    static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    static List<String> sortedIds(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.path("id").asText()));
        ids.sort(null);
        return ids;
    }
}
