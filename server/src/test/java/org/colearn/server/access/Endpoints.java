package org.colearn.server.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.People;

/**
 * How each endpoint is called in the authorization matrix: a valid request on the world's things, so that the answer
 * says whether the caller may, not whether the request was well formed. A call that removes or uses up its target
 * first makes a fresh one, so that every role meets the same situation.
 */
final class Endpoints {

    /** One call of an endpoint, as a role, with that role's client. */
    interface Call {
        Api.Reply call(Role role, Api as);
    }

    private Endpoints() {}

    static Map<String, Call> of(World w) {
        Map<String, Call> calls = new LinkedHashMap<>();
        String c = "collaboratives/" + w.collaborative;
        String buddies = c + "/buddies/";
        Api facilitator = w.kent.facilitator;

        calls.put("GET /api/health", (role, as) -> as.get("health"));
        calls.put("GET /api/health/ready", (role, as) -> as.get("health/ready"));
        calls.put("GET /api/metrics", (role, as) -> as.get("metrics"));

        calls.put("POST /api/auth/signup", (role, as) -> as.post("auth/signup", Map.of(
                "email", "new" + w.next() + "@example.nhs.uk", "password", People.PASSWORD, "displayName", "New Person")));
        calls.put("POST /api/auth/login", (role, as) -> as.post("auth/login", Map.of(
                "email", w.emails.getOrDefault(role, w.emails.get(Role.PARTICIPANT)), "password", People.PASSWORD)));
        calls.put("POST /api/auth/verify", (role, as) -> as.post("auth/verify", Map.of("token", "no-such-link")));
        calls.put("POST /api/auth/verify/resend", (role, as) -> as.post("auth/verify/resend", Map.of()));
        calls.put("POST /api/auth/password-reset", (role, as) -> as.post("auth/password-reset", Map.of(
                "email", w.emails.getOrDefault(role, w.emails.get(Role.PARTICIPANT)))));
        calls.put("POST /api/auth/password-reset/confirm", (role, as) -> as.post("auth/password-reset/confirm", Map.of(
                "token", "no-such-link", "password", People.PASSWORD)));
        calls.put("POST /api/auth/logout", (role, as) -> w.freshLogin(role).post("auth/logout", Map.of()));
        // Every login of the caller's account ends: a signed-in role calls it as a new account of its own, so that the
        // world's people stay logged in for the rows after it; who may call it does not depend on the role.
        calls.put("POST /api/auth/logout-everywhere", (role, as) -> switch (role) {
            case NO_TOKEN, GUEST -> w.freshLogin(role).post("auth/logout-everywhere", Map.of());
            default -> w.anonymous.as(w.anonymous.post("auth/signup", Map.of(
                    "email", "leaving" + w.next() + "@example.nhs.uk", "password", People.PASSWORD, "displayName", "Leaving Person"))
                    .json().path("token").asText()).post("auth/logout-everywhere", Map.of());
        });
        calls.put("GET /api/me", (role, as) -> as.get("me"));

        calls.put("GET /api/collaboratives", (role, as) -> as.get("collaboratives"));
        calls.put("POST /api/collaboratives", (role, as) -> as.post("collaboratives", collaborative("Another " + w.next())));
        calls.put("GET /api/collaboratives/{id}", (role, as) -> as.get(c));
        calls.put("PUT /api/collaboratives/{id}", (role, as) -> as.put(c, collaborative("Kent buddying collaborative")));

        calls.put("GET /api/collaboratives/{id}/sites", (role, as) -> as.get(c + "/sites"));
        calls.put("POST /api/collaboratives/{id}/sites", (role, as) -> as.post(c + "/sites", site("New site " + w.next())));
        calls.put("PUT /api/collaboratives/{id}/sites/{siteId}", (role, as) -> as.put(c + "/sites/" + w.spareSite, site("Spare")));
        calls.put("DELETE /api/collaboratives/{id}/sites/{siteId}", (role, as) ->
                as.delete(c + "/sites/" + People.site(facilitator, w.collaborative, "Empty " + w.next(), "trust")));

        calls.put("GET /api/collaboratives/{id}/members", (role, as) -> as.get(w.members()));
        calls.put("PATCH /api/collaboratives/{id}/members/{memberId}", (role, as) ->
                as.patch(w.members() + "/" + w.participantMember, Map.of("profession", "nurse")));
        calls.put("DELETE /api/collaboratives/{id}/members/{memberId}", (role, as) ->
                as.delete(w.members() + "/" + w.importInvited("Ida Imported " + w.next())));
        calls.put("POST /api/collaboratives/{id}/members/import", (role, as) -> as.send("POST", w.members() + "/import", "text/csv",
                "name,email,site,profession\nIan Import,ian.import" + w.next() + "@example.nhs.uk,Bromley,doctor\n"));
        calls.put("GET /api/collaboratives/{id}/members/{memberId}/claimants", (role, as) ->
                as.get(w.members() + "/" + w.invitedMember + "/claimants"));
        calls.put("POST /api/collaboratives/{id}/members/{memberId}/claimants/{accountId}/confirm", (role, as) -> {
            String name = "Cora Claimed " + w.next();
            String member = w.importInvited(name);
            String account = World.ok(w.anonymous.post("auth/signup", Map.of(
                    "email", World.email(name), "password", People.PASSWORD, "displayName", name))).json().path("account").path("id").asText();
            return as.post(w.members() + "/" + member + "/claimants/" + account + "/confirm", Map.of());
        });

        calls.put("POST /api/collaboratives/{id}/site-moves", (role, as) -> {
            Api.Reply reply = as.post(c + "/site-moves", Map.of("siteId", w.bromley));
            w.settleMoves();
            return reply;
        });
        calls.put("GET /api/collaboratives/{id}/site-moves", (role, as) -> as.get(c + "/site-moves"));
        calls.put("POST /api/collaboratives/{id}/site-moves/{memberId}/approve", (role, as) -> {
            w.tomAsksForAshford();
            Api.Reply reply = as.post(c + "/site-moves/" + w.tomMember + "/approve", Map.of());
            w.settleMoves();
            return reply;
        });
        calls.put("POST /api/collaboratives/{id}/site-moves/{memberId}/decline", (role, as) -> {
            w.tomAsksForAshford();
            Api.Reply reply = as.post(c + "/site-moves/" + w.tomMember + "/decline", Map.of());
            w.settleMoves();
            return reply;
        });

        calls.put("POST /api/collaboratives/{id}/invitations", (role, as) -> as.post(c + "/invitations", Map.of("role", "participant")));
        calls.put("GET /api/collaboratives/{id}/invitations", (role, as) -> as.get(c + "/invitations"));
        calls.put("DELETE /api/collaboratives/{id}/invitations/{invitationId}", (role, as) -> as.delete(c + "/invitations/"
                + World.ok(facilitator.post(c + "/invitations", Map.of("role", "participant"))).json().path("id").asText()));
        calls.put("GET /api/invitations/{code}", (role, as) -> as.get("invitations/" + w.invitationCode));
        calls.put("POST /api/invitations/{code}/accept", (role, as) ->
                as.post("invitations/" + w.joinableCode + "/accept", Map.of("siteId", w.joinableSite, "profession", "nurse")));

        calls.put("POST /api/collaboratives/{id}/sessions", (role, as) -> as.post(c + "/sessions", Map.of(
                "title", "Another", "startsAt", "2026-12-01T09:30:00Z", "durationMinutes", 60,
                "agenda", List.of(Map.of("title", "Welcome", "activityType", "plenary", "plannedMinutes", 10)))));
        calls.put("GET /api/collaboratives/{id}/sessions", (role, as) -> as.get(c + "/sessions"));
        calls.put("GET /api/collaboratives/{id}/live-activities", (role, as) -> as.get(c + "/live-activities"));
        calls.put("GET /api/sessions/{sessionId}", (role, as) -> as.get("sessions/" + w.restSession));
        calls.put("PUT /api/sessions/{sessionId}/agenda", (role, as) -> as.put("sessions/" + w.plannedSession + "/agenda",
                List.of(Map.of("title", "Welcome", "activityType", "plenary", "plannedMinutes", 10))));
        calls.put("PUT /api/sessions/{sessionId}/guests", (role, as) -> as.put("sessions/" + w.plannedSession + "/guests", Map.of("allowed", true)));
        calls.put("POST /api/sessions/join", (role, as) -> as.post("sessions/join", Map.of("code", w.restSessionCode, "displayName", "Visitor")));
        calls.put("GET /api/sessions/{sessionId}/results", (role, as) -> as.get("sessions/" + w.restSession + "/results"));
        calls.put("GET /api/sessions/{sessionId}/results/{seq}.{format}", (role, as) ->
                as.get("sessions/" + w.restSession + "/results/" + w.resultSeq + ".json"));
        calls.put("POST /api/sessions/{sessionId}/live/messages", (role, as) -> as.post("sessions/" + w.restSession + "/live/messages",
                Map.of("type", "poll.vote", "body", Map.of("choices", List.of(0)))));
        calls.put("GET /api/sessions/{sessionId}/calendar.ics", (role, as) -> as.get("sessions/" + w.restSession + "/calendar.ics"));
        calls.put("GET /api/activity-types", (role, as) -> as.get("activity-types"));

        calls.put("POST /api/collaboratives/{id}/stories", (role, as) -> as.post(w.stories(), World.story("person", "collaborative")));
        calls.put("GET /api/collaboratives/{id}/stories", (role, as) -> as.get(w.stories()));
        calls.put("GET /api/collaboratives/{id}/stories/facets", (role, as) -> as.get(w.stories() + "/facets"));
        calls.put("GET /api/collaboratives/{id}/stories/export.md", (role, as) -> as.get(w.stories() + "/export.md"));
        calls.put("GET /api/collaboratives/{id}/stories/moderation", (role, as) -> as.get(w.stories() + "/moderation"));
        calls.put("GET /api/stories/{storyId}", (role, as) -> as.get("stories/" + w.pairStory));
        calls.put("PUT /api/stories/{storyId}", (role, as) -> {
            Map<String, Object> story = World.story("person", "pair");
            story.remove("credit");
            return as.put("stories/" + w.ownStory, story);
        });
        calls.put("DELETE /api/stories/{storyId}", (role, as) -> as.delete("stories/" + w.pendingStory()));
        calls.put("GET /api/stories/by-key", (role, as) -> as.withHeader("X-Edit-Key", w.anonymousKey).get("stories/by-key"));
        calls.put("POST /api/stories/{storyId}/follow-ups", (role, as) ->
                as.post("stories/" + w.ownStory + "/follow-ups", Map.of("body", "Three months on, night shifts screen too.")));
        calls.put("PUT /api/stories/{storyId}/reactions/{reaction}", (role, as) -> as.put("stories/" + w.pairStory + "/reactions/thank_you", Map.of()));
        calls.put("DELETE /api/stories/{storyId}/reactions/{reaction}", (role, as) -> as.delete("stories/" + w.pairStory + "/reactions/thank_you"));
        calls.put("GET /api/stories/{storyId}/comments", (role, as) -> as.get("stories/" + w.pairStory + "/comments"));
        calls.put("POST /api/stories/{storyId}/comments", (role, as) ->
                as.post("stories/" + w.pairStory + "/comments", Map.of("body", "Thank you for this.", "credit", "person")));
        calls.put("DELETE /api/stories/{storyId}/comments/{commentId}", (role, as) ->
                as.delete("stories/" + w.pairStory + "/comments/" + w.comment(w.pairStory)));
        calls.put("POST /api/stories/{storyId}/reports", (role, as) -> as.post("stories/" + w.pairStory + "/reports", Map.of("reason", "Off topic")));
        calls.put("POST /api/stories/{storyId}/moderation", (role, as) ->
                as.post("stories/" + w.pendingStory() + "/moderation", Map.of("action", "approve")));
        calls.put("POST /api/stories/{storyId}/moderation/comments/{commentId}", (role, as) -> as.post(
                "stories/" + w.approvedStory + "/moderation/comments/" + w.comment(w.approvedStory),
                Map.of("action", "hide", "reason", "Off topic")));
        calls.put("GET /api/collaboratives/{id}/story-drafts", (role, as) -> as.get(c + "/story-drafts"));
        calls.put("POST /api/collaboratives/{id}/story-drafts", (role, as) -> as.post(c + "/story-drafts", Map.of("content", Map.of("title", "Mine"))));
        calls.put("PUT /api/collaboratives/{id}/story-drafts/{draftId}", (role, as) ->
                as.put(c + "/story-drafts/" + w.draft, Map.of("content", Map.of("title", "Still half done"))));
        calls.put("DELETE /api/collaboratives/{id}/story-drafts/{draftId}", (role, as) -> as.delete(c + "/story-drafts/" + w.draft()));

        calls.put("GET /api/collaboratives/{id}/buddies/regions", (role, as) -> as.get(buddies + "regions"));
        calls.put("GET /api/collaboratives/{id}/buddies/profiles", (role, as) -> as.get(buddies + "profiles"));
        calls.put("GET /api/collaboratives/{id}/buddies/profiles/{siteId}", (role, as) -> as.get(buddies + "profiles/" + w.ashford));
        calls.put("PUT /api/collaboratives/{id}/buddies/profiles/{siteId}", (role, as) -> as.put(buddies + "profiles/" + w.ashford, Map.of(
                "offers", List.of("Sepsis screening"), "wants", List.of("AKI alerts"),
                "stages", Map.of("Sepsis screening", 2, "AKI alerts", 2),
                "latitude", 51.146, "longitude", 0.875, "capacity", 1, "excludedSiteIds", List.of())));
        calls.put("GET /api/collaboratives/{id}/buddies/rounds", (role, as) -> as.get(buddies + "rounds"));
        calls.put("POST /api/collaboratives/{id}/buddies/rounds", (role, as) -> as.post(buddies + "rounds", Map.of("name", "Spring " + w.next())));
        calls.put("GET /api/collaboratives/{id}/buddies/rounds/{roundId}", (role, as) -> as.get(buddies + "rounds/" + w.publishedRound));
        calls.put("POST /api/collaboratives/{id}/buddies/rounds/{roundId}/run", (role, as) -> as.post(buddies + "rounds/" + w.spareRound + "/run", Map.of()));
        calls.put("POST /api/collaboratives/{id}/buddies/rounds/{roundId}/swap", (role, as) -> {
            JsonNode pairs = facilitator.get(buddies + "rounds/" + w.spareRound).json().path("pairs");
            return as.post(buddies + "rounds/" + w.spareRound + "/swap", Map.of(
                    "siteId", pairs.get(0).path("sites").get(0).path("siteId").asText(),
                    "otherSiteId", pairs.get(1).path("sites").get(0).path("siteId").asText()));
        });
        calls.put("PUT /api/collaboratives/{id}/buddies/rounds/{roundId}/pairs/{pairId}/pin", (role, as) -> {
            String pair = facilitator.get(buddies + "rounds/" + w.spareRound).json().path("pairs").get(0).path("id").asText();
            return as.put(buddies + "rounds/" + w.spareRound + "/pairs/" + pair + "/pin", Map.of("pinned", true));
        });
        calls.put("POST /api/collaboratives/{id}/buddies/rounds/{roundId}/publish", (role, as) -> {
            String round = w.kent.round("To publish " + w.next());
            World.ok(facilitator.post(buddies + "rounds/" + round + "/run", Map.of()));
            return as.post(buddies + "rounds/" + round + "/publish", Map.of());
        });
        calls.put("GET /api/collaboratives/{id}/buddies/pairs", (role, as) -> as.get(buddies + "pairs"));
        calls.put("POST /api/collaboratives/{id}/buddies/pairs/{pairId}/answer", (role, as) -> {
            String round = w.newPublishedRound();
            String pair = null;
            for (JsonNode candidate : facilitator.get(buddies + "rounds/" + round).json().path("pairs")) {
                for (JsonNode seat : candidate.path("sites")) {
                    if (seat.path("siteId").asText().equals(w.ashford)) {
                        pair = candidate.path("id").asText();
                    }
                }
            }
            return as.post(buddies + "pairs/" + pair + "/answer", Map.of("answer", "decline", "reason", "Too far this year"));
        });
        String space = buddies + "spaces/" + w.pairAB;
        calls.put("GET /api/collaboratives/{id}/buddies/spaces/{pairId}", (role, as) -> as.get(space));
        calls.put("POST /api/collaboratives/{id}/buddies/spaces/{pairId}/check-ins", (role, as) ->
                as.post(space + "/check-ins", Map.of("gave", "Our triage card", "got", "Their AKI alert")));
        calls.put("POST /api/collaboratives/{id}/buddies/spaces/{pairId}/visits", (role, as) -> as.post(space + "/visits", Map.of(
                "hostSiteId", w.bromley, "visitingSiteId", w.ashford, "purpose", "support", "plannedOn", "2027-01-20")));
        calls.put("POST /api/collaboratives/{id}/buddies/spaces/{pairId}/notes", (role, as) -> as.post(space + "/notes", Map.of("text", "Call on Tuesday")));
        calls.put("PUT /api/collaboratives/{id}/buddies/spaces/{pairId}/faculty", (role, as) -> as.put(space + "/faculty", Map.of("invited", false)));
        calls.put("PUT /api/collaboratives/{id}/buddies/spaces/{pairId}/steps/{stepId}", (role, as) ->
                as.put(space + "/steps/" + w.stepAB, Map.of("done", true)));
        measures(w, calls);
        return calls;
    }

