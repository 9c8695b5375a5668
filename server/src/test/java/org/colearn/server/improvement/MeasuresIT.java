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
class MeasuresIT {

    static TestServer server;
    static Sepsis sepsis;

    @BeforeAll
    static void setUp() {
        server = TestServer.start();
        sepsis = new Sepsis(server.api());
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    @Test
    void facilitatorDefinesAMeasureThatEveryMemberReadsWithItsDefinition() {
        String id = sepsis.screening("Sepsis screening within one hour");
        JsonNode seen = find(sepsis.dover.get(sepsis.measures()).json(), id);
        assertEquals("Sepsis screening within one hour", seen.path("name").asText());
        assertEquals("proportion", seen.path("kind").asText());
        assertEquals("Screened within one hour", seen.path("numeratorLabel").asText());
        assertEquals("2026-01", seen.path("baseline").path("from").asText());
        assertEquals(95.0, seen.path("goal").asDouble());
    }

    @Test
    void aProportionWithoutItsDenominatorIsRefusedNamingTheField() {
        Map<String, Object> body = Sepsis.proportion("No denominator");
        body.remove("denominatorLabel");
        Api.Reply reply = sepsis.facilitator.post(sepsis.measures(), body);
        assertEquals(422, reply.status(), reply::toString);
        assertEquals("denominatorLabel", reply.json().path("errors").get(0).path("field").asText());

        Map<String, Object> wrongKind = Sepsis.proportion("Wrong kind");
        wrongKind.put("kind", "percentage");
        Api.Reply unknown = sepsis.facilitator.post(sepsis.measures(), wrongKind);
        assertEquals(400, unknown.status(), unknown::toString);
        assertEquals("kind", unknown.json().path("errors").get(0).path("field").asText());

        Map<String, Object> baseline = Sepsis.proportion("Backwards baseline");
        baseline.put("baseline", Map.of("from", "2026-06-01", "to", "2026-01-01"));
        Api.Reply backwards = sepsis.facilitator.post(sepsis.measures(), baseline);
        assertEquals(422, backwards.status());
        assertEquals("baseline.to", backwards.json().path("errors").get(0).path("field").asText());

        Api.Reply twoLines = sepsis.facilitator.post(sepsis.measures(), Sepsis.proportion("Screening\nwithin one hour"));
        assertEquals(400, twoLines.status(), twoLines::toString);
        assertEquals("invalid_value", twoLines.code());
        assertEquals("name", twoLines.json().path("errors").get(0).path("field").asText(), "a measure's name is one line");
    }

    @Test
    void onlyFacilitatorsDefineCommonMeasuresAndOnlyASitesOwnMembersAddItsMeasures() {
        Api.Reply participant = sepsis.nurse.post(sepsis.measures(), Sepsis.proportion("A nurse's common measure"));
        assertEquals(403, participant.status());
        assertEquals("facilitator_only", participant.code());

        Map<String, Object> ashfordOwn = Sepsis.proportion("Ashford lactate within one hour");
        ashfordOwn.put("siteId", sepsis.ashford);
        Api.Reply fromDover = sepsis.dover.post(sepsis.measures(), ashfordOwn);
        assertEquals(403, fromDover.status());
        assertEquals("own_site_only", fromDover.code());

        Api.Reply fromAshford = sepsis.nurse.post(sepsis.measures(), ashfordOwn);
        assertEquals(201, fromAshford.status(), fromAshford::toString);
        String id = fromAshford.json().path("id").asText();
        assertEquals(sepsis.ashford, fromAshford.json().path("siteId").asText());
        assertTrue(names(sepsis.facilitator.get(sepsis.measures()).json()).contains("Ashford lactate within one hour"));
        assertFalse(names(sepsis.dover.get(sepsis.measures()).json()).contains("Ashford lactate within one hour"),
                "Dover sees nothing of Ashford's own measures while Ashford does not share its data");
        assertEquals(404, sepsis.dover.get(sepsis.measures() + "/" + id).status());
    }

    @Test
    void aMonthEnteredByTheFormIsCorrectedAndTheHistorySaysWhoChangedWhatAndWhen() {
        String measure = sepsis.screening("Screening, corrected");
        String values = sepsis.values(sepsis.ashford, measure);
        Api.Reply first = sepsis.nurse.post(values, Sepsis.values(Sepsis.month("2026-03", 30, 40)));
        assertEquals(200, first.status(), first::toString);
        assertEquals(1, first.json().path("added").asInt());
        assertEquals(75.0, first.json().path("values").get(0).path("plotted").asDouble(), 1e-9);

        server.clock().advance(java.time.Duration.ofMinutes(5));
        Api.Reply again = sepsis.lead.post(values, Sepsis.values(Sepsis.month("2026-03", 30, 40)));
        assertEquals(1, again.json().path("unchanged").asInt());
        Api.Reply corrected = sepsis.lead.post(values, Sepsis.values(Sepsis.month("2026-03", 32, 40)));
        assertEquals(1, corrected.json().path("corrected").asInt());

        JsonNode history = sepsis.nurse.get(values + "/history").json();
        assertEquals(2, history.size(), history::toString);
        assertEquals("Lee Lead", history.get(0).path("changedBy").asText());
        assertEquals(32.0, history.get(0).path("numerator").asDouble());
        assertEquals("Nadia Nurse", history.get(1).path("changedBy").asText());
        assertEquals(30.0, history.get(1).path("numerator").asDouble());
        assertEquals("form", history.get(1).path("source").asText());

        assertEquals(5, java.time.Duration.between(java.time.Instant.parse(history.get(1).path("changedAt").asText()),
                java.time.Instant.parse(history.get(0).path("changedAt").asText())).toMinutes());
        server.clock().advance(java.time.Duration.ofMinutes(5));
        assertEquals(204, sepsis.lead.delete(values + "/2026-03").status());
        assertEquals(0, sepsis.nurse.get(values).json().path("values").size());
        JsonNode afterRemoval = sepsis.nurse.get(values + "/history").json();
        assertEquals(3, afterRemoval.size());
        assertTrue(afterRemoval.get(0).path("removed").asBoolean());
    }

    @Test
    void missingMonthsStayMissingAndAreNeverZero() {
        String measure = sepsis.screening("Screening with a gap");
        String values = sepsis.values(sepsis.ashford, measure);
        sepsis.nurse.post(values, Sepsis.values(Sepsis.month("2026-01", 20, 40), Sepsis.month("2026-03", 25, 40)));
        assertEquals(403, sepsis.dover.get(values).status(), "Dover may not read Ashford's values");
        JsonNode listed = sepsis.facilitator.get(values).json().path("values");
        assertEquals(List.of("2026-01", "2026-03"), periods(listed));
    }

    @Test
    void badValuesAreRefusedNamingThePeriodAndFieldAndNothingIsWritten() {
        String measure = sepsis.screening("Screening, bad values");
        String values = sepsis.values(sepsis.ashford, measure);
        Api.Reply reply = sepsis.nurse.post(values, Sepsis.values(
                Sepsis.month("2026-04", 10, 20),
                Sepsis.month("2026-05", 30, 20),
                Map.of("period", "2026-06-15", "numerator", 1, "denominator", 2)));
        assertEquals(422, reply.status(), reply::toString);
        List<String> fields = new ArrayList<>();
        reply.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertEquals(List.of("values[1].numerator", "values[2].period"), fields);
        assertEquals(0, sepsis.nurse.get(values).json().path("values").size());

        Api.Reply zero = sepsis.nurse.post(values, Sepsis.values(Sepsis.month("2026-04", 0, 0)));
        assertEquals("values[0].denominator", zero.json().path("errors").get(0).path("field").asText());
    }

    @Test
    void onlyTheSitesOwnMembersEnterItsValues() {
        String measure = sepsis.screening("Screening, entered by whom");
        Api.Reply fromDover = sepsis.dover.post(sepsis.values(sepsis.ashford, measure), Sepsis.values(Sepsis.month("2026-01", 1, 2)));
        assertEquals(403, fromDover.status());
        assertEquals("own_site_only", fromDover.code());
        Api.Reply fromFacilitator = sepsis.facilitator.post(sepsis.values(sepsis.ashford, measure), Sepsis.values(Sepsis.month("2026-01", 1, 2)));
        assertEquals(403, fromFacilitator.status());
    }

    @Test
    void aCsvFileIsCheckedFirstThenItsValidRowsAreImported() {
        String measure = sepsis.screening("Screening from a spreadsheet");
        String values = sepsis.values(sepsis.ashford, measure);
        String csv = "period,numerator,denominator\n2026-01,20,40\n2026-02,22,40\n2026-03,50,40\n2026-04,,40\n2026-02,1,2\n";
        Api.Reply check = sepsis.nurse.send("POST", values + "/import?dryRun=true", "text/csv", csv);
        assertEquals(200, check.status(), check::toString);
        assertEquals(3, check.json().path("rejected").asInt());
        assertEquals("would_import", check.json().path("rows").get(0).path("status").asText());
        assertTrue(check.json().path("rows").get(2).path("problems").get(0).asText().contains("numerator must not be more than the denominator"));
        assertTrue(check.json().path("rows").get(4).path("problems").get(0).asText().contains("appears twice"));

        Api.Reply all = sepsis.nurse.send("POST", values + "/import", "text/csv", csv);
        assertEquals(422, all.status());
        assertEquals("csv_rows_rejected", all.code());
        assertEquals(0, sepsis.nurse.get(values).json().path("values").size());

        Api.Reply valid = sepsis.nurse.send("POST", values + "/import?skipInvalid=true", "text/csv", csv);
        assertEquals(2, valid.json().path("imported").asInt(), valid::toString);
        assertEquals(List.of("2026-01", "2026-02"), periods(sepsis.nurse.get(values).json().path("values")));
        assertEquals("csv", sepsis.nurse.get(values + "/history").json().get(0).path("source").asText());

        Api.Reply noColumn = sepsis.nurse.send("POST", values + "/import", "text/csv", "month,numerator\n2026-01,1\n");
        assertEquals(400, noColumn.status());
        assertEquals("csv_missing_columns", noColumn.code());
    }

    @Test
    void aSitesDataTokenSendsItsValuesUntilTheLeadRevokesIt() {
        String measure = sepsis.screening("Screening from the hospital's systems");
        String tokens = "collaboratives/" + sepsis.collaborative + "/sites/" + sepsis.ashford + "/data-tokens";
        assertEquals(403, sepsis.nurse.post(tokens, Map.of("label", "EPR feed")).status(), "a participant issues no tokens");
        Api.Reply created = sepsis.lead.post(tokens, Map.of("label", "EPR feed"));
        assertEquals(201, created.status(), created::toString);
        String secret = created.json().path("secret").asText();
        assertTrue(secret.startsWith("cdt_"));
        Api system = server.api().as(secret);

        Api.Reply listed = system.get("site-data/measures");
        assertEquals(200, listed.status(), listed::toString);
        assertTrue(names(listed.json()).contains("Screening from the hospital's systems"));
        Api.Reply sent = system.post("site-data/measures/" + measure + "/values", Sepsis.values(Sepsis.month("2026-05", 33, 40)));
        assertEquals(200, sent.status(), sent::toString);
        JsonNode history = sepsis.nurse.get(sepsis.values(sepsis.ashford, measure) + "/history").json();
        assertEquals("api", history.get(0).path("source").asText());
        assertEquals("data token EPR feed", history.get(0).path("changedBy").asText());
        assertEquals(401, system.get("collaboratives").status(), "a data token is no person's login");

        Map<String, Object> doverOwn = Sepsis.proportion("Dover's own screening");
        doverOwn.put("siteId", sepsis.doverSite);
        String doverMeasure = sepsis.dover.post(sepsis.measures(), doverOwn).json().path("id").asText();
        assertEquals(404, system.post("site-data/measures/" + doverMeasure + "/values", Sepsis.values(Sepsis.month("2026-05", 1, 2))).status());

        String tokenId = created.json().path("token").path("id").asText();
        assertEquals(200, sepsis.lead.delete(tokens + "/" + tokenId).status());
        Api.Reply revoked = system.post("site-data/measures/" + measure + "/values", Sepsis.values(Sepsis.month("2026-06", 33, 40)));
        assertEquals(401, revoked.status());
        assertEquals("data_token_invalid", revoked.code());
    }

    @Test
    void anotherSitesMembersSeeItsDataOnlyOnceItsLeadSharesThem() {
        String measure = sepsis.screening("Screening, shared later");
        String values = sepsis.values(sepsis.ashford, measure);
        sepsis.nurse.post(values, Sepsis.values(Sepsis.month("2026-01", 20, 40)));
        assertEquals("site_data_private", sepsis.dover.get(values).code());
        String sharing = "collaboratives/" + sepsis.collaborative + "/sites/" + sepsis.ashford + "/data-sharing";
        assertEquals(403, sepsis.nurse.put(sharing, Map.of("shared", true)).status(), "only the lead shares");
        assertEquals(200, sepsis.lead.put(sharing, Map.of("shared", true)).status());
        assertEquals(200, sepsis.dover.get(values).status());
        assertEquals(403, sepsis.dover.post(values, Sepsis.values(Sepsis.month("2026-02", 1, 2))).status(), "shared is not writable");
        sepsis.lead.put(sharing, Map.of("shared", false));
        assertEquals(403, sepsis.dover.get(values).status());
    }

    @Test
    void someoneFromAnotherCollaborativeSeesNothingOfItsMeasuresOrData() {
        String measure = sepsis.screening("Screening, hidden from strangers");
        for (String path : List.of(sepsis.measures(), sepsis.measures() + "/" + measure, sepsis.values(sepsis.ashford, measure),
                sepsis.values(sepsis.ashford, measure) + "/history",
                "collaboratives/" + sepsis.collaborative + "/sites/" + sepsis.ashford + "/pdsa")) {
            Api.Reply reply = sepsis.stranger.get(path);
            assertEquals(404, reply.status(), path);
            assertEquals("collaborative_not_found", reply.code(), path);
        }
        assertEquals(404, sepsis.stranger.post(sepsis.values(sepsis.ashford, measure), Sepsis.values(Sepsis.month("2026-01", 1, 2))).status());
    }

    @Test
    void aPdsaCycleIsLoggedThroughItsStagesAndEachStageNeedsItsDate() {
        String measure = sepsis.screening("Screening with PDSA");
        String pdsa = "collaboratives/" + sepsis.collaborative + "/sites/" + sepsis.ashford + "/pdsa";
        Map<String, Object> plan = new java.util.HashMap<>(Map.of(
                "changeIdea", "Sepsis trolley in majors",
                "plan", "Stock a trolley with blood culture bottles and antibiotics for one week",
                "prediction", "Screening within one hour rises above 80%",
                "plannedOn", "2026-03-02",
                "measureId", measure));
        Api.Reply created = sepsis.nurse.post(pdsa, plan);
        assertEquals(201, created.status(), created::toString);
        String id = created.json().path("id").asText();

        plan.put("done", "Trolley in majors for seven days");
        Api.Reply noDate = sepsis.nurse.put(pdsa + "/" + id, plan);
        assertEquals(422, noDate.status());
        assertEquals("doneOn", noDate.json().path("errors").get(0).path("field").asText());

        plan.put("doneOn", "2026-03-09");
        plan.put("study", "Screening rose to 70%, not 80%: the trolley was emptied at night");
        plan.put("studiedOn", "2026-03-16");
        plan.put("act", "abandon");
        plan.put("actedOn", "2026-03-20");
        Api.Reply acted = sepsis.nurse.put(pdsa + "/" + id, plan);
        assertEquals(200, acted.status(), acted::toString);
        JsonNode listed = sepsis.facilitator.get(pdsa).json();
        assertEquals("abandon", listed.get(0).path("act").asText());
        assertEquals("2026-03-09", listed.get(0).path("doneOn").asText());
        assertEquals(403, sepsis.dover.post(pdsa, plan).status());
    }

    @Test
    void aLineBreakInAMeasuresLabelAPdsaChangeIdeaOrADataTokensLabelIsA400NamingTheFieldAndNothingIsSaved() {
        int measures = sepsis.facilitator.get(sepsis.measures()).json().size();
        Map<String, Object> measure = Sepsis.proportion("Screening, labels on one line");
        measure.put("numeratorLabel", "Screened\nwithin one hour");
        assertOneLine(sepsis.facilitator.post(sepsis.measures(), measure), "numeratorLabel");
        measure.put("numeratorLabel", "Screened within one hour");
        measure.put("denominatorLabel", "Adults with\r\nsuspected infection");
        assertOneLine(sepsis.facilitator.post(sepsis.measures(), measure), "denominatorLabel");
        assertEquals(measures, sepsis.facilitator.get(sepsis.measures()).json().size(), "no measure was defined");

        String id = sepsis.screening("Screening, renamed on one line");
        Api.Reply renamed = sepsis.facilitator.put(sepsis.measures() + "/" + id, Sepsis.proportion("Screening\u2028renamed"));
        assertOneLine(renamed, "name");
        assertEquals("Screening, renamed on one line", sepsis.facilitator.get(sepsis.measures() + "/" + id).json().path("name").asText());

        String pdsa = "collaboratives/" + sepsis.collaborative + "/sites/" + sepsis.ashford + "/pdsa";
        int cycles = sepsis.nurse.get(pdsa).json().size();
        assertOneLine(sepsis.nurse.post(pdsa, Map.of("changeIdea", "Sepsis trolley\nin majors", "plan", "Stock a trolley",
                "prediction", "Screening above 80%", "plannedOn", "2026-03-02")), "changeIdea");
        assertEquals(cycles, sepsis.nurse.get(pdsa).json().size(), "no cycle was logged");

        String tokens = "collaboratives/" + sepsis.collaborative + "/sites/" + sepsis.ashford + "/data-tokens";
        int issued = sepsis.lead.get(tokens).json().size();
        assertOneLine(sepsis.lead.post(tokens, Map.of("label", "EPR\nfeed")), "label");
        assertEquals(issued, sepsis.lead.get(tokens).json().size(), "no token was issued");
    }

    private static void assertOneLine(Api.Reply reply, String field) {
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("invalid_value", reply.code(), reply::toString);
        JsonNode error = reply.json().path("errors").get(0);
        assertEquals(field, error.path("field").asText(), reply::toString);
        assertEquals("must be on one line, without line breaks", error.path("message").asText(), reply::toString);
    }

    static JsonNode find(JsonNode list, String id) {
        for (JsonNode node : list) {
            if (node.path("id").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no " + id + " in " + list);
    }

    static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.path("name").asText()));
        return names;
    }

    static List<String> periods(JsonNode list) {
        List<String> periods = new ArrayList<>();
        list.forEach(n -> periods.add(n.path("period").asText()));
        return periods;
    }
}
