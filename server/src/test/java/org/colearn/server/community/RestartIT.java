package org.colearn.server.community;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.colearn.server.testing.Api;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(90)
class RestartIT {

    @Test
    void accountsCollaborativesSitesMembersAndTokensAreStillThereAfterARestart() {
        try (TestServer server = TestServer.start()) {
            Api api = server.api();
            String token = People.signUp(api, "Fiona Facilitator");
            Api facilitator = api.as(token);
            String collaborative = People.collaborative(facilitator, "Sepsis after restart");
            String site = People.site(facilitator, collaborative, "NHS Grampian", "health_board");
            String code = People.invitation(facilitator, collaborative, "participant");
            Api nurse = api.as(People.signUp(api, "Nadia Nurse"));
            People.join(nurse, code, site, "nurse");

            server.restart();

            Api after = server.api().as(token);
            assertEquals(200, after.get("me").status(), "the login token survives");
            assertEquals("Sepsis after restart", after.get("collaboratives/" + collaborative).json().path("name").asText());
            assertEquals("NHS Grampian", after.get("collaboratives/" + collaborative + "/sites").json().get(0).path("name").asText());
            assertEquals(2, after.get("collaboratives/" + collaborative + "/members").json().size());
            assertEquals(1, after.get("collaboratives/" + collaborative + "/invitations").json().size());
            Api.Reply login = server.api().post("auth/login", java.util.Map.of("email", "nadia.nurse@example.nhs.uk", "password", "correct horse battery"));
            assertEquals(200, login.status(), "the password still works");
        }
    }
}
