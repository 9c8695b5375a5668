package org.colearn.server.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class RoleChecksIT {

    static TestServer server;
    static Api facilitator;
    static Api participant;
    static Api stranger;
    static String collaborative;
    static String site;

    @BeforeAll
    static void setUp() {
        server = TestServer.start();
        Api api = server.api();
        facilitator = api.as(People.signUp(api, "Fiona Facilitator"));
        participant = api.as(People.signUp(api, "Pat Participant"));
        stranger = api.as(People.signUp(api, "Sam Stranger"));
        collaborative = People.collaborative(facilitator, "Sepsis Collaborative");
        site = People.site(facilitator, collaborative, "Kent Community Health", "trust");
        People.join(participant, People.invitation(facilitator, collaborative, "participant"), site, "nurse");
        People.collaborative(stranger, "The stranger's own collaborative");
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    @Test
    void participantIsRefusedSiteCreationWith403AndACode() {
        Api.Reply reply = participant.post(
                "collaboratives/" + collaborative + "/sites", Map.of("name", "Sneaky Site", "kind", "trust", "region", "Kent"));
        assertEquals(403, reply.status());
        assertEquals("facilitator_only", reply.code());
        assertEquals(1, facilitator.get("collaboratives/" + collaborative + "/sites").json().size());
    }

    @Test
    void participantCannotInviteImportOrSeeInvitationLinks() {
        assertEquals(403, participant.post("collaboratives/" + collaborative + "/invitations", Map.of("role", "facilitator")).status());
        assertEquals(403, participant.get("collaboratives/" + collaborative + "/invitations").status());
        assertEquals(403, participant.send("POST", "collaboratives/" + collaborative + "/members/import", "text/csv",
                "name,email,site,profession\nX,x@example.org,Kent Community Health,nurse\n").status());
    }

    @Test
    void participantCannotPromoteThemselves() {
        String me = CommunityJourneyIT.memberId(participant, collaborative, "Pat Participant");
        Api.Reply reply = participant.patch("collaboratives/" + collaborative + "/members/" + me, Map.of("role", "facilitator"));
        assertEquals(403, reply.status());
        assertEquals("participant", participant.get("collaboratives/" + collaborative).json().path("myRole").asText());
    }

    @Test
    void participantMayChangeTheirOwnProfession() {
        String me = CommunityJourneyIT.memberId(participant, collaborative, "Pat Participant");
        Api.Reply reply = participant.patch("collaboratives/" + collaborative + "/members/" + me, Map.of("profession", "allied_health_professional"));
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("allied_health_professional", reply.json().path("profession").asText());
        participant.patch("collaboratives/" + collaborative + "/members/" + me, Map.of("profession", "nurse"));
    }

    @Test
    void strangerSeesNothingOfACollaborativeTheyAreNotIn() {
        for (String path : new String[] {"", "/sites", "/members", "/invitations"}) {
            Api.Reply reply = stranger.get("collaboratives/" + collaborative + path);
            assertEquals(404, reply.status(), path);
            assertEquals("collaborative_not_found", reply.code(), path);
            assertTrue(!reply.text().contains("Sepsis Collaborative"), reply.text());
        }
        assertEquals(404, stranger.post("collaboratives/" + collaborative + "/sites",
                Map.of("name", "X", "kind", "trust", "region", "Kent")).status());
        assertEquals(1, stranger.get("collaboratives").json().size(), "the stranger lists only their own");
    }

    @Test
    void unknownCollaborativeAnswersTheSameAsAForeignOne() {
        Api.Reply unknown = stranger.get("collaboratives/00000000-0000-0000-0000-000000000000");
        Api.Reply foreign = stranger.get("collaboratives/" + collaborative);
        assertEquals(unknown.status(), foreign.status());
        assertEquals(unknown.json().path("detail"), foreign.json().path("detail"));
    }

    @Test
    void participantsSeeNamesButNotEmailAddressesOfOthers() {
        var members = participant.get("collaboratives/" + collaborative + "/members").json();
        for (var member : members) {
            boolean self = member.path("displayName").asText().equals("Pat Participant");
            assertEquals(self, member.hasNonNull("email"), member.toString());
        }
        var seenByFacilitator = facilitator.get("collaboratives/" + collaborative + "/members").json();
        for (var member : seenByFacilitator) {
            assertTrue(member.path("email").asText().endsWith("@example.nhs.uk"), member.toString());
        }
    }

    @Test
    void noTokenIsRefusedWith401OnEveryCommunityEndpoint() {
        Api anonymous = server.api();
        for (String path : new String[] {"collaboratives", "collaboratives/" + collaborative, "collaboratives/" + collaborative + "/members"}) {
            Api.Reply reply = anonymous.get(path);
            assertEquals(401, reply.status(), path);
            assertEquals("token_missing", reply.code(), path);
        }
    }
}
