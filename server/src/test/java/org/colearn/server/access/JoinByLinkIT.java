package org.colearn.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.colearn.server.buddies.SixSites;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.Inbox;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An invitation link lets people in; it never moves a member to another site without approval, and never hands what
 * was given to an address to someone who has not proven it.
 */
@Timeout(120)
class JoinByLinkIT {

    static final String VERA = "vera.okafor@example.nhs.uk";

    Inbox inbox;
    TestServer server;
    SixSites kent;
    String ab;
    String cd;

    @BeforeEach
    void start() {
        inbox = new Inbox();
        server = TestServer.startSendingMailTo(inbox.port());
        kent = SixSites.withProfiles(server.api(), "Links");
        kent.publishedRound("Autumn");
        ab = kent.activate("Ashford");
        cd = kent.activate("Canterbury");
    }

    @AfterEach
    void stop() {
        server.close();
        inbox.close();
    }

    @Test
    void aMemberWhoOpensAnotherLinkPickingAnotherSiteAsksToMoveAndSeesNothingOfThatSiteUntilItsLeadApproves() {
        Api nurse = kent.ashfordParticipant;
        String leadLink = People.invitation(kent.facilitator, kent.collaborative, "site_lead");

        Api.Reply joined = nurse.post("invitations/" + leadLink + "/accept", Map.of("siteId", site("Canterbury"), "profession", "nurse"));
        assertEquals(200, joined.status(), joined::toString);
        assertEquals("Ashford", joined.json().path("siteName").asText(), "still where she was");
        assertEquals("Canterbury", joined.json().path("moveSiteName").asText(), "asking to move");
        assertEquals("participant", joined.json().path("role").asText(), "a link does not change a member's role");
        assertEquals(404, nurse.get(kent.path("spaces/" + cd)).status(), "Canterbury's pair stays closed");
        assertEquals(403, nurse.get(kent.profilePath("Canterbury")).status());
        assertEquals(200, nurse.get(kent.path("spaces/" + ab)).status(), "and Ashford's stays open");

        Api canterburyLead = kent.leads.get("Canterbury");
        JsonNode waiting = canterburyLead.get(moves("")).json();
        assertEquals(List.of("Links Ashford Nurse"), names(waiting), "the new site's lead is asked");
        Api.Reply approved = canterburyLead.post(moves(waiting.get(0).path("memberId").asText() + "/approve"), Map.of());
        assertEquals(200, approved.status(), approved::toString);
        assertEquals("Canterbury", approved.json().path("siteName").asText());
        assertEquals(200, nurse.get(kent.path("spaces/" + cd)).status(), "open once approved");
        assertEquals(404, nurse.get(kent.path("spaces/" + ab)).status());
    }

    @Test
    void anImportedPersonWhoProvesTheirAddressAndJoinsByLinkPickingAnotherSiteStaysAtTheImportedSiteUntilApproved() {
        importPerson("Pia Patel", "pia.patel@example.nhs.uk", "Ashford", "participant");
        Api pia = signUp("pia.patel@example.nhs.uk", "Pia Patel", "pia's long password");
        assertEquals(200, pia.post("auth/verify", Map.of("token", inbox.last("pia.patel@example.nhs.uk", 1).token())).status());

        String link = People.invitation(kent.facilitator, kent.collaborative, "participant");
        Api.Reply joined = pia.post("invitations/" + link + "/accept", Map.of("siteId", site("Canterbury"), "profession", "doctor"));
        assertEquals(200, joined.status(), joined::toString);
        assertEquals("Ashford", joined.json().path("siteName").asText(), "the site she was imported at");
        assertEquals("Canterbury", joined.json().path("moveSiteName").asText());
        assertEquals(200, pia.get(kent.path("spaces/" + ab)).status());
        assertEquals(404, pia.get(kent.path("spaces/" + cd)).status());
    }

    @Test
    void someoneWhoSignsUpWithAnImportedAddressAndJoinsByLinkGetsNothingGivenToItUntilTheAddressIsProven() {
        importPerson("Vera Okafor", VERA, "Canterbury", "facilitator");
        String link = People.invitation(kent.facilitator, kent.collaborative, "participant");
        Api mallory = signUp(VERA.toUpperCase(), "Vera Okafor", "mallory's own password");

        Api.Reply refused = mallory.post("invitations/" + link + "/accept", Map.of("siteId", site("Dartford"), "profession", "doctor"));
        assertEquals(409, refused.status(), refused::toString);
        assertEquals("address_unconfirmed", refused.code());
        assertEquals(0, mallory.get("collaboratives").json().size(), "no membership, neither the imported one nor the link's");
        assertEquals(404, mallory.get("collaboratives/" + kent.collaborative + "/members").status());
        assertEquals(404, mallory.get("collaboratives/" + kent.collaborative + "/stories/moderation").status());
        assertEquals(404, mallory.get(kent.path("spaces/" + cd)).status());
        JsonNode imported = member("Vera Okafor");
        assertEquals("invited", imported.path("status").asText());
        assertEquals("facilitator", imported.path("role").asText());

        Api vera = signUp(VERA, "Vera Okafor", "vera's real password");
        Inbox.Mail forVera = inbox.await(VERA, 2).get(1);
        assertEquals(200, vera.post("auth/verify", Map.of("token", forVera.token())).status());
        assertEquals("facilitator", vera.get("collaboratives").json().get(0).path("myRole").asText(), "the owner gets what was given");
        assertEquals(200, vera.get(kent.path("profiles")).status());

        Api.Reply again = mallory.post("invitations/" + link + "/accept", Map.of("siteId", site("Dartford"), "profession", "doctor"));
        assertEquals(409, again.status(), again::toString);
        assertEquals("email_in_use", again.code());
        assertEquals(0, mallory.get("collaboratives").json().size());
    }

    private void importPerson(String name, String email, String site, String role) {
        Api.Reply imported = kent.facilitator.send("POST", "collaboratives/" + kent.collaborative + "/members/import", "text/csv",
                "name,email,site,profession,role\n" + name + "," + email + "," + site + ",doctor," + role + "\n");
        assertEquals(200, imported.status(), imported::toString);
    }

    private Api signUp(String email, String name, String password) {
        Api.Reply reply = server.api().post("auth/signup", Map.of("email", email, "password", password, "displayName", name));
        assertEquals(201, reply.status(), reply::toString);
        return server.api().as(reply.json().path("token").asText());
    }

    private JsonNode member(String name) {
        for (JsonNode member : kent.facilitator.get("collaboratives/" + kent.collaborative + "/members").json()) {
            if (member.path("displayName").asText().equals(name)) {
                return member;
            }
        }
        throw new AssertionError(name + " is not a member");
    }

    private String site(String name) {
        return kent.siteIds.get(name);
    }

    private String moves(String rest) {
        return "collaboratives/" + kent.collaborative + "/site-moves" + (rest.isEmpty() ? "" : "/" + rest);
    }

    private static List<String> names(JsonNode moves) {
        List<String> names = new ArrayList<>();
        moves.forEach(move -> names.add(move.path("displayName").asText()));
        return names;
    }
}
