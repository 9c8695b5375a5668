package org.colearn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.Browser;
import org.colearn.server.testing.BrowserServer;
import org.colearn.server.testing.People;
import org.colearn.server.testing.SiteData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Data for improvement in a real Chromium: a nurse enters a month's values beside the measure's definition, sees the
 * chart redrawn with what the rules found in a sentence, its Making Data Count icons and the month in its data table,
 * and downloads the data as CSV; she chooses the run-chart rules and a shift of 8, flags an astronomical month, sees
 * the chart name what it applied, and downloads the picture as SVG and PNG; her team's abandoned PDSA cycle is on the
 * chart and becomes a failure story with one click; the measures page and the view across sites, whose small chart
 * opens the site's full chart with its rules, pass axe-core too; a weekly measure's baseline is asked by day; a rate's
 * funnel plot across three sites says in a sentence which lies beyond its Poisson limits and names only her own site
 * and the one that shares its data.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MeasuresBrowserIT {

    @RegisterExtension
    static final BrowserServer server = new BrowserServer();

    @Test
    void aNurseEntersAMonthAndSeesTheChartItsSentenceAndDataTableAndDownloadsTheCsv() {
        Api api = server.api();
        Api fiona = api.as(People.signUp(api, "Fiona Facilitator"));
        Api nadia = api.as(People.signUp(api, "Nadia Nurse"));
        String collaborative = People.collaborative(fiona, "Sepsis Collaborative");
        String ashford = People.site(fiona, collaborative, "Ashford", "trust");
        People.join(nadia, People.invitation(fiona, collaborative, "participant"), ashford, "nurse");
        Api.Reply defined = fiona.post("collaboratives/" + collaborative + "/measures", Map.of(
                "name", "Screening within one hour",
                "definition", "Adults with suspected infection screened for sepsis within one hour of arrival",
                "kind", "proportion", "frequency", "monthly", "better", "up",
                "numeratorLabel", "Screened within one hour", "denominatorLabel", "Adults with suspected infection",
                "goal", 95, "baseline", Map.of("from", "2025-01-01", "to", "2025-12-01")));
        String measure = defined.json().path("id").asText();
        List<Object> months = new ArrayList<>();
        int[] baseline = {20, 22, 18, 21, 19, 20, 23, 17, 20, 22, 18, 21};
        for (int m = 0; m < 12; m++) {
            months.add(Map.of("period", String.format("2025-%02d", m + 1), "numerator", baseline[m], "denominator", 40));
        }
        for (int m = 1; m <= 5; m++) {
            months.add(Map.of("period", String.format("2026-%02d", m), "numerator", 30, "denominator", 40));
        }
        String values = "collaboratives/" + collaborative + "/sites/" + ashford + "/measures/" + measure;
        assertEquals(200, nadia.post(values + "/values", Map.of("values", months)).status());
        Map<String, Object> cycle = new java.util.HashMap<>(Map.of(
                "changeIdea", "Sepsis trolley in majors", "plan", "Stock a trolley in majors for a week",
                "prediction", "Screening above 80%", "plannedOn", "2026-02-02", "measureId", measure,
                "done", "Trolley in majors for seven days", "doneOn", "2026-02-09",
                "study", "Screening rose to 70%: the trolley was emptied at night", "studiedOn", "2026-02-16"));
        cycle.put("act", "abandon");
        cycle.put("actedOn", "2026-02-20");
        assertEquals(201, nadia.post("collaboratives/" + collaborative + "/sites/" + ashford + "/pdsa", cycle).status());

        try (Browser browser = server.loggedIn("nadia.nurse@example.nhs.uk", "/collaboratives/" + collaborative + "/measures")) {
            browser.waitForHeading("Measures");
            browser.assertAccessible("the measures page");
            browser.press("Ashford: enter data and see the chart");
            browser.waitForHeading("Screening within one hour at Ashford");
            assertTrue(browser.mainText().contains("Adults with suspected infection screened for sepsis within one hour of arrival"),
                    "the definition is beside the form");
            browser.fillDate("Month", "2026-06");
            browser.fill("Screened within one hour", "31");
            browser.fill("Adults with suspected infection", "40");
            browser.press("Save the period");
            browser.waitForStatus("2026-06 is saved.");

            String summary = nadia.get(values + "/chart").json().path("analysis").path("summary").asText();
            assertTrue(!summary.isBlank());
            browser.waitForTextIn(By.cssSelector("figcaption .chart-summary"), summary);
            List<String> june = browser.waitForRow("Data of the chart (%)", "2026-06");
            assertEquals("31 of 40", june.get(1), june::toString);
            assertEquals("77.5%", june.get(2), june::toString);
            assertTrue(browser.texts(By.cssSelector("svg.improvement-chart .improvement-chart__legend text")).stream()
                    .anyMatch(t -> t.startsWith("Rules applied:")), "the chart names its rules");
            // June's 77.5% lies above the upper limit of 50% ± 3 √(0.25 / 40) set by 2025, and the goal of 95% above
            // that limit too: Making Data Count's blue H (improving, high) and orange F (the goal consistently missed).
            browser.waitForTextIn(By.cssSelector("figcaption .chart-icons"), "Making Data Count icons: variation, special cause,"
                    + " improving, high; assurance, the process will consistently miss the goal.");
            assertEquals(List.of("H", "F"), browser.texts(By.cssSelector("svg.improvement-chart .improvement-chart__icon text")),
                    "the chart carries the variation and assurance icons");
            browser.assertAccessible("the chart page after entering a month");

            browser.press("Download CSV");
            String csv = browser.waitForDownload("ashford-screening-within-one-hour.csv");
            assertTrue(csv.startsWith("period,numerator,denominator,value,centre,lower limit,upper limit,rules"), csv);
            assertTrue(csv.contains("\r\n2026-06,31,40,77.5,"), csv);

            browser.choose("Chart", "Run chart");
            browser.choose("A shift on a run chart is", "8 points in a row");
            browser.choose("Run-chart rules", "Anhøj’s rules");
            browser.press("Redraw the chart");
            browser.waitForStatus("The chart is redrawn.");
            browser.waitForTextIn(By.cssSelector("svg.improvement-chart .improvement-chart__legend"),
                    "Rules applied: Unusually long run, Unusually few crossings");
            browser.assertAccessible("the run chart with Anhøj's rules");
            browser.choose("Run-chart rules", "The classic rules (Perla, Provost & Murray)");
            browser.fill("Points the team judges astronomical (optional)", "2025-07");
            browser.press("Redraw the chart");
            browser.waitForTextIn(By.cssSelector("figcaption .chart-summary"), "An astronomical point in July 2025, flagged by the team");
            browser.waitForTextContent(By.cssSelector(".rules dl"), "8 or more points in a row on the same side of the median");

            browser.press("Download SVG");
            String svg = browser.waitForDownload("ashford-screening-within-one-hour.svg");
            assertTrue(svg.startsWith("<?xml") && svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
            assertTrue(svg.contains("Rules applied: Shift, Trend, Too few runs, Too many runs, Astronomical point"), svg);
            assertTrue(svg.contains("flagged by the team"), "the picture's description is the chart's sentence");
            browser.press("Download PNG");
            byte[] png = browser.waitForDownloadBytes("ashford-screening-within-one-hour.png");
            assertEquals("\u0089PNG", new String(png, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1), "a PNG file");
            assertEquals(1520, java.nio.ByteBuffer.wrap(png, 16, 4).getInt(), "drawn at twice the chart's 760 pixels");

            assertTrue(browser.texts(By.cssSelector("svg.improvement-chart .improvement-chart__pdsa text"))
                    .contains("PDSA: Sepsis trolley in majors"), "the PDSA cycle is on the chart where it happened");
            browser.press("This failed: write a failure story about Sepsis trolley in majors");
            browser.waitForHeading("Share a failure story");
            assertEquals("Sepsis trolley in majors: what did not work", browser.field("Title").getDomProperty("value"));
            assertEquals("Sepsis trolley in majors", browser.field("The change idea it concerns").getDomProperty("value"));
            assertTrue(browser.field("What happened").getDomProperty("value").contains("the trolley was emptied at night"));

            browser.visit(server.baseUrl() + "#/collaboratives/" + collaborative + "/measures/" + measure);
            browser.waitForHeading("Screening within one hour across sites");
            assertEquals(List.of("Ashford"), browser.texts(By.cssSelector(".small-multiples h3")));
            browser.assertAccessible("the view across sites");
            browser.waitFor(By.xpath("//summary[normalize-space()='Full chart and rules at Ashford']")).click();
            browser.waitForTextIn(By.cssSelector(".improvement-full-chart svg .improvement-chart__legend"), "Rules applied: Outside the limits");
            browser.assertAccessible("the view across sites with a site's full chart open");

            browser.visit(server.baseUrl() + "#/collaboratives/" + collaborative + "/measures");
            browser.waitForHeading("Measures");
            browser.fill("Name", "Door-to-needle time");
            browser.choose("Kind", "Measurement (a number per period)");
            browser.choose("How often", "Weekly");
            browser.fill("Operational definition", "Median minutes from arrival to antibiotics, per week");
            assertEquals("date", browser.field("Baseline from (optional)").getDomProperty("type"), "a weekly baseline starts on a day");
            browser.fillDate("Baseline from (optional)", "2026-01-05");
            browser.fillDate("Baseline to", "2026-03-30");
            browser.press("Define the measure");
            browser.waitForStatus("Door-to-needle time is defined.");
            assertTrue(nadia.get("collaboratives/" + collaborative + "/measures").json().findValues("baseline").stream()
                    .anyMatch(b -> "2026-01-05".equals(b.path("from").asText()) && "2026-03-30".equals(b.path("to").asText())),
                    "the weekly baseline is kept by its days");

            String falls = rateFunnelOfThreeSites(api, fiona, nadia, collaborative, ashford);
            browser.visit(server.baseUrl() + "#/collaboratives/" + collaborative + "/measures/" + falls);
            browser.waitForHeading("Inpatient falls across sites");
            String sentence = nadia.get("collaboratives/" + collaborative + "/measures/" + falls + "/overview").json()
                    .path("funnel").path("plot").path("summary").asText();
            assertTrue(sentence.startsWith("Overall 5.7 per 1000 bed days across 3 sites.")
                    && sentence.contains("Another site 1 lies above the 99.8% limit"), sentence);
            browser.waitForTextIn(By.xpath("//section[h2[starts-with(normalize-space(), 'Funnel plot, 2026-04')]]"
                    + "//figcaption[contains(@class, 'chart-summary')]"), sentence);
            assertEquals(List.of("Another site 1", "90", "9000", "10", "Above the 99.8% limit"),
                    browser.waitForRow("Sites on the funnel plot", "Another site 1"));
            browser.waitForRow("Sites on the funnel plot", "Ashford");
            browser.waitForRow("Sites on the funnel plot", "Canterbury");
            assertEquals(3, browser.rowCount("Sites on the funnel plot"));
            assertTrue(!browser.mainText().contains("Dover") && !String.valueOf(browser.waitFor(By.cssSelector(
                    "section[aria-labelledby='funnel-heading'] svg")).getDomProperty("textContent")).contains("Dover"),
                    "the funnel names only the reader's own site and those that share their data");
            browser.assertAccessible("the funnel plot of a rate across sites");
        }
    }

    /**
     * Days between cardiac arrests at Bromley: a nurse imports fifteen arrests from May 2025 to April 2026 from a CSV
     * file, checked first, whose day written in words is left out; she enters the two arrests of 4 May 2026 in the form's "Events that day", and the XmR chart's table
     * shows them 21 and 0 days after the last; she logs the outreach team's PDSA cycle, which the chart then shows, and
     * marks 26 February, when the team started, as the day from which the limits start again. Across sites the
     * facilitator chooses the run chart with Anhøj's rules, which every site's chart and the list of rules follow.
     * Each chart page passes axe-core.
     */
    @Test
    void aNurseEntersTwoArrestsOnOneDayMarksAChangeAndTheFacilitatorChoosesTheRulesAcrossSites() {
        Api api = server.api();
        Api fay = api.as(People.signUp(api, "Fay Facilitator"));
        Api rita = api.as(People.signUp(api, "Rita Resus"));
        String collaborative = People.collaborative(fay, "Deterioration Collaborative");
        String bromley = People.site(fay, collaborative, "Bromley", "trust");
        People.join(rita, People.invitation(fay, collaborative, "participant"), bromley, "nurse");
        Api.Reply defined = fay.post("collaboratives/" + collaborative + "/measures", Map.of(
                "name", "Days between cardiac arrests", "definition", "Cardiac arrests on adult wards outside critical care",
                "kind", "days_between", "frequency", "monthly", "better", "up"));
        assertEquals(201, defined.status(), defined::toString);
        String measure = defined.json().path("id").asText();
        String values = "collaboratives/" + collaborative + "/sites/" + bromley + "/measures/" + measure;

        try (Browser browser = server.loggedIn("rita.resus@example.nhs.uk",
                "/collaboratives/" + collaborative + "/sites/" + bromley + "/measures/" + measure)) {
            browser.waitForHeading("Days between cardiac arrests at Bromley");
            browser.fill("CSV of periods", String.join("\n", "period", "2025-05-20", "2025-06-09", "2025-07-04", "2025-07-22",
                    "2025-08-21", "2025-09-12", "2025-10-09", "2025-10-28", "2025-11-21", "2025-12-12", "2026-01-07", "2026-01-30",
                    "2026-02-27", "2026-03-19", "2026-04-13", "13 April"));
            browser.press("Check the file");
            browser.waitForStatus("15 rows are ready to import, 1 rejected. Nothing is saved yet.");
            assertEquals("Rejected", browser.waitForRow("Rows of the file", "17").get(2), "the day in words is refused");
            assertEquals(0, rita.get(values + "/values").json().path("values").size(), "checking saves nothing");
            browser.press("Import only the valid rows");
            browser.waitForText("15 periods imported, 1 rejected rows left out.");
            browser.waitForRow("Data of the chart (days)", "2026-04-13");
            browser.fillDate("Date of the event", "2026-05-04");
            browser.fill("Events that day (optional)", "2");
            browser.press("Save the period");
            browser.waitForStatus("2026-05-04 is saved.");
            By mayRows = By.xpath("//table[caption[normalize-space()='Data of the chart (days)']]/tbody/tr[th[normalize-space()='2026-05-04']]");
            browser.waitFor(mayRows);
            List<String> may = browser.texts(mayRows);
            assertEquals(2, may.size(), may::toString);
            assertTrue(may.get(0).contains("2 events") && may.get(0).contains("21 days"), may.get(0));
            assertTrue(may.get(1).contains("2 events") && may.get(1).contains("0 days"), "the second arrest that day is 0 days after the first: " + may.get(1));
            List<String> kept = new ArrayList<>();
            rita.get(values + "/values").json().path("values").forEach(v -> {
                if (v.path("period").asText().equals("2026-05-04")) {
                    kept.add(v.path("value").asText());
                }
            });
            assertEquals(List.of("2.0"), kept, "the day is kept as one period of 2 events, not as two periods");
            assertEquals("xmr", rita.get(values + "/chart").json().path("chart").asText());
            assertTrue(browser.waitForTextIn(By.cssSelector("figcaption .chart-icons"), "Making Data Count icons: variation, ")
                    .indexOf("assurance") < 0, "without a goal there is no assurance icon");
            assertEquals(1, browser.texts(By.cssSelector("svg.improvement-chart .improvement-chart__icon circle")).size());
            browser.assertAccessible("an XmR chart of days between events, with its icons");
            browser.script("document.querySelector('svg.improvement-chart').scrollIntoView({block: 'start'})");
            browser.screenshot("measures-days-between-xmr-chart");

            browser.fill("Change idea", "Outreach team review");
            browser.fillDate("Planned on", "2026-02-26");
            browser.fill("Plan: what you will try", "The outreach team reviews every patient with a NEWS2 of 5 or more");
            browser.fill("Prediction: what you expect to happen", "Fewer arrests on the wards");
            browser.press("Log the cycle");
            browser.waitForStatus("Outreach team review is in the PDSA log and on the chart.");
            assertTrue(browser.texts(By.cssSelector("svg.improvement-chart .improvement-chart__pdsa text"))
                    .contains("PDSA: Outreach team review"), "the cycle logged in the form is on the chart where it happened");

            browser.fillDate("Recalculate the limits from (optional)", "2026-02-26");
            browser.press("Redraw the chart");
            browser.waitForStatus("The chart is redrawn.");
            JsonNode marked = fay.get(values + "/chart").json();
            assertEquals("2026-02-26", marked.path("marked").get(0).asText(), "the team's change point is kept by its day");
            assertEquals("2026-02-27", marked.path("analysis").path("segments").get(1).path("from").asText(),
                    "the limits start again at the first arrest from the day marked");
            browser.assertAccessible("an XmR chart whose limits start again at a change point");
        }

        try (Browser browser = server.loggedIn("fay.facilitator@example.nhs.uk", "/collaboratives/" + collaborative + "/measures/" + measure)) {
            browser.waitForHeading("Days between cardiac arrests across sites");
            browser.choose("Chart", "Run chart");
            browser.choose("Run-chart rules", "Anhøj’s rules");
            browser.press("Redraw the charts");
            browser.waitForStatus("The charts are redrawn.");
            String rules = browser.waitForTextContent(By.xpath("//details[summary[normalize-space()="
                    + "'The rules these charts apply (Run chart)']]"), "Unusually few crossings");
            assertTrue(rules.contains("Unusually long run") && !rules.contains("Trend"), rules);
            String anhoj = fay.get("collaboratives/" + collaborative + "/measures/" + measure + "/overview?chart=run&runRules=anhoj")
                    .json().path("sites").get(0).path("small").path("summary").asText();
            browser.waitForTextIn(By.cssSelector(".small-multiples .chart-summary"), anhoj);
            browser.waitFor(By.xpath("//summary[normalize-space()='Full chart and rules at Bromley']")).click();
            browser.waitForTextIn(By.cssSelector(".improvement-full-chart svg .improvement-chart__legend"),
                    "Rules applied: Unusually long run, Unusually few crossings");
            browser.assertAccessible("the view across sites with the facilitator's choice of rules");
        }
    }

    /**
     * Falls per 1000 bed days at three sites over April to June 2026, 9000 bed days each: Ashford 27 falls, Canterbury
     * (which shares its data) 36 and Dover (which does not) 90; overall 153 in 27,000, 5.7 per 1000. Dover's 90 lies
     * far above the 99.8% Poisson limit, about 51 + 3.09 × √51 = 73 falls at 9000 bed days.
     */
    private static String rateFunnelOfThreeSites(Api api, Api fiona, Api nadia, String collaborative, String ashford) {
        Api.Reply defined = fiona.post("collaboratives/" + collaborative + "/measures", Map.of(
                "name", "Inpatient falls", "definition", "Falls of inpatients on adult wards, per 1000 occupied bed days",
                "kind", "rate", "frequency", "monthly", "better", "down",
                "numeratorLabel", "Falls", "denominatorLabel", "bed days", "perUnit", 1000));
        assertEquals(201, defined.status(), defined::toString);
        String falls = defined.json().path("id").asText();
        Map<String, int[]> sites = new java.util.LinkedHashMap<>();
        sites.put("Ashford", new int[] {9, 10, 8});
        sites.put("Canterbury", new int[] {12, 11, 13});
        sites.put("Dover", new int[] {30, 28, 32});
        for (Map.Entry<String, int[]> site : sites.entrySet()) {
            String siteId = site.getKey().equals("Ashford") ? ashford : People.site(fiona, collaborative, site.getKey(), "trust");
            Api member = nadia;
            if (!site.getKey().equals("Ashford")) {
                member = api.as(People.signUp(api, site.getKey() + " Lead"));
                People.join(member, People.invitation(fiona, collaborative, "site_lead"), siteId, "nurse");
            }
            List<Object> months = new ArrayList<>();
            for (int m = 0; m < 3; m++) {
                months.add(Map.of("period", String.format("2026-%02d", m + 4), "numerator", site.getValue()[m], "denominator", 3000));
            }
            Api.Reply entered = member.post("collaboratives/" + collaborative + "/sites/" + siteId + "/measures/" + falls + "/values",
                    Map.of("values", months));
            assertEquals(200, entered.status(), entered::toString);
            if (site.getKey().equals("Canterbury")) {
                SiteData.share(member, collaborative, siteId);
            }
        }
        return falls;
    }
}
