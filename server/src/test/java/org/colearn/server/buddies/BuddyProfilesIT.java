package org.colearn.server.buddies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class BuddyProfilesIT {

    static TestServer server;
    static SixSites kent;

    @BeforeAll
    static void setUp() {
        server = TestServer.start();
        kent = SixSites.withoutProfiles(server.api(), "Profiles");
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    @Test
    void siteLeadFillsInTheProfileAndTheSiteReadsItBack() {
        Api.Reply saved = kent.leads.get("Ashford").put(kent.profilePath("Ashford"), Map.of(
                "offers", List.of("Sepsis screening", " sepsis  SCREENING ", "Sepsis six"),
                "wants", List.of("AKI alerts"),
                "stages", Map.of("Sepsis screening", 3, "AKI alerts", 1),
                "region", "south east",
                "capacity", 2,
                "excludedSiteIds", List.of(kent.siteIds.get("Bromley"))));
        assertEquals(200, saved.status(), saved::toString);
        assertEquals(List.of("Sepsis screening", "Sepsis six"), strings(saved.json().path("offers")), "repeats are dropped");
        assertEquals("South East", saved.json().path("region").asText(), "the region is spelt as in the list");

        Api.Reply read = kent.ashfordParticipant.get(kent.profilePath("Ashford"));
        assertEquals(200, read.status(), read::toString);
        assertEquals(List.of("AKI alerts"), strings(read.json().path("wants")));
        assertEquals(3, read.json().path("stages").path("Sepsis screening").asInt());
        assertEquals(2, read.json().path("capacity").asInt());
        assertEquals(kent.siteIds.get("Bromley"), read.json().path("excludedSiteIds").get(0).asText());
        assertEquals(false, read.json().path("editable").asBoolean(), "a participant reads but does not edit");
    }

    @Test
    void aSiteWithoutAProfileAnswersWithAnEmptyOneToFillIn() {
        Api.Reply empty = kent.leads.get("Eastbourne").get(kent.profilePath("Eastbourne"));
        assertEquals(200, empty.status(), empty::toString);
        assertTrue(empty.json().path("updatedAt").isNull());
        assertEquals(0, empty.json().path("offers").size());
        assertEquals(1, empty.json().path("capacity").asInt());
        assertEquals("South East", empty.json().path("region").asText(), "the site's own region is offered");
        assertEquals(true, empty.json().path("editable").asBoolean());
    }

    @Test
    void onlyTheSitesOwnLeadOrAFacilitatorEditsItsProfile() {
        Map<String, Object> profile = Map.of("offers", List.of("Falls prevention"), "wants", List.of(), "capacity", 1);
        Api.Reply otherLead = kent.leads.get("Bromley").put(kent.profilePath("Canterbury"), profile);
        assertEquals(403, otherLead.status());
        assertEquals("site_lead_only", otherLead.code());
        assertTrue(otherLead.json().path("detail").asText().contains("Canterbury"), otherLead.toString());

        Api.Reply participant = kent.ashfordParticipant.put(kent.profilePath("Ashford"), profile);
        assertEquals(403, participant.status());
        assertEquals("site_lead_only", participant.code());

        assertEquals(200, kent.facilitator.put(kent.profilePath("Canterbury"), profile).status());
        assertEquals(403, kent.leads.get("Bromley").get(kent.profilePath("Canterbury")).status(), "nor reads another site's");
        assertEquals("own_site_only", kent.leads.get("Bromley").get(kent.profilePath("Canterbury")).code());
    }

    @Test
    void onlyFacilitatorsListEveryProfile() {
        Api.Reply all = kent.facilitator.get(kent.path("profiles"));
        assertEquals(200, all.status(), all::toString);
        assertEquals(6, all.json().size());
        Api.Reply lead = kent.leads.get("Ashford").get(kent.path("profiles"));
        assertEquals(403, lead.status());
        assertEquals("facilitator_only", lead.code());
    }

    @Test
    void strangersLearnNothing() {
        Api stranger = server.api().as(People.signUp(server.api(), "Profiles Stranger"));
        Api.Reply reply = stranger.get(kent.profilePath("Ashford"));
        assertEquals(404, reply.status());
        assertEquals("collaborative_not_found", reply.code());
        assertEquals(401, server.api().get(kent.profilePath("Ashford")).status());
    }

    @Test
    void badProfilesAreRefusedWithEveryFieldToCorrect() {
        Api.Reply reply = kent.leads.get("Dartford").put(kent.profilePath("Dartford"), Map.of(
                "offers", List.of("VTE assessment", " "),
                "wants", List.of("x".repeat(121)),
                "stages", Map.of("VTE assessment", 7),
                "region", "Atlantis",
                "latitude", 51.4,
                "capacity", 9,
                "excludedSiteIds", List.of(kent.siteIds.get("Dartford"))));
        assertEquals(422, reply.status(), reply::toString);
        assertEquals("validation_failed", reply.code());
        assertEquals(List.of("capacity"), fields(reply), "bean constraints are reported first");

        Api.Reply second = kent.leads.get("Dartford").put(kent.profilePath("Dartford"), Map.of(
                "offers", List.of("VTE assessment", " "),
                "wants", List.of("x".repeat(121)),
                "stages", Map.of("VTE assessment", 7),
                "region", "Atlantis",
                "latitude", 51.4,
                "capacity", 1));
        assertEquals(422, second.status(), second::toString);
        assertEquals(List.of("longitude", "offers[1]", "region", "stages.VTE assessment", "wants[0]"), fields(second).stream().sorted().toList());
        assertTrue(second.text().contains("must be one of: North East"), second.text());

        Api.Reply self = kent.leads.get("Dartford").put(kent.profilePath("Dartford"), Map.of(
                "offers", List.of(), "wants", List.of(), "capacity", 1, "excludedSiteIds", List.of(kent.siteIds.get("Dartford"))));
        assertEquals(422, self.status());
        assertEquals(List.of("excludedSiteIds[0]"), fields(self));

        Api.Reply noBody = kent.leads.get("Dartford").send("PUT", kent.profilePath("Dartford"), "application/json", "");
        assertEquals(400, noBody.status(), noBody::toString);
    }

    @Test
    void regionsAreTheFixedUkList() {
        Api.Reply regions = kent.ashfordParticipant.get(kent.path("regions"));
        assertEquals(200, regions.status());
        assertEquals(40, regions.json().size());
        java.util.List<String> names = new java.util.ArrayList<>();
        regions.json().forEach(region -> names.add(region.path("name").asText()));
        assertTrue(names.containsAll(java.util.List.of("NHS Highland", "NHS Grampian", "Cardiff and Vale University Health Board",
                "Belfast Health and Social Care Trust")), "Scottish and Welsh boards and Northern Irish trusts are told apart: " + names);
        assertEquals("North East", regions.json().get(0).path("name").asText());
    }

    static List<String> strings(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    static List<String> fields(Api.Reply reply) {
        List<String> fields = new java.util.ArrayList<>();
        reply.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }
}
