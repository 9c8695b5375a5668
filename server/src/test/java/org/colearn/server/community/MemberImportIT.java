package org.colearn.server.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class MemberImportIT {

    static final String GOOD = """
            name,email,site,profession,role
            Amira Khan,amira.khan@example.nhs.uk,Ashford,Nurse,participant
            Tom Reilly,tom.reilly@example.nhs.uk,bromley,allied health professional,site lead
            """;

    static final String MIXED = """
            Name,Email,Site,Profession
            Amira Khan,amira.khan@example.nhs.uk,Ashford,nurse
            No Email,,Ashford,nurse
            Wrong Site,wrong.site@example.nhs.uk,Atlantis,nurse
            Odd Job,odd.job@example.nhs.uk,Ashford,astronaut
            Amira Again,AMIRA.KHAN@example.nhs.uk,Ashford,nurse
            """;

    TestServer server;
    Api facilitator;
    String collaborative;
    String importPath;

    @BeforeEach
    void start() {
        server = TestServer.start();
        facilitator = server.api().as(People.signUp(server.api(), "Fiona Facilitator"));
        collaborative = People.collaborative(facilitator, "Sepsis");
        People.site(facilitator, collaborative, "Ashford", "trust");
        People.site(facilitator, collaborative, "Bromley", "trust");
        importPath = "collaboratives/" + collaborative + "/members/import";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void goodFileImportsEveryRowAsInvitedMembers() {
        Api.Reply reply = facilitator.send("POST", importPath, "text/csv", GOOD);
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(2, reply.json().path("imported").asInt());
        JsonNode members = members();
        assertEquals(3, members.size());
        JsonNode tom = find(members, "Tom Reilly");
        assertEquals("Bromley", tom.path("siteName").asText());
        assertEquals("allied_health_professional", tom.path("profession").asText());
        assertEquals("site_lead", tom.path("role").asText());
        assertEquals("invited", tom.path("status").asText());
    }

    @Test
    void fileWithBadRowsIsRejectedWholeWithAReportOfEveryRowAndChangesNothing() {
        Api.Reply reply = facilitator.send("POST", importPath, "text/csv", MIXED);
        assertEquals(422, reply.status(), reply::toString);
        assertEquals("csv_rows_rejected", reply.code());
        JsonNode rows = reply.json().path("report").path("rows");
        assertEquals(5, rows.size());
        assertEquals("not_imported", rows.get(0).path("status").asText());
        assertEquals(2, rows.get(0).path("line").asInt());
        assertTrue(rows.get(1).path("problems").get(0).asText().startsWith("email must not be blank"), rows.get(1)::toString);
        assertTrue(rows.get(2).path("problems").get(0).asText().contains("'Atlantis' is not a site"), rows.get(2)::toString);
        assertTrue(rows.get(3).path("problems").get(0).asText().contains("'astronaut' is not one of nurse, doctor"), rows.get(3)::toString);
        assertTrue(rows.get(4).path("problems").get(0).asText().contains("appears twice in this file (first on line 2)"), rows.get(4)::toString);
        assertEquals(1, members().size(), "nothing was imported");
    }

    @Test
    void skipInvalidImportsTheGoodRowsAndReportsTheRest() {
        Api.Reply reply = facilitator.send("POST", importPath + "?skipInvalid=true", "text/csv", MIXED);
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(1, reply.json().path("imported").asInt());
        assertEquals(4, reply.json().path("rejected").asInt());
        assertEquals(2, members().size());
    }

    @Test
    void dryRunReportsWithoutSaving() {
        Api.Reply reply = facilitator.send("POST", importPath + "?dryRun=true", "text/csv", GOOD);
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("would_import", reply.json().path("rows").get(0).path("status").asText());
        assertEquals(1, members().size());
    }

    @Test
    void fileWithoutTheRequiredColumnsIsA400NamingThem() {
        Api.Reply reply = facilitator.send("POST", importPath, "text/csv", "name,mail\nA,a@example.org\n");
        assertEquals(400, reply.status());
        assertEquals("csv_missing_columns", reply.code());
        assertTrue(reply.json().path("detail").asText().contains("email, site, profession"), reply::toString);
    }

    @Test
    void unbalancedQuoteIsA400() {
        Api.Reply reply = facilitator.send("POST", importPath, "text/csv", "name,email,site,profession\n\"Amira,a@x.org,Ashford,nurse\n");
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("malformed_csv", reply.code());
        assertEquals(1, members().size());
    }

    @Test
    void importedPersonWhoSignsUpWaitsUntilTheFacilitatorConfirmsThemByHandOnAServerWithoutMail() {
        facilitator.send("POST", importPath, "text/csv", GOOD);
        Api amira = signUp("Amira.Khan@example.nhs.uk", "Amira K");
        Api stranger = signUp("AMIRA.KHAN@EXAMPLE.NHS.UK", "Amira Khan");
        assertEquals(0, amira.get("collaboratives").json().size());
        assertEquals("facilitator", amira.get("me").json().path("addressProof").asText());
        assertEquals("invited", find(members(), "Amira Khan").path("status").asText());

        String memberId = find(members(), "Amira Khan").path("id").asText();
        Api.Reply claimants = facilitator.get("collaboratives/" + collaborative + "/members/" + memberId + "/claimants");
        assertEquals(200, claimants.status(), claimants::toString);
        assertEquals(2, claimants.json().size());
        assertEquals("Amira K", claimants.json().get(0).path("displayName").asText());
        String amiraAccount = claimants.json().get(0).path("accountId").asText();
        String path = "collaboratives/" + collaborative + "/members/" + memberId + "/claimants/" + amiraAccount + "/confirm";

        Api.Reply byAnotherMember = amira.post(path, "");
        assertEquals(404, byAnotherMember.status(), "only the collaborative's facilitators confirm");
        Api.Reply confirmed = facilitator.post(path, "");
        assertEquals(200, confirmed.status(), confirmed::toString);
        assertEquals("active", confirmed.json().path("status").asText());
        JsonNode mine = amira.get("collaboratives").json();
        assertEquals(1, mine.size(), mine::toString);
        assertEquals("participant", mine.get(0).path("myRole").asText());
        assertEquals(0, stranger.get("collaboratives").json().size());
        assertEquals("member_active", facilitator.post(path, "").code(), "a member is confirmed once");
    }

    @Test
    void facilitatorCannotConfirmAnAccountThatDidNotSignUpWithTheAddress() {
        facilitator.send("POST", importPath, "text/csv", GOOD);
        Api other = signUp("someone.else@example.nhs.uk", "Someone Else");
        String account = other.get("me").json().path("id").asText();
        String memberId = find(members(), "Tom Reilly").path("id").asText();
        Api.Reply reply = facilitator.post(
                "collaboratives/" + collaborative + "/members/" + memberId + "/claimants/" + account + "/confirm", "");
        assertEquals(404, reply.status(), reply::toString);
        assertEquals("claimant_not_found", reply.code());
        assertEquals(0, other.get("collaboratives").json().size());
    }

    private Api signUp(String email, String name) {
        Api.Reply reply = server.api().post("auth/signup", java.util.Map.of("email", email, "password", "a long enough password", "displayName", name));
        assertEquals(201, reply.status(), reply::toString);
        return server.api().as(reply.json().path("token").asText());
    }

    private JsonNode members() {
        return facilitator.get("collaboratives/" + collaborative + "/members").json();
    }

    private static JsonNode find(JsonNode members, String name) {
        for (JsonNode member : members) {
            if (member.path("displayName").asText().equals(name)) {
                return member;
            }
        }
        throw new AssertionError(name + " is not in " + members);
    }
}
