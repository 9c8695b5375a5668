package org.colearn.server.buddies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.colearn.server.testing.AnonymousItems;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Moving to another site is a request that a facilitator or the new site's lead approves: until then nothing of the new
 * site opens (its pair's space, the pair's stories, its profile), and a site lead who moves leads no site.
 */
@Timeout(120)
class SiteMovesIT {

    TestServer server;
    SixSites kent;
    String ab;
    String cd;
    String canterburyStory;

    @BeforeEach
    void start() {
        server = TestServer.start();
        kent = SixSites.withProfiles(server.api(), "Moves");
        kent.publishedRound("Autumn");
        ab = kent.activate("Ashford");
        cd = kent.activate("Canterbury");
        canterburyStory = pairStory(kent.leads.get("Canterbury"), "Falls huddles stopped at night");
        // An anonymous story reaches its table a few minutes after it is posted: it is there before anyone looks.
        AnonymousItems.written(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aParticipantWhoAsksToMoveSeesNothingOfTheNewSiteUntilItsLeadApprovesAndThenSeesItsPairAndLeavesTheOld() {
        Api nurse = kent.ashfordParticipant;
        String me = memberId(nurse);
        Api.Reply himself = nurse.patch(members(me), Map.of("siteId", kent.siteIds.get("Canterbury")));
        assertEquals(409, himself.status(), himself::toString);
        assertEquals("site_move_needs_approval", himself.code());
        assertEquals("Ashford", member(kent.facilitator, me).path("siteName").asText(), "a refused change changes nothing");

        Api.Reply asked = nurse.post(moves(""), Map.of("siteId", kent.siteIds.get("Canterbury")));
        assertEquals(201, asked.status(), asked::toString);
        assertEquals("Ashford", asked.json().path("fromSiteName").asText());
        assertEquals("Canterbury", asked.json().path("toSiteName").asText());
        assertNothingOfCanterburyFor(nurse, "while the move waits for approval");
        assertEquals(200, nurse.get(space(ab)).status(), "still at Ashford, with its pair");

        Api.Reply ownApproval = nurse.post(moves(me + "/approve"), Map.of());
        assertEquals(403, ownApproval.status());
        assertEquals("own_site_move", ownApproval.code());
        Api.Reply anotherLead = kent.leads.get("Bromley").post(moves(me + "/approve"), Map.of());
        assertEquals(403, anotherLead.status());
        assertEquals("site_move_approver_only", anotherLead.code());
        assertEquals(List.of(), names(kent.leads.get("Bromley").get(moves("")).json()), "another site's lead is not asked");
        assertEquals(List.of("Moves Ashford Nurse"), names(kent.leads.get("Canterbury").get(moves("")).json()));
        assertEquals(List.of("Moves Ashford Nurse"), names(kent.facilitator.get(moves("")).json()));
        assertNothingOfCanterburyFor(nurse, "after refused approvals");

        Api.Reply approved = kent.leads.get("Canterbury").post(moves(me + "/approve"), Map.of());
        assertEquals(200, approved.status(), approved::toString);
        assertEquals("Canterbury", approved.json().path("siteName").asText());
        assertEquals(200, nurse.get(space(cd)).status(), "the new site's pair opens once approved");
        assertEquals(200, nurse.get("stories/" + canterburyStory).status());
        assertEquals(404, nurse.get(space(ab)).status(), "and the old site's pair closes");
        assertEquals(List.of(), names(kent.facilitator.get(moves("")).json()), "nothing waits any more");
    }

    @Test
    void aFacilitatorWhoMovesHerselfWaitsForSomeoneElseAndADeclinedMoveLeavesHerWhereSheWas() {
        String me = memberId(kent.facilitator);
        Api.Reply first = kent.facilitator.patch(members(me), Map.of("siteId", kent.siteIds.get("Eastbourne")));
        assertEquals(200, first.status(), "choosing a first site is part of joining: " + first);
        Api.Reply move = kent.facilitator.patch(members(me), Map.of("siteId", kent.siteIds.get("Canterbury")));
        assertEquals("site_move_needs_approval", move.code(), move::toString);

        assertEquals(201, kent.facilitator.post(moves(""), Map.of("siteId", kent.siteIds.get("Canterbury"))).status());
        assertEquals("own_site_move", kent.facilitator.post(moves(me + "/approve"), Map.of()).code());
        assertNothingOfCanterburyFor(kent.facilitator, "while her own move waits");

        assertEquals(204, kent.leads.get("Canterbury").post(moves(me + "/decline"), Map.of()).status());
        assertEquals(List.of(), names(kent.facilitator.get(moves("")).json()));
        assertEquals("site_move_not_found", kent.leads.get("Canterbury").post(moves(me + "/approve"), Map.of()).code());
        assertNothingOfCanterburyFor(kent.facilitator, "after the lead declined");
        assertEquals("Eastbourne", member(kent.facilitator, me).path("siteName").asText());
    }

    @Test
    void aSiteLeadWhoMovesBecomesAParticipantWhoEditsNeitherTheNewSitesProfileNorTheOldOne() {
        Api lead = kent.leads.get("Ashford");
        String me = memberId(lead);
        assertEquals(201, lead.post(moves(""), Map.of("siteId", kent.siteIds.get("Canterbury"))).status());
        assertEquals(403, writeProfile(lead, "Canterbury").status(), "not before approval");

        Api.Reply approved = kent.facilitator.send("POST", moves(me + "/approve"), null, null);
        assertEquals(200, approved.status(), "approving needs no body: " + approved);
        assertEquals("participant", approved.json().path("role").asText(), "the new site has its own lead");
        assertEquals(403, writeProfile(lead, "Canterbury").status(), "not after approval either");
        assertEquals(403, writeProfile(lead, "Ashford").status(), "nor the site left behind");
        assertEquals(200, writeProfile(kent.leads.get("Canterbury"), "Canterbury").status(), "Canterbury's own lead still does");
    }

    @Test
    void aFacilitatorMovesAnotherMemberAtOnceAndMayKeepThemLeadOnlyBySayingSo() {
        String bromleyLead = memberId(kent.leads.get("Bromley"));
        Api.Reply moved = kent.facilitator.patch(members(bromleyLead), Map.of("siteId", kent.siteIds.get("Dartford")));
        assertEquals(200, moved.status(), moved::toString);
        assertEquals("Dartford", moved.json().path("siteName").asText());
        assertEquals("participant", moved.json().path("role").asText());
        Api.Reply lead = kent.facilitator.patch(members(bromleyLead),
                Map.of("siteId", kent.siteIds.get("Eastbourne"), "role", "site_lead"));
        assertEquals("site_lead", lead.json().path("role").asText(), lead::toString);
        Api.Reply unknown = kent.ashfordParticipant.post(moves(""), Map.of("siteId", "00000000-0000-0000-0000-000000000000"));
        assertEquals(422, unknown.status(), unknown::toString);
        assertEquals(422, kent.ashfordParticipant.post(moves(""), Map.of()).status());
    }

    private void assertNothingOfCanterburyFor(Api person, String when) {
        Api.Reply space = person.get(space(cd));
        assertEquals(404, space.status(), "the Canterbury pair's space " + when + ": " + space);
        assertEquals("pair_not_found", space.code());
        assertEquals(404, person.post(space(cd) + "/notes", Map.of("text", "hello")).status(), "writing there " + when);
        assertEquals(404, person.get("stories/" + canterburyStory).status(), "the pair's story " + when);
    }

    private Api.Reply writeProfile(Api person, String site) {
        return person.put(kent.profilePath(site), Map.of(
                "offers", List.of("Falls prevention"), "wants", List.of("VTE assessment"),
                "stages", Map.of("Falls prevention", 3, "VTE assessment", 1),
                "latitude", 51.28, "longitude", 1.08, "capacity", 1, "excludedSiteIds", List.of()));
    }

    private String pairStory(Api author, String title) {
        Api.Reply reply = author.post("collaboratives/" + kent.collaborative + "/stories", Map.of(
                "title", title,
                "topic", "Falls",
                "changeIdea", "Night huddles",
                "whatWeTried", "A five-minute falls huddle at the start of each night shift.",
                "whatHappened", "It stopped whenever the ward was short of staff.",
                "whatWeLearned", "A huddle needs an owner on every shift.",
                "whatWeWouldDoDifferently", "Name the owner on the rota.",
                "tags", List.of("Falls"),
                "credit", "nobody",
                "visibility", "pair"));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().path("item").path("id").asText();
    }

    private String memberId(Api person) {
        return person.get("collaboratives").json().get(0).path("myMemberId").asText();
    }

    private JsonNode member(Api reader, String memberId) {
        for (JsonNode member : reader.get("collaboratives/" + kent.collaborative + "/members").json()) {
            if (member.path("id").asText().equals(memberId)) {
                return member;
            }
        }
        throw new AssertionError("no member " + memberId);
    }

    private String members(String memberId) {
        return "collaboratives/" + kent.collaborative + "/members/" + memberId;
    }

    private String moves(String rest) {
        return "collaboratives/" + kent.collaborative + "/site-moves" + (rest.isEmpty() ? "" : "/" + rest);
    }

    private String space(String pairId) {
        return kent.path("spaces/" + pairId);
    }

    private static List<String> names(JsonNode moves) {
        List<String> names = new java.util.ArrayList<>();
        moves.forEach(move -> names.add(move.path("displayName").asText()));
        return names;
    }
}
