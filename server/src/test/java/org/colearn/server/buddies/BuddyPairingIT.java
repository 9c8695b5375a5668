package org.colearn.server.buddies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class BuddyPairingIT {

    TestServer server;
    SixSites kent;

    @BeforeEach
    void start() {
        server = TestServer.start();
        kent = SixSites.withProfiles(server.api(), "Pairing");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void facilitatorRunsAPairingAndSeesThreeMutualPairsWithTheirReasons() {
        String round = kent.round("Autumn action period");
        Api.Reply run = kent.facilitator.post(kent.path("rounds/" + round + "/run"), Map.of());
        assertEquals(200, run.status(), run::toString);
        JsonNode pairs = run.json().path("pairs");
        assertEquals(
                List.of("Ashford + Bromley", "Canterbury + Dartford", "Eastbourne + Folkestone"),
                sorted(pairs));
        JsonNode ashford = pair(pairs, "Ashford + Bromley");
        assertEquals("proposed", ashford.path("status").asText());
        assertEquals(true, ashford.path("mutual").asBoolean());
        String reasons = String.join("; ", BuddyProfilesIT.strings(ashford.path("reasons")));
        assertTrue(reasons.contains("Ashford offers Sepsis screening, which Bromley wants"), reasons);
        assertTrue(reasons.contains("Bromley offers AKI alerts, which Ashford wants"), reasons);
        assertTrue(reasons.matches(".*; \\d+ km apart; both at stage 2"), reasons);
        assertEquals(30, ashford.path("parts").path("mutuality").asInt());
        assertEquals(15, ashford.path("parts").path("freshness").asInt());
        assertEquals(6, run.json().path("map").size(), "every site is on the map");
        assertEquals(0, run.json().path("waiting").size());

        assertEquals(0, kent.leads.get("Ashford").get(kent.path("pairs")).json().size(), "drafts stay with the facilitator");
    }

    @Test
    void swapPinAndReRunBeforePublishing() {
        String round = kent.round("Spring");
        kent.facilitator.post(kent.path("rounds/" + round + "/run"), Map.of());
        Api.Reply swapped = kent.facilitator.post(kent.path("rounds/" + round + "/swap"),
                Map.of("siteId", kent.siteIds.get("Bromley"), "otherSiteId", kent.siteIds.get("Dartford")));
        assertEquals(200, swapped.status(), swapped::toString);
        JsonNode pairs = swapped.json().path("pairs");
        assertEquals(List.of("Ashford + Dartford", "Bromley + Canterbury", "Eastbourne + Folkestone"), sorted(pairs));
        JsonNode oneSided = pair(pairs, "Ashford + Dartford");
        assertEquals(false, oneSided.path("mutual").asBoolean());
        assertEquals(true, oneSided.path("pinned").asBoolean(), "a swapped pair is pinned: the facilitator chose it");
        assertTrue(oneSided.path("reasons").toString().contains("neither offers what the other wants"), oneSided.toString());

        String unpinId = pair(pairs, "Bromley + Canterbury").path("id").asText();
        Api.Reply unpinned = kent.facilitator.put(kent.path("rounds/" + round + "/pairs/" + unpinId + "/pin"), Map.of("pinned", false));
        assertEquals(200, unpinned.status(), unpinned::toString);
        Api.Reply rerun = kent.facilitator.post(kent.path("rounds/" + round + "/run"), Map.of());
        assertEquals(200, rerun.status(), rerun::toString);
        List<String> after = sorted(rerun.json().path("pairs"));
        assertTrue(after.contains("Ashford + Dartford"), "the pinned pair stays: " + after);
        assertTrue(after.contains("Eastbourne + Folkestone"), after.toString());
        assertTrue(after.contains("Bromley + Canterbury"), after.toString());

        Api.Reply excluded = kent.leads.get("Eastbourne").put(kent.profilePath("Eastbourne"), Map.of(
                "offers", List.of("Deterioration scores"), "wants", List.of("Discharge planning"), "capacity", 1,
                "excludedSiteIds", List.of(kent.siteIds.get("Ashford"))));
        assertEquals(200, excluded.status(), excluded::toString);
        Api.Reply refused = kent.facilitator.post(kent.path("rounds/" + round + "/swap"),
                Map.of("siteId", kent.siteIds.get("Dartford"), "otherSiteId", kent.siteIds.get("Eastbourne")));
        assertEquals(409, refused.status(), refused::toString);
        assertEquals("excluded_pair", refused.code());
        assertEquals(after, sorted(kent.facilitator.get(kent.path("rounds/" + round)).json().path("pairs")), "nothing changed");
    }

    @Test
    void publishedPairsGoToBothLeadsWhoAcceptOrDeclineAndDeclinesGoBackForARerun() {
        String round = kent.round("Winter");
        kent.facilitator.post(kent.path("rounds/" + round + "/run"), Map.of());
        Api.Reply published = kent.facilitator.post(kent.path("rounds/" + round + "/publish"), Map.of());
        assertEquals(200, published.status(), published::toString);

        JsonNode mine = kent.leads.get("Ashford").get(kent.path("pairs")).json();
        assertEquals(1, mine.size());
        assertEquals("published", mine.get(0).path("status").asText());
        assertEquals(1, kent.ashfordParticipant.get(kent.path("pairs")).json().size(), "the site's members see it too");
        String ab = mine.get(0).path("id").asText();

        Api.Reply participantAnswer = kent.ashfordParticipant.post(kent.path("pairs/" + ab + "/answer"), Map.of("answer", "accept"));
        assertEquals(403, participantAnswer.status());
        assertEquals("site_lead_only", participantAnswer.code());
        Api.Reply outsider = kent.leads.get("Canterbury").post(kent.path("pairs/" + ab + "/answer"), Map.of("answer", "accept"));
        assertEquals(404, outsider.status());
        assertEquals("pair_not_found", outsider.code());
        Api.Reply bad = kent.leads.get("Ashford").post(kent.path("pairs/" + ab + "/answer"), Map.of("answer", "maybe"));
        assertEquals(422, bad.status());

        assertEquals("published", answer("Ashford", ab, "accept", null).path("status").asText());
        assertEquals("active", answer("Bromley", ab, "accept", null).path("status").asText());
        assertEquals(409, kent.leads.get("Bromley").post(kent.path("pairs/" + ab + "/answer"), Map.of("answer", "decline")).status());

        String cd = kent.leads.get("Canterbury").get(kent.path("pairs")).json().get(0).path("id").asText();
        String ef = kent.leads.get("Eastbourne").get(kent.path("pairs")).json().get(0).path("id").asText();
        JsonNode declined = answer("Canterbury", cd, "decline", "Our team is stretched by a ward move until March");
        assertEquals("declined", declined.path("status").asText());
        answer("Eastbourne", ef, "decline", null);

        JsonNode seen = kent.facilitator.get(kent.path("rounds/" + round)).json();
        JsonNode back = pair(seen.path("pairs"), "Canterbury + Dartford");
        assertEquals("declined", back.path("status").asText());
        assertEquals("Our team is stretched by a ward move until March", back.path("sites").get(0).path("reason").asText());
        assertEquals(List.of("Canterbury", "Dartford", "Eastbourne", "Folkestone"), names(seen.path("waiting")));

        Api.Reply rerun = kent.facilitator.post(kent.path("rounds/" + round + "/run"), Map.of());
        assertEquals(200, rerun.status(), rerun::toString);
        List<String> proposed = new ArrayList<>();
        rerun.json().path("pairs").forEach(p -> {
            if (p.path("status").asText().equals("proposed")) {
                proposed.add(SixSites.sortedNames(p));
            }
        });
        proposed.sort(null);
        assertEquals(2, proposed.size(), proposed.toString());
        assertTrue(!proposed.contains("Canterbury + Dartford") && !proposed.contains("Eastbourne + Folkestone"),
                "declined pairs are not proposed again in the round: " + proposed);
        assertEquals("active", pair(rerun.json().path("pairs"), "Ashford + Bromley").path("status").asText(), "accepted pairs stay");
    }

    @Test
    void aLaterRoundDoesNotRepeatEarlierPairsWhenOthersAreAsGood() {
        kent.profile("Ashford", "Sepsis screening", "AKI alerts", 51.2, 0.5);
        kent.profile("Bromley", "AKI alerts", "Sepsis screening", 51.2, 0.5);
        kent.profile("Canterbury", "AKI alerts", "Sepsis screening", 51.2, 0.5);
        kent.profile("Dartford", "Sepsis screening", "AKI alerts", 51.2, 0.5);
        Api.Reply noProfile = kent.facilitator.put(kent.profilePath("Eastbourne"), Map.of("offers", List.of(), "wants", List.of(), "capacity", 0));
        assertEquals(200, noProfile.status());
        kent.facilitator.put(kent.profilePath("Folkestone"), Map.of("offers", List.of(), "wants", List.of(), "capacity", 0));
        String first = kent.round("Round 1");
        List<String> firstPairs = sorted(kent.facilitator.post(kent.path("rounds/" + first + "/run"), Map.of()).json().path("pairs"));
        kent.facilitator.post(kent.path("rounds/" + first + "/publish"), Map.of());
        for (String site : List.of("Ashford", "Bromley", "Canterbury", "Dartford")) {
            answer(site, kent.leads.get(site).get(kent.path("pairs")).json().get(0).path("id").asText(), "accept", null);
        }
        String second = kent.round("Round 2");
        JsonNode run = kent.facilitator.post(kent.path("rounds/" + second + "/run"), Map.of()).json();
        List<String> secondPairs = sorted(run.path("pairs"));
        assertEquals(2, secondPairs.size(), run.toString());
        secondPairs.forEach(p -> assertTrue(!firstPairs.contains(p), "no repeat of " + firstPairs + ": " + secondPairs));
        assertEquals(2, run.path("unplaced").size(), "sites with no room are said to be left out: " + run.path("unplaced"));
        assertTrue(run.path("unplaced").get(0).path("reason").asText().contains("has no room for a buddy now"));
    }

    @Test
    void sevenSitesGiveTwoPairsAndOneTriad() {
        Api.Reply gravesend = kent.facilitator.post("collaboratives/" + kent.collaborative + "/sites",
                Map.of("name", "Gravesend", "kind", "trust", "region", "South East"));
        String id = gravesend.json().path("id").asText();
        Api.Reply profile = kent.facilitator.put(kent.path("profiles/" + id), Map.of(
                "offers", List.of("AKI alerts"), "wants", List.of("Sepsis screening"), "region", "South East", "capacity", 2));
        assertEquals(200, profile.status(), profile::toString);
        String round = kent.round("Odd");
        JsonNode pairs = kent.facilitator.post(kent.path("rounds/" + round + "/run"), Map.of()).json().path("pairs");
        assertEquals(3, pairs.size());
        long triads = 0;
        for (JsonNode pair : pairs) {
            triads += pair.path("sites").size() == 3 ? 1 : 0;
        }
        assertEquals(1, triads, pairs.toString());
    }

    @Test
    void aSiteWithoutALeadIsFlaggedBeforeAndAtItsProposalBecauseNobodyCouldAcceptItsPair() {
        String gravesend = gravesendWithoutALead();
        String round = kent.round("Leads");
        assertEquals(List.of("Gravesend"), names(kent.facilitator.get(kent.path("rounds/" + round)).json().path("withoutLead")),
                "flagged before any run");
        JsonNode pairs = kent.facilitator.post(kent.path("rounds/" + round + "/run"), Map.of()).json().path("pairs");
        for (JsonNode pair : pairs) {
            boolean withGravesend = SixSites.sortedNames(pair).contains("Gravesend");
            List<String> warnings = new ArrayList<>();
            pair.path("warnings").forEach(w -> warnings.add(w.asText()));
            assertEquals(withGravesend ? List.of("Gravesend has no site lead: nobody can accept this pair until it has one") : List.of(),
                    warnings, SixSites.sortedNames(pair));
        }
        String leadCode = People.invitation(kent.facilitator, kent.collaborative, "site_lead");
        People.join(server.api().as(People.signUp(server.api(), "Gravesend Lead")), leadCode, gravesend, "nurse");
        JsonNode now = kent.facilitator.get(kent.path("rounds/" + round)).json();
        assertEquals(0, now.path("withoutLead").size(), now::toString);
        now.path("pairs").forEach(pair -> assertEquals(0, pair.path("warnings").size(), pair::toString));
    }

    @Test
    void aReRunAfterASiteDeclinedATriadProposesItsOtherTwoSitesAndSaysPreciselyWhyTheDeclinerIsLeftOut() {
        gravesendWithoutALead();
        String round = kent.round("Decline");
        JsonNode pairs = kent.facilitator.post(kent.path("rounds/" + round + "/run"), Map.of()).json().path("pairs");
        JsonNode triad = null;
        for (JsonNode pair : pairs) {
            triad = pair.path("sites").size() == 3 ? pair : triad;
        }
        assertTrue(triad != null, pairs::toString);
        List<String> sites = names(triad.path("sites"));
        String decliner = sites.stream().filter(name -> !name.equals("Gravesend")).findFirst().orElseThrow();
        List<String> others = new ArrayList<>(sites);
        others.remove(decliner);
        kent.facilitator.post(kent.path("rounds/" + round + "/publish"), Map.of());
        answer(decliner, triad.path("id").asText(), "decline", "We are in the middle of a merger");

        Api.Reply rerun = kent.facilitator.post(kent.path("rounds/" + round + "/run"), Map.of());
        assertEquals(200, rerun.status(), rerun::toString);
        others.sort(null);
        assertEquals("proposed", pair(rerun.json().path("pairs"), String.join(" + ", others)).path("status").asText(),
                "the sites that did not decline each other are proposed together again");
        JsonNode unplaced = rerun.json().path("unplaced");
        assertEquals(1, unplaced.size(), unplaced::toString);
        String reason = unplaced.get(0).path("reason").asText();
        assertTrue(reason.startsWith(decliner + " could not be placed: it declined " + String.join(" and ", others) + " in this round; "),
                reason);
        assertTrue(reason.endsWith(" are in pairs of this round already"), reason);
    }

    /** Gravesend: a seventh site, with a profile and room for two buddies, but no lead. */
    private String gravesendWithoutALead() {
        Api.Reply gravesend = kent.facilitator.post("collaboratives/" + kent.collaborative + "/sites",
                Map.of("name", "Gravesend", "kind", "trust", "region", "South East"));
        String id = gravesend.json().path("id").asText();
        Api.Reply profile = kent.facilitator.put(kent.path("profiles/" + id), Map.of(
                "offers", List.of("AKI alerts"), "wants", List.of("Sepsis screening"), "region", "South East", "capacity", 2));
        assertEquals(200, profile.status(), profile::toString);
        return id;
    }

    @Test
    void onlyFacilitatorsRunPairingsAndRunsCheckTheirInput() {
        String round = kent.round("Checks");
        Api.Reply lead = kent.leads.get("Ashford").post(kent.path("rounds/" + round + "/run"), Map.of());
        assertEquals(403, lead.status());
        assertEquals("facilitator_only", lead.code());
        assertEquals(403, kent.leads.get("Ashford").get(kent.path("rounds/" + round)).status());
        assertEquals(403, kent.leads.get("Ashford").post(kent.path("rounds"), Map.of("name", "Mine")).status());

        Api stranger = server.api().as(People.signUp(server.api(), "Pairing Stranger"));
        assertEquals(404, stranger.post(kent.path("rounds/" + round + "/run"), Map.of()).status());

        Api.Reply unknownSite = kent.facilitator.post(kent.path("rounds/" + round + "/run"),
                Map.of("siteIds", List.of(kent.siteIds.get("Ashford"), "00000000-0000-0000-0000-000000000000")));
        assertEquals(422, unknownSite.status());
        assertEquals("siteIds[1]", unknownSite.json().path("errors").get(0).path("field").asText());
        Api.Reply one = kent.facilitator.post(kent.path("rounds/" + round + "/run"), Map.of("siteIds", List.of(kent.siteIds.get("Ashford"))));
        assertEquals(409, one.status());
        assertEquals("too_few_sites", one.code());
        Api.Reply subset = kent.facilitator.post(kent.path("rounds/" + round + "/run"),
                Map.of("siteIds", List.of(kent.siteIds.get("Ashford"), kent.siteIds.get("Bromley"))));
        assertEquals(List.of("Ashford + Bromley"), sorted(subset.json().path("pairs")));
        assertEquals(409, kent.facilitator.post(kent.path("rounds"), Map.of("name", "checks")).status(), "round names are unique");
        assertEquals("round_not_found", kent.facilitator.get(kent.path("rounds/00000000-0000-0000-0000-000000000000")).code());
        Api.Reply publishNothing = kent.facilitator.post(kent.path("rounds/" + kent.round("Empty") + "/publish"), Map.of());
        assertEquals(409, publishNothing.status());
        assertEquals("nothing_to_publish", publishNothing.code());
    }

    private JsonNode answer(String site, String pairId, String answer, String reason) {
        Map<String, Object> body = reason == null ? Map.of("answer", answer) : Map.of("answer", answer, "reason", reason);
        Api.Reply reply = kent.leads.get(site).post(kent.path("pairs/" + pairId + "/answer"), body);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    static List<String> sorted(JsonNode pairs) {
        List<String> names = new ArrayList<>();
        pairs.forEach(pair -> names.add(SixSites.sortedNames(pair)));
        names.sort(null);
        return names;
    }

    static JsonNode pair(JsonNode pairs, String sortedNames) {
        for (JsonNode pair : pairs) {
            if (SixSites.sortedNames(pair).equals(sortedNames)) {
                return pair;
            }
        }
        throw new AssertionError("no pair " + sortedNames + " in " + pairs);
    }

    static List<String> names(JsonNode sites) {
        List<String> names = new ArrayList<>();
        sites.forEach(site -> names.add(site.path("name").asText()));
        return names;
    }
}
