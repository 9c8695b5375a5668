package org.colearn.server.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.Inbox;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A membership given to an address goes only to the account that proves it, by the link mailed to it. */
@Timeout(60)
class ProvenAddressesIT {

    static final String VERA = "vera.okafor@example.nhs.uk";

    Inbox inbox;
    TestServer server;
    Api api;
    Api facilitator;
    String collaborative;

    @BeforeEach
    void start() {
        inbox = new Inbox();
        server = TestServer.startSendingMailTo(inbox.port());
        api = server.api();
        facilitator = api.as(People.signUp(api, "Fiona Facilitator"));
        collaborative = People.collaborative(facilitator, "Sepsis");
        People.site(facilitator, collaborative, "Bromley", "trust");
        Api.Reply imported = facilitator.send("POST", "collaboratives/" + collaborative + "/members/import", "text/csv",
                "name,email,site,profession,role\nVera Okafor," + VERA + ",Bromley,doctor,facilitator\n"
                        + "Sam Lead,sam.lead@example.nhs.uk,Bromley,nurse,site lead\n");
        assertEquals(200, imported.status(), imported::toString);
    }

    @AfterEach
    void stop() {
        server.close();
        inbox.close();
    }

    @Test
    void someoneWhoSignsUpWithAnImportedFacilitatorsAddressInAnyCaseGetsNoMembershipUntilTheyProveIt() {
        Api mallory = signUp("VERA.OKAFOR@EXAMPLE.NHS.UK", "Vera Okafor", "mallory's own password");
        Api sameCase = signUp(VERA, "Vera O", "another password of mallory");
        Api siteLead = signUp("Sam.Lead@Example.NHS.uk", "Sam Lead", "mallory's own password");

        assertEquals(List.of(), names(mallory.get("collaboratives").json()));
        assertEquals(List.of(), names(sameCase.get("collaboratives").json()));
        assertEquals(List.of(), names(siteLead.get("collaboratives").json()));
        assertEquals("invited", member("Sam Lead").path("status").asText());
        assertFalse(mallory.get("me").json().path("emailProven").asBoolean());
        assertEquals(404, mallory.get("collaboratives/" + collaborative + "/members").status());
        JsonNode vera = member("Vera Okafor");
        assertEquals("invited", vera.path("status").asText());
        assertEquals("facilitator", vera.path("role").asText());
    }

    @Test
    void theOwnerOfTheAddressProvesItThroughTheEmailedLinkAndGetsTheImportedRole() {
        Api mallory = signUp(VERA.toUpperCase(), "Vera Okafor", "mallory's own password");
        Api vera = signUp(VERA, "Vera Okafor", "vera's real password");
        List<Inbox.Mail> mails = inbox.await(VERA, 2);
        assertEquals(2, mails.size(), mails::toString);
        Inbox.Mail forMallory = mails.get(0);
        Inbox.Mail forVera = mails.get(1);
        assertEquals("Confirm your email address for Colearn", forVera.subject());
        assertTrue(forVera.link().startsWith(server.baseUrl() + "#/verify/"), forVera::toString);

        Api.Reply wrongLink = vera.post("auth/verify", Map.of("token", forMallory.token()));
        assertEquals(403, wrongLink.status(), wrongLink::toString);
        assertEquals("proof_for_another_account", wrongLink.code());
        assertEquals(List.of(), names(mallory.get("collaboratives").json()), "opening the stranger's link gave them nothing");

        Api.Reply proven = vera.post("auth/verify", Map.of("token", forVera.token()));
        assertEquals(200, proven.status(), proven::toString);
        assertTrue(proven.json().path("emailProven").asBoolean());
        JsonNode mine = vera.get("collaboratives").json();
        assertEquals(List.of("Sepsis"), names(mine));
        assertEquals("facilitator", mine.get(0).path("myRole").asText());
        assertEquals("active", member("Vera Okafor").path("status").asText());
        assertEquals(List.of(), names(mallory.get("collaboratives").json()));

        Api.Reply again = vera.post("auth/verify", Map.of("token", forVera.token()));
        assertEquals(404, again.status(), "a link proves once");
        assertEquals("proof_link_invalid", again.code());
    }