    private static void measures(World w, Map<String, Call> calls) {
        String measures = "collaboratives/" + w.collaborative + "/measures";
        String ashford = w.site(w.ashford);
        String common = ashford + "/measures/" + w.commonMeasure;
        Api facilitator = w.kent.facilitator;
        calls.put("GET /api/collaboratives/{id}/measures", (role, as) -> as.get(measures));
        calls.put("POST /api/collaboratives/{id}/measures", (role, as) -> as.post(measures, World.measureDefinition("Measure " + w.next(), null)));
        calls.put("GET /api/collaboratives/{id}/measures/{measureId}", (role, as) -> as.get(measures + "/" + w.siteMeasure));
        calls.put("PUT /api/collaboratives/{id}/measures/{measureId}", (role, as) ->
                as.put(measures + "/" + w.commonMeasure, World.measureDefinition("Screened within an hour", null)));
        calls.put("DELETE /api/collaboratives/{id}/measures/{measureId}", (role, as) ->
                as.delete(measures + "/" + w.measure(facilitator, "Unused " + w.next(), null)));
        calls.put("GET /api/collaboratives/{id}/measures/{measureId}/overview", (role, as) -> as.get(measures + "/" + w.commonMeasure + "/overview"));

        calls.put("GET /api/collaboratives/{id}/sites/{siteId}/measures/{measureId}/values", (role, as) -> as.get(common + "/values"));
        calls.put("POST /api/collaboratives/{id}/sites/{siteId}/measures/{measureId}/values", (role, as) ->
                as.post(common + "/values", Map.of("values", List.of(World.month("2026-06", 35, 40)))));
        calls.put("DELETE /api/collaboratives/{id}/sites/{siteId}/measures/{measureId}/values/{period}", (role, as) -> {
            World.ok(w.as(Role.PARTICIPANT).post(common + "/values", Map.of("values", List.of(World.month("2026-07", 36, 40)))));
            return as.delete(common + "/values/2026-07");
        });
        calls.put("GET /api/collaboratives/{id}/sites/{siteId}/measures/{measureId}/values/history", (role, as) -> as.get(common + "/values/history"));
        calls.put("POST /api/collaboratives/{id}/sites/{siteId}/measures/{measureId}/values/import", (role, as) ->
                as.send("POST", common + "/values/import", "text/csv", "period,numerator,denominator\n2026-05,33,40\n"));
        calls.put("GET /api/collaboratives/{id}/sites/{siteId}/measures/{measureId}/chart", (role, as) -> as.get(common + "/chart"));
        calls.put("GET /api/collaboratives/{id}/sites/{siteId}/measures/{measureId}/chart.csv", (role, as) -> as.get(common + "/chart.csv"));
        calls.put("PUT /api/collaboratives/{id}/sites/{siteId}/measures/{measureId}/chart/change-points", (role, as) ->
                as.put(common + "/chart/change-points", Map.of("periods", List.of("2026-04"))));

        calls.put("GET /api/collaboratives/{id}/sites/{siteId}/data-sharing", (role, as) -> as.get(ashford + "/data-sharing"));
        calls.put("PUT /api/collaboratives/{id}/sites/{siteId}/data-sharing", (role, as) -> as.put(ashford + "/data-sharing", Map.of("shared", false)));
        calls.put("GET /api/collaboratives/{id}/sites/{siteId}/data-tokens", (role, as) -> as.get(ashford + "/data-tokens"));
        calls.put("POST /api/collaboratives/{id}/sites/{siteId}/data-tokens", (role, as) ->
                as.post(ashford + "/data-tokens", Map.of("label", "Ward system " + w.next())));
        calls.put("DELETE /api/collaboratives/{id}/sites/{siteId}/data-tokens/{tokenId}", (role, as) -> as.delete(ashford + "/data-tokens/"
                + World.ok(w.as(Role.SITE_LEAD).post(ashford + "/data-tokens", Map.of("label", "To revoke " + w.next())))
                        .json().path("token").path("id").asText()));

        calls.put("GET /api/collaboratives/{id}/sites/{siteId}/pdsa", (role, as) -> as.get(ashford + "/pdsa"));
        calls.put("POST /api/collaboratives/{id}/sites/{siteId}/pdsa", (role, as) -> as.post(ashford + "/pdsa", w.pdsa()));
        calls.put("PUT /api/collaboratives/{id}/sites/{siteId}/pdsa/{cycleId}", (role, as) -> as.put(ashford + "/pdsa/" + w.pdsaCycle, w.pdsa()));

        calls.put("GET /api/site-data/measures", (role, as) -> as.get("site-data/measures"));
        calls.put("POST /api/site-data/measures/{measureId}/values", (role, as) ->
                as.post("site-data/measures/" + w.commonMeasure + "/values", Map.of("values", List.of(World.month("2026-06", 35, 40)))));
    }

    private static Map<String, Object> collaborative(String name) {
        return Map.of("name", name, "topic", "Sepsis",
                "aim", "Screen every adult with suspected infection for sepsis within one hour of arrival",
                "startsOn", "2026-09-01", "endsOn", "2027-06-30");
    }

    private static Map<String, Object> site(String name) {
        return Map.of("name", name, "kind", "trust", "region", "South East");
    }
}
