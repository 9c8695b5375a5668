package org.colearn.server.buddies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A pair's private space: what its two sites share, and who is refused it (404, whoever they are). */
@Timeout(120)
class BuddySpaceIT {

    TestServer server;
    SixSites kent;
    String round;
    String ab;
    String ef;

    @BeforeEach
    void start() {
        server = TestServer.start();
        kent = SixSites.withProfiles(server.api(), "Space");
        round = kent.round("Autumn");
        kent.facilitator.post(kent.path("rounds/" + round + "/run"), Map.of());
        kent.facilitator.post(kent.path("rounds/" + round + "/publish"), Map.of());
        ab = pairOf("Ashford");
        ef = pairOf("Eastbourne");
        accept("Ashford", ab);
        accept("Bromley", ab);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eachSideRecordsWhatItGaveAndGotAndSeesTheReciprocityAtAGlance() {
        Api.Reply first = kent.leads.get("Ashford").post(space(ab, "check-ins"),
                Map.of("gave", "Our sepsis screening tool and audit sheet", "got", "A walk through their AKI alert pathway"));
        assertEquals(201, first.status(), first::toString);
        server.clock().advance(Duration.ofHours(26));
        Api.Reply second = kent.leads.get("Bromley").post(space(ab, "check-ins"),
                Map.of("gave", "AKI e-alert training slides", "got", ""));
        assertEquals(201, second.status(), second::toString);

        JsonNode seen = kent.ashfordParticipant.get(space(ab, "")).json();
        assertEquals(2, seen.path("checkIns").size());
        assertEquals("Bromley", seen.path("checkIns").get(0).path("siteName").asText(), "newest first");
        assertEquals("Space Bromley Lead", seen.path("checkIns").get(0).path("author").asText());
        assertEquals("Ashford 1 gave, 1 got; Bromley 1 gave, 0 got", reciprocity(seen));
        assertEquals(true, seen.path("canWrite").asBoolean());
        assertEquals(false, seen.path("canInviteFaculty").asBoolean(), "only a lead invites the faculty");

        Api.Reply empty = kent.leads.get("Ashford").post(space(ab, "check-ins"), Map.of("gave", " ", "got", ""));
        assertEquals(422, empty.status());
        assertEquals("gave", empty.json().path("errors").get(0).path("field").asText());
    }

    @Test
    void eachSiteSeesThePartnerSitesPeopleByNameProfessionAndRoleButNeverTheirAddresses() {
        Api bromleyDoctor = server.api().as(People.signUp(server.api(), "Bo Doctor"));
        People.join(bromleyDoctor, People.invitation(kent.facilitator, kent.collaborative, "participant"), kent.siteIds.get("Bromley"), "doctor");
        Api.Reply imported = kent.facilitator.send("POST", "collaboratives/" + kent.collaborative + "/members/import", "text/csv",
                "name,email,site,profession\nIvy Imported,ivy.imported@example.nhs.uk,Bromley,nurse\n");
        assertEquals(200, imported.status(), imported::toString);

        JsonNode seen = kent.ashfordParticipant.get(space(ab, "")).json();
        JsonNode partners = seen.path("partners");
        assertEquals(1, partners.size(), "only the other site: " + partners);
        assertEquals("Bromley", partners.get(0).path("name").asText());
        JsonNode people = partners.get(0).path("people");
        assertEquals(2, people.size(), "those who joined, not an imported person who has not: " + people);
        assertEquals("Space Bromley Lead", people.get(0).path("name").asText(), "the lead first");
        assertEquals("site_lead", people.get(0).path("role").asText());
        assertEquals("nurse", people.get(0).path("profession").asText());
        assertEquals("Bo Doctor", people.get(1).path("name").asText());
        assertEquals("doctor", people.get(1).path("profession").asText());
        assertEquals("participant", people.get(1).path("role").asText());
        assertTrue(!seen.toString().contains("@"), () -> "no address reaches the other site: " + seen);

        JsonNode bromleys = kent.leads.get("Bromley").get(space(ab, "")).json().path("partners");
        assertEquals("Ashford", bromleys.get(0).path("name").asText());
        assertEquals(2, bromleys.get(0).path("people").size(), "Ashford's lead and nurse: " + bromleys);
    }

    @Test
    void aThirdSitesLeadAndTheFacilitatorsAreRefusedThePairsSpace() {
        kent.leads.get("Ashford").post(space(ab, "notes"), Map.of("text", "Frank notes about our worst month"));
        for (Api outsider : new Api[] {kent.leads.get("Canterbury"), kent.facilitator}) {
            Api.Reply read = outsider.get(space(ab, ""));
            assertEquals(404, read.status());
            assertEquals("pair_not_found", read.code());
            assertTrue(!read.text().contains("Frank notes"), read.text());
            assertEquals(404, outsider.post(space(ab, "check-ins"), Map.of("gave", "x", "got", "y")).status());
            assertEquals(404, outsider.post(space(ab, "notes"), Map.of("text", "x")).status());
            assertEquals(404, outsider.put(space(ab, "faculty"), Map.of("invited", true)).status());
        }
        Api.Reply unknown = kent.leads.get("Canterbury").get(space("00000000-0000-0000-0000-000000000000", ""));
        assertEquals(unknown.json().path("detail"), kent.leads.get("Canterbury").get(space(ab, "")).json().path("detail"),
                "a pair one may not see answers as one that does not exist");
        Api stranger = server.api().as(People.signUp(server.api(), "Space Stranger"));
        assertEquals("collaborative_not_found", stranger.get(space(ab, "")).code());
        assertEquals(401, server.api().get(space(ab, "")).status());
    }

    @Test
    void thePairAndItsSpaceAreStillThereAfterARestart() {
        kent.leads.get("Ashford").post(space(ab, "check-ins"), Map.of("gave", "Our audit sheet", "got", ""));
        server.restart();
        Api.Reply login = server.api().post("auth/login",
                Map.of("email", "space.bromley.lead@example.nhs.uk", "password", People.PASSWORD));
        assertEquals(200, login.status(), login::toString);
        Api bromley = server.api().as(login.json().path("token").asText());
        JsonNode seen = bromley.get(space(ab, "")).json();
        assertEquals("Our audit sheet", seen.path("checkIns").get(0).path("gave").asText(), seen::toString);
        assertEquals("active", bromley.get(kent.path("pairs")).json().get(0).path("status").asText());
    }

    @Test
    void aPairThatIsNotActiveYetHasNoSpace() {
        Api.Reply notYet = kent.leads.get("Eastbourne").get(space(ef, ""));
        assertEquals(404, notYet.status());
        assertEquals("pair_not_found", notYet.code());
    }

    @Test
    void aSiteLeadCanInviteTheFacultyToReadButNotWrite() {
        Api.Reply participant = kent.ashfordParticipant.put(space(ab, "faculty"), Map.of("invited", true));
        assertEquals(403, participant.status());
        assertEquals("site_lead_only", participant.code());

        assertEquals(200, kent.leads.get("Bromley").put(space(ab, "faculty"), Map.of("invited", true)).status());
        Api.Reply read = kent.facilitator.get(space(ab, ""));
        assertEquals(200, read.status(), read::toString);
        assertEquals(false, read.json().path("canWrite").asBoolean());
        Api.Reply write = kent.facilitator.post(space(ab, "check-ins"), Map.of("gave", "x", "got", "y"));
        assertEquals(403, write.status());
        assertEquals("pair_members_only", write.code());
        assertEquals(404, kent.leads.get("Canterbury").get(space(ab, "")).status(), "other sites stay out");

        assertEquals(200, kent.leads.get("Ashford").put(space(ab, "faculty"), Map.of("invited", false)).status());
        assertEquals(404, kent.facilitator.get(space(ab, "")).status());
    }

    @Test
    void aPairWithNoCheckInForTheSetTimeIsShownAsQuietToItsLeadsAndTheFacilitator() {
        assertEquals(false, kent.leads.get("Ashford").get(space(ab, "")).json().path("quiet").asBoolean());
        server.clock().advance(Duration.ofDays(22));
        assertEquals(true, kent.leads.get("Ashford").get(space(ab, "")).json().path("quiet").asBoolean());
        assertEquals(true, kent.leads.get("Bromley").get(kent.path("pairs")).json().get(0).path("quiet").asBoolean());
        JsonNode facilitatorView = BuddyPairingIT.pair(
                kent.facilitator.get(kent.path("rounds/" + round)).json().path("pairs"), "Ashford + Bromley");
        assertEquals(true, facilitatorView.path("quiet").asBoolean());
        assertEquals("active", facilitatorView.path("status").asText(), "quiet is a nudge, never a failure");
        assertEquals(1, kent.facilitator.get(kent.path("rounds")).json().get(0).path("quiet").asInt());

        kent.leads.get("Bromley").post(space(ab, "check-ins"), Map.of("gave", "", "got", "A call about alert fatigue"));
        assertEquals(false, kent.leads.get("Ashford").get(space(ab, "")).json().path("quiet").asBoolean());
    }

    @Test
    void visitsDeclareTheirPurposeAndNotesCarrySafeLinks() {
        Api.Reply visit = kent.leads.get("Ashford").post(space(ab, "visits"), Map.of(
                "hostSiteId", kent.siteIds.get("Bromley"), "visitingSiteId", kent.siteIds.get("Ashford"),
                "purpose", "support", "plannedOn", "2027-01-20", "note", "Shadow the outreach team"));
        assertEquals(201, visit.status(), visit::toString);
        JsonNode planned = visit.json().path("visits").get(0);
        assertEquals("Bromley", planned.path("hostName").asText());
        assertEquals("support", planned.path("purpose").asText());

        Api.Reply purpose = kent.leads.get("Ashford").post(space(ab, "visits"), Map.of(
                "hostSiteId", kent.siteIds.get("Bromley"), "visitingSiteId", kent.siteIds.get("Ashford"),
                "purpose", "inspection", "plannedOn", "2027-01-20"));
        assertEquals(422, purpose.status());
        assertEquals("purpose", purpose.json().path("errors").get(0).path("field").asText());
        Api.Reply host = kent.leads.get("Ashford").post(space(ab, "visits"), Map.of(
                "hostSiteId", kent.siteIds.get("Canterbury"), "visitingSiteId", kent.siteIds.get("Ashford"),
                "purpose", "assurance", "plannedOn", "2027-01-20"));
        assertEquals(422, host.status());
        assertEquals("hostSiteId", host.json().path("errors").get(0).path("field").asText());

        Api.Reply note = kent.ashfordParticipant.post(space(ab, "notes"),
                Map.of("text", "Our audit template", "link", "https://example.nhs.uk/audit.xlsx"));
        assertEquals(201, note.status(), note::toString);
        assertEquals("https://example.nhs.uk/audit.xlsx", note.json().path("notes").get(0).path("link").asText());
        Api.Reply script = kent.ashfordParticipant.post(space(ab, "notes"), Map.of("text", "x", "link", "javascript:alert(1)"));
        assertEquals(422, script.status());
        assertEquals("link", script.json().path("errors").get(0).path("field").asText());
    }

    private String pairOf(String site) {
        return kent.leads.get(site).get(kent.path("pairs")).json().get(0).path("id").asText();
    }

    private void accept(String site, String pairId) {
        Api.Reply reply = kent.leads.get(site).post(kent.path("pairs/" + pairId + "/answer"), Map.of("answer", "accept"));
        assertEquals(200, reply.status(), reply::toString);
    }

    private String space(String pairId, String rest) {
        return kent.path("spaces/" + pairId + (rest.isEmpty() ? "" : "/" + rest));
    }

    private static String reciprocity(JsonNode space) {
        StringBuilder text = new StringBuilder();
        space.path("reciprocity").forEach(site -> text.append(text.length() == 0 ? "" : "; ")
                .append(site.path("name").asText()).append(' ').append(site.path("gave").asInt()).append(" gave, ")
                .append(site.path("got").asInt()).append(" got"));
        return text.toString();
    }
}