    @Test
    void anAddressProvenBeforeTheImportGetsTheMembershipAtOnce() {
        Api amira = signUp("amira.khan@example.nhs.uk", "Amira Khan", "amira's long password");
        assertEquals(200, amira.post("auth/verify", Map.of("token", inbox.last("amira.khan@example.nhs.uk", 1).token())).status());
        Api.Reply imported = facilitator.send("POST", "collaboratives/" + collaborative + "/members/import", "text/csv",
                "name,email,site,profession\nAmira K,Amira.Khan@Example.NHS.uk,Bromley,nurse\n");
        assertEquals(200, imported.status(), imported::toString);
        assertEquals(List.of("Sepsis"), names(amira.get("collaboratives").json()));
    }

    @Test
    void signupAnswersAlikeWhetherOrNotTheAddressIsTakenAndOnlyTheMailSaysWhich() {
        Api vera = signUp(VERA, "Vera Okafor", "vera's real password");
        vera.post("auth/verify", Map.of("token", inbox.last(VERA, 1).token()));

        Api.Reply fresh = api.post("auth/signup", Map.of("email", "new.person@example.nhs.uk", "password", "a long password", "displayName", "New"));
        Api.Reply taken = api.post("auth/signup", Map.of("email", "Vera.Okafor@example.nhs.uk", "password", "a long password", "displayName", "New"));
        assertEquals(201, fresh.status(), fresh::toString);
        assertEquals(fresh.status(), taken.status());
        assertEquals(shape(fresh.json()), shape(taken.json()));
        assertEquals(fresh.json().path("account").path("emailProven"), taken.json().path("account").path("emailProven"));
        assertEquals(200, api.as(taken.json().path("token").asText()).get("me").status(), "the answer holds a working login");

        List<Inbox.Mail> toVera = inbox.await(VERA, 2);
        assertEquals("You already have a Colearn account", toVera.get(1).subject());
        assertFalse(toVera.get(1).text().contains("#/verify/"), toVera.get(1)::text);
        assertEquals("Confirm your email address for Colearn", inbox.last("new.person@example.nhs.uk", 1).subject());

        Api.Reply veraLogin = api.post("auth/login", Map.of("email", VERA, "password", "vera's real password"));
        assertTrue(veraLogin.json().path("account").path("emailProven").asBoolean(), veraLogin::toString);
        Api.Reply newcomerLogin = api.post("auth/login", Map.of("email", VERA, "password", "a long password"));
        assertEquals(200, newcomerLogin.status(), "whoever signed up may log in with what they chose");
        assertFalse(newcomerLogin.json().path("account").path("emailProven").asBoolean());
    }

    @Test
    void aPersonWhoJoinsByLinkBeforeProvingTheirImportedAddressIsToldToProveItFirst() {
        Api vera = signUp(VERA, "Vera Okafor", "vera's real password");
        String site = facilitator.get("collaboratives/" + collaborative + "/sites").json().get(0).path("id").asText();
        String code = People.invitation(facilitator, collaborative, "participant");
        Api.Reply early = vera.post("invitations/" + code + "/accept", Map.of("siteId", site, "profession", "doctor"));
        assertEquals(409, early.status(), early::toString);
        assertEquals("address_unconfirmed", early.code());

        vera.post("auth/verify", Map.of("token", inbox.last(VERA, 1).token()));
        Api.Reply joined = vera.post("invitations/" + code + "/accept", Map.of("siteId", site, "profession", "doctor"));
        assertEquals(200, joined.status(), joined::toString);
        assertEquals("facilitator", joined.json().path("role").asText(), "the imported role, not the link's");
    }

