package org.colearn.server.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class CommunityJourneyIT {

    TestServer server;
    Api api;

    @BeforeEach
    void start() {
        server = TestServer.start();
        api = server.api();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void secondPersonJoinsByInvitationLinkAndBothAppearInTheMemberList() {
        Api facilitator = api.as(People.signUp(api, "Fiona Facilitator"));
        String collaborative = People.collaborative(facilitator, "South East Sepsis Collaborative");
        String ashford = People.site(facilitator, collaborative, "Ashford and St Peter's", "trust");
        People.site(facilitator, collaborative, "Bromley Healthcare", "other");
        assertEquals(200, facilitator.patch(
                        "collaboratives/" + collaborative + "/members/" + memberId(facilitator, collaborative, "Fiona Facilitator"),
                        Map.of("siteId", ashford, "profession", "project_manager"))
                .status());

        Api.Reply link = facilitator.post("collaboratives/" + collaborative + "/invitations", Map.of("role", "participant"));
        assertEquals(201, link.status(), link::toString);
        String url = link.json().path("url").asText();
        String code = link.json().path("code").asText();
        assertEquals(server.baseUrl() + "#/join/" + code, url);

        Api.Reply preview = api.as("a-stale-token-from-an-old-login").get("invitations/" + code);
        assertEquals(200, preview.status(), preview::toString);
        assertEquals("South East Sepsis Collaborative", preview.json().path("collaborativeName").asText());
        assertEquals(2, preview.json().path("sites").size());

        Api nurse = api.as(People.signUp(api, "Nadia Nurse"));
        String bromley = StreamSupport.stream(preview.json().path("sites").spliterator(), false)
                .filter(site -> site.path("name").asText().equals("Bromley Healthcare"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asText();
        People.join(nurse, code, bromley, "nurse");

        JsonNode members = facilitator.get("collaboratives/" + collaborative + "/members").json();
        assertEquals(2, members.size(), members::toString);
        assertMember(members, "Fiona Facilitator", "Ashford and St Peter's", "project_manager", "facilitator");
        assertMember(members, "Nadia Nurse", "Bromley Healthcare", "nurse", "participant");

        JsonNode mine = nurse.get("collaboratives").json();
        assertEquals(1, mine.size());
        assertEquals("participant", mine.get(0).path("myRole").asText());
        assertEquals(memberId(nurse, collaborative, "Nadia Nurse"), mine.get(0).path("myMemberId").asText());
        assertEquals(2, mine.get(0).path("memberCount").asInt());
    }

    @Test
    void joiningTwiceByTheSameLinkKeepsOneMembership() {
        Api facilitator = api.as(People.signUp(api, "Fiona Facilitator"));
        String collaborative = People.collaborative(facilitator, "AKI Collaborative");
        String site = People.site(facilitator, collaborative, "Medway NHS Foundation Trust", "trust");
        String code = People.invitation(facilitator, collaborative, "participant");
        Api doctor = api.as(People.signUp(api, "Dan Doctor"));
        People.join(doctor, code, site, "doctor");
        People.join(doctor, code, site, "doctor");
        assertEquals(2, facilitator.get("collaboratives/" + collaborative + "/members").json().size());
    }

    @Test
    void revokedOrExpiredLinkNoLongerLetsAnyoneJoin() {
        Api facilitator = api.as(People.signUp(api, "Fiona Facilitator"));
        String collaborative = People.collaborative(facilitator, "VTE Collaborative");
        String site = People.site(facilitator, collaborative, "NHS Lothian", "health_board");
        Api.Reply link = facilitator.post("collaboratives/" + collaborative + "/invitations", Map.of("role", "participant", "validDays", 1));
        String code = link.json().path("code").asText();
        String otherCode = People.invitation(facilitator, collaborative, "site_lead");

        assertEquals(204, facilitator.delete("collaboratives/" + collaborative + "/invitations/" + link.json().path("id").asText()).status());
        Api late = api.as(People.signUp(api, "Lara Late"));
        Api.Reply revoked = late.post("invitations/" + code + "/accept", Map.of("siteId", site, "profession", "manager"));
        assertEquals(410, revoked.status());
        assertEquals("invitation_expired", revoked.code());

        server.clock().advance(java.time.Duration.ofDays(15));
        Api.Reply expired = late.post("invitations/" + otherCode + "/accept", Map.of("siteId", site, "profession", "manager"));
        assertEquals(410, expired.status());
        assertEquals(1, facilitator.get("collaboratives/" + collaborative + "/members").json().size());
    }

    @Test
    void facilitatorEditsCollaborativeAndSites() {
        Api facilitator = api.as(People.signUp(api, "Fiona Facilitator"));
        String collaborative = People.collaborative(facilitator, "Sepsis");
        String site = People.site(facilitator, collaborative, "NHS Fife", "health_board");
        Api.Reply renamed = facilitator.put(
                "collaboratives/" + collaborative + "/sites/" + site,
                Map.of("name", "NHS Fife (Victoria Hospital)", "kind", "health_board", "region", "Scotland", "latitude", 56.1, "longitude", -3.16));
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals(56.1, facilitator.get("collaboratives/" + collaborative + "/sites").json().get(0).path("latitude").asDouble());

        Api.Reply edited = facilitator.put("collaboratives/" + collaborative, Map.of(
                "name", "Scottish Sepsis and VTE Collaborative",
                "topic", "Sepsis and VTE",
                "aim", "Reduce sepsis mortality by 10%",
                "startsOn", "2012-01-01",
                "endsOn", "2014-12-31"));
        assertEquals(200, edited.status(), edited::toString);
        assertEquals("Scottish Sepsis and VTE Collaborative", facilitator.get("collaboratives/" + collaborative).json().path("name").asText());
        assertEquals(204, facilitator.delete("collaboratives/" + collaborative + "/sites/" + site).status());
        assertEquals(0, facilitator.get("collaboratives/" + collaborative + "/sites").json().size());
    }

    @Test
    void theLastFacilitatorCannotStepDown() {
        Api facilitator = api.as(People.signUp(api, "Fiona Facilitator"));
        String collaborative = People.collaborative(facilitator, "Sepsis");
        String me = memberId(facilitator, collaborative, "Fiona Facilitator");
        Api.Reply reply = facilitator.patch("collaboratives/" + collaborative + "/members/" + me, Map.of("role", "participant"));
        assertEquals(409, reply.status());
        assertEquals("last_facilitator", reply.code());
        assertEquals(409, facilitator.delete("collaboratives/" + collaborative + "/members/" + me).status());
    }

    static String memberId(Api viewer, String collaborative, String name) {
        JsonNode members = viewer.get("collaboratives/" + collaborative + "/members").json();
        return StreamSupport.stream(members.spliterator(), false)
                .filter(m -> m.path("displayName").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not in " + members))
                .path("id")
                .asText();
    }

    private static void assertMember(JsonNode members, String name, String site, String profession, String role) {
        JsonNode member = StreamSupport.stream(members.spliterator(), false)
                .filter(m -> m.path("displayName").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not in " + members));
        assertEquals(site, member.path("siteName").asText(), member::toString);
        assertEquals(profession, member.path("profession").asText(), member::toString);
        assertEquals(role, member.path("role").asText(), member::toString);
        assertTrue(member.path("status").asText().equals("active"), member::toString);
    }
}