    @Test
    void theInvitationOpenedByAnImportedPersonBringsTheSiteAndProfessionGivenForThemAndOnlyOnceTheirAddressIsProven() {
        Api sam = signUp("sam.lead@example.nhs.uk", "Sam Lead", "sam's long password");
        Api mallory = signUp("mallory@example.nhs.uk", "Mallory", "mallory's own password");
        String site = facilitator.get("collaboratives/" + collaborative + "/sites").json().get(0).path("id").asText();
        String code = People.invitation(facilitator, collaborative, "participant");
        assertTrue(sam.get("invitations/" + code).json().path("yours").isNull(), "nothing is shown for an address not proven yet");

        sam.post("auth/verify", Map.of("token", inbox.last("sam.lead@example.nhs.uk", 1).token()));
        JsonNode yours = sam.get("invitations/" + code).json().path("yours");
        assertEquals(site, yours.path("siteId").asText(), yours::toString);
        assertEquals("nurse", yours.path("profession").asText());
        assertEquals("site_lead", yours.path("role").asText());
        assertTrue(mallory.get("invitations/" + code).json().path("yours").isNull(), "a stranger is shown nobody's");
        assertTrue(api.get("invitations/" + code).json().path("yours").isNull(), "nor is anyone without a login");
    }

    @Test
    void aPersonAsksForANewLinkAndItProvesTheirAddress() {
        Api vera = signUp(VERA, "Vera Okafor", "vera's real password");
        Inbox.Mail first = inbox.last(VERA, 1);
        assertEquals(202, vera.post("auth/verify/resend", "").status());
        Inbox.Mail second = inbox.last(VERA, 2);
        assertFalse(first.token().equals(second.token()), "a new link each time");
        assertEquals(200, vera.post("auth/verify", Map.of("token", second.token())).status());
        assertEquals(List.of("Sepsis"), names(vera.get("collaboratives").json()));
        Api.Reply again = vera.post("auth/verify/resend", "");
        assertEquals(409, again.status(), again::toString);
        assertEquals("address_proven", again.code());
    }

    @Test
    void signingUpAgainAndAgainWithSomeonesAddressSendsItAtMostFiveMailsAnHour() {
        for (int i = 0; i < 7; i++) {
            signUp(VERA, "Not Vera " + i, "a password of mallory");
        }
        signUp("marker@example.nhs.uk", "Marker", "a long password");
        inbox.await("marker@example.nhs.uk", 1);
        // Mail leaves one at a time, in order: all that was sent to Vera before the marker has arrived.
        assertEquals(5, inbox.await(VERA, 0).size());
        server.clock().advance(java.time.Duration.ofHours(1));
        signUp(VERA, "Not Vera 7", "a password of mallory");
        assertEquals(6, inbox.await(VERA, 6).size());
    }

    private Api signUp(String email, String name, String password) {
        Api.Reply reply = api.post("auth/signup", Map.of("email", email, "password", password, "displayName", name));
        assertEquals(201, reply.status(), reply::toString);
        return api.as(reply.json().path("token").asText());
    }

    private JsonNode member(String name) {
        for (JsonNode member : facilitator.get("collaboratives/" + collaborative + "/members").json()) {
            if (member.path("displayName").asText().equals(name)) {
                return member;
            }
        }
        throw new AssertionError(name + " is not a member");
    }

    private static List<String> names(JsonNode collaboratives) {
        List<String> names = new ArrayList<>();
        collaboratives.forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    /** The field names of a JSON answer, nested, with the kinds of their values. */
    private static String shape(JsonNode node) {
        if (!node.isObject()) {
            return node.getNodeType().toString();
        }
        StringBuilder shape = new StringBuilder("{");
        node.fields().forEachRemaining(f -> shape.append(f.getKey()).append(':').append(shape(f.getValue())).append(','));
        return shape.append('}').toString();
    }
}
