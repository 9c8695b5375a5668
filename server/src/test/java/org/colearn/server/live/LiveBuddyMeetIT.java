package org.colearn.server.live;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.colearn.server.buddies.SixSites;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The built-in buddy meet in a live session on a real server: each active pair's members present meet in a room of
 * their own with the pair's open items, which nobody outside the pair (a guest who says they are from one of its sites
 * included) receives in any frame until it invites the faculty.
 */
@Timeout(120)
class LiveBuddyMeetIT {

    static final String STEP = "Send Bromley our screening audit sheet";

    TestServer server;
    SixSites kent;
    String ab;
    String abName;
    String cdName;
    String visit;
    String sessionId;

    @BeforeEach
    void setUp() {
        server = TestServer.start();
        kent = SixSites.withProfiles(server.api(), "Meet");
        kent.publishedRound("Autumn");
        abName = SixSites.names(kent.pairOf("Ashford")).replace(" + ", " & ");
        cdName = SixSites.names(kent.pairOf("Canterbury")).replace(" + ", " & ");
        ab = kent.activate("Ashford");
        kent.activate("Canterbury");
        visit = kent.planVisit(ab, "Ashford", "Bromley", today().plusDays(53));
        sessionId = People.session(kent.facilitator, kent.collaborative, "Learning session 3", 60, List.of(Map.of(
                "title", "Buddy meet", "activityType", "buddy-meet", "plannedMinutes", 20,
                "config", Map.of("minutes", 20, "prompt", "What has each of us tried since we last met?"))));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void eachPairMeetsInItsOwnRoomWithItsOpenItemsWhichOnlyItsMembersReceiveUntilItInvitesTheFaculty() {
        List<LiveClient> clients = new ArrayList<>();
        try {
            LiveClient fiona = join(clients, kent.facilitator, "fiona");
            LiveClient amira = join(clients, kent.ashfordParticipant, "amira");
            LiveClient ashford = join(clients, kent.leads.get("Ashford"), "ashford");
            LiveClient bromley = join(clients, kent.leads.get("Bromley"), "bromley");
            LiveClient canterbury = join(clients, kent.leads.get("Canterbury"), "canterbury");
            LiveClient dartford = join(clients, kent.leads.get("Dartford"), "dartford");
            LiveClient eastbourne = join(clients, kent.leads.get("Eastbourne"), "eastbourne");
            LiveClient guest = join(clients, server.api().as(guestSayingAshford()), "gina");
            startTheMeet(fiona);

            for (LiveClient member : List.of(amira, ashford, bromley)) {
                assertEquals(abName, member.awaitEvent("room.assigned").path("body").path("room").path("name").asText());
                JsonNode pair = meetView(member, view -> view.path("role").asText().equals("member")).path("pair");
                assertEquals(abName, pair.path("name").asText());
                assertEquals(visit, pair.path("openItems").get(0).asText(), "the pair's planned visit is on its screens");
            }
            for (LiveClient member : List.of(canterbury, dartford)) {
                assertEquals(cdName, member.awaitEvent("room.assigned").path("body").path("room").path("name").asText());
            }
            JsonNode unpaired = meetView(eastbourne, view -> view.path("role").asText().equals("plenary"));
            assertTrue(unpaired.path("notice").asText().startsWith("Your site has no buddy pair yet"), unpaired::toString);
            JsonNode claimed = meetView(guest, view -> view.path("role").asText().equals("plenary"));
            assertTrue(claimed.path("notice").asText().startsWith("Only the members of a pair's sites"), claimed::toString);

            JsonNode added = amira.request("buddy-meet.addStep", bodyOf("text", STEP));
            assertTrue(added.path("ok").asBoolean(), added::toString);
            meetView(bromley, view -> view.path("pair").path("steps").size() == 1);
            JsonNode overview = meetView(fiona, view -> pair(view, abName).path("steps").asInt() == 1);
            assertEquals(3, pair(overview, abName).path("people").size(), "the facilitator sees who is in the pair's room");
            assertTrue(pair(overview, abName).path("openItems").isNull());
            assertNeverReceived(fiona, "the facilitator, not invited");

            Api.Reply invited = kent.leads.get("Bromley").put(kent.path("spaces/" + ab + "/faculty"), Map.of("invited", true));
            assertEquals(200, invited.status(), invited::toString);
            JsonNode refreshed = fiona.request("buddy-meet.refresh", bodyOf());
            assertTrue(refreshed.path("ok").asBoolean(), refreshed::toString);
            JsonNode seen = pair(meetView(fiona, view -> !pair(view, abName).path("openItems").isNull()), abName);
            assertEquals(visit, seen.path("openItems").get(0).asText(), "once invited, the facilitator sees the pair's items");
            assertEquals(STEP, seen.path("agreed").get(0).path("text").asText());
            assertTrue(pair(meetView(fiona, view -> true), cdName).path("openItems").isNull(), "the other pair keeps its own");

            JsonNode finished = fiona.request("buddy-meet.finish", bodyOf());
            assertTrue(finished.path("ok").asBoolean(), finished::toString);
            for (LiveClient person : List.of(canterbury, dartford, eastbourne, guest)) {
                meetView(person, view -> view.path("phase").asText().equals("done"));
                assertNeverReceived(person, "someone outside the pair");
            }
            amira.awaitEvent("rooms.closed");
            assertEquals(0, guest.count(frame -> frame.path("type").asText().equals("room.assigned")), "the guest was never seated");
        } finally {
            clients.forEach(LiveClient::close);
        }
    }

    @Test
    void thePairsOpenItemsAreItsComingVisitsThenEachSidesLatestCheckInThenItsLatestThreeNotes() {
        kent.planVisit(ab, "Bromley", "Ashford", today().minusDays(3));
        String sooner = kent.planVisit(ab, "Bromley", "Ashford", today().plusDays(9));
        checkIn("Ashford", "Our sepsis screening audit sheet", "");
        checkIn("Ashford", "", "A walk through their AKI alert pathway");
        checkIn("Bromley", "AKI e-alert training slides", "Their audit sheet");
        for (String note : List.of("First note", "Second note", "Third note", "Fourth note\nwith a second line")) {
            Api.Reply added = kent.ashfordParticipant.post(kent.path("spaces/" + ab + "/notes"), Map.of("text", note));
            assertEquals(201, added.status(), added::toString);
            server.clock().advance(Duration.ofSeconds(1));
        }
        String day = SixSites.inWords(today());
        List<LiveClient> clients = new ArrayList<>();
        try {
            LiveClient fiona = join(clients, kent.facilitator, "fiona");
            LiveClient amira = join(clients, kent.ashfordParticipant, "amira");
            startTheMeet(fiona);
            JsonNode items = meetView(amira, view -> view.path("role").asText().equals("member")).path("pair").path("openItems");
            List<String> seen = new ArrayList<>();
            items.forEach(item -> seen.add(item.asText()));
            assertEquals(List.of(
                    sooner,
                    visit,
                    "Bromley's latest check-in (" + day + "): gave AKI e-alert training slides; got Their audit sheet",
                    "Ashford's latest check-in (" + day + "): got A walk through their AKI alert pathway",
                    "Note (" + day + "): Fourth note",
                    "Note (" + day + "): Third note",
                    "Note (" + day + "): Second note"), seen, "a visit already past is done and left out");
        } finally {
            clients.forEach(LiveClient::close);
        }
    }

    @Test
    void someoneWhoArrivesLateJoinsTheirPairsRoomAndAPairsFirstArrivalOpensItsRoomWithoutMovingAnyone() {
        List<LiveClient> clients = new ArrayList<>();
        try {
            LiveClient fiona = join(clients, kent.facilitator, "fiona");
            LiveClient amira = join(clients, kent.ashfordParticipant, "amira");
            LiveClient bromley = join(clients, kent.leads.get("Bromley"), "bromley");
            startTheMeet(fiona);
            meetView(fiona, view -> pair(view, abName).path("people").size() == 2 && !pair(view, cdName).path("roomOpen").asBoolean());

            LiveClient canterbury = join(clients, kent.leads.get("Canterbury"), "canterbury");
            assertEquals(cdName, canterbury.awaitEvent("room.assigned").path("body").path("room").path("name").asText());
            JsonNode both = meetView(fiona, view -> pair(view, cdName).path("people").size() == 1);
            assertEquals(2, pair(both, abName).path("people").size(), "Ashford and Bromley are still together");
            LiveClient ashford = join(clients, kent.leads.get("Ashford"), "ashford");
            assertEquals(abName, ashford.awaitEvent("room.assigned").path("body").path("room").path("name").asText());
            meetView(fiona, view -> pair(view, abName).path("people").size() == 3 && pair(view, cdName).path("people").size() == 1);
            for (LiveClient member : List.of(amira, bromley)) {
                List<JsonNode> assigned = member.events().stream().filter(event -> event.path("type").asText().equals("room.assigned")).toList();
                assertEquals(abName, assigned.get(assigned.size() - 1).path("body").path("room").path("name").asText(),
                        "the last room each was put in is still their pair's");
            }
        } finally {
            clients.forEach(LiveClient::close);
        }
    }

    @Test
    void theStepsAreStillThereAfterARestartAndTheTimerStillEndsTheMeetWithAResultForTheFacilitators() {
        List<LiveClient> clients = new ArrayList<>();
        try {
            LiveClient fiona = join(clients, kent.facilitator, "fiona");
            LiveClient amira = join(clients, kent.ashfordParticipant, "amira");
            join(clients, kent.leads.get("Bromley"), "bromley");
            startTheMeet(fiona);
            meetView(amira, view -> view.path("role").asText().equals("member"));
            assertTrue(amira.request("buddy-meet.addStep", bodyOf("text", STEP)).path("ok").asBoolean());
            meetView(fiona, view -> pair(view, abName).path("steps").asInt() == 1);
            server.restart();
        } finally {
            clients.forEach(LiveClient::close);
            clients.clear();
        }
        try {
            LiveClient amira = join(clients, kent.ashfordParticipant, "amira");
            JsonNode pair = meetView(amira, view -> view.path("pair").path("steps").size() == 1).path("pair");
            assertEquals(STEP, pair.path("steps").get(0).path("text").asText(), "still there after the restart");
            assertEquals(abName, amira.view().path("rooms").path("rooms").get(0).path("name").asText(), "back in the pair's room");
            server.clock().advance(Duration.ofMinutes(20));
            amira.awaitEvent("rooms.closed");
            meetView(amira, view -> view.path("phase").asText().equals("done"));
        } finally {
            clients.forEach(LiveClient::close);
        }
        Api facilitator = server.api().as(kent.facilitator.bearerToken()); // the restarted server listens on a new port
        Api.Reply results = facilitator.get("sessions/" + sessionId + "/results");
        JsonNode kept = java.util.stream.StreamSupport.stream(results.json().spliterator(), false)
                .filter(result -> result.path("title").asText().equals("Buddy meet")).findFirst()
                .orElseThrow(() -> new AssertionError("no buddy meet result in " + results));
        String markdown = facilitator.get("sessions/" + sessionId + "/results/" + kept.path("seq").asLong() + ".md").text();
        assertTrue(markdown.contains("## " + abName + "\n\n2 people met, 1 next step agreed.\n\nThe pair keeps its steps to itself."), markdown);
        assertFalse(markdown.contains("audit sheet") || markdown.contains("Ashford visits"), markdown);
    }

    @Test
    void theStepsAPairAgreedAreKeptInItsSpaceWhereEitherSiteMarksThemDoneAndTheNextMeetOpensWithTheOpenOnes() {
        String slides = "Share our AKI e-alert training slides";
        List<LiveClient> clients = new ArrayList<>();
        try {
            LiveClient fiona = join(clients, kent.facilitator, "fiona");
            LiveClient amira = join(clients, kent.ashfordParticipant, "amira");
            LiveClient bromley = join(clients, kent.leads.get("Bromley"), "bromley");
            startTheMeet(fiona);
            meetView(amira, view -> view.path("role").asText().equals("member"));
            assertTrue(amira.request("buddy-meet.addStep", bodyOf("text", STEP)).path("ok").asBoolean());
            assertTrue(bromley.request("buddy-meet.addStep", bodyOf("text", slides)).path("ok").asBoolean());
            String done = meetView(bromley, view -> view.path("pair").path("steps").size() == 2).path("pair").path("steps").get(1).path("id").asText();
            assertTrue(bromley.request("buddy-meet.doneStep", bodyOf("id", done)).path("ok").asBoolean());
            assertEquals(0, kent.leads.get("Bromley").get(kent.path("spaces/" + ab)).json().path("steps").size(), "kept when the meet ends");
            assertTrue(fiona.request("buddy-meet.finish", bodyOf()).path("ok").asBoolean());
            meetView(amira, view -> view.path("phase").asText().equals("done"));
        } finally {
            clients.forEach(LiveClient::close);
            clients.clear();
        }

        JsonNode steps = kent.leads.get("Bromley").get(kent.path("spaces/" + ab)).json().path("steps");
        assertEquals(2, steps.size(), steps::toString);
        assertEquals(STEP, steps.get(0).path("text").asText(), "open steps first");
        assertEquals("Meet Ashford Nurse", steps.get(0).path("by").asText());
        assertFalse(steps.get(0).path("done").asBoolean());
        assertEquals(slides, steps.get(1).path("text").asText());
        assertTrue(steps.get(1).path("done").asBoolean(), "done at the meet already");

        String open = steps.get(0).path("id").asText();
        Api.Reply marked = kent.leads.get("Bromley").put(kent.path("spaces/" + ab + "/steps/" + open), Map.of("done", true));
        assertEquals(200, marked.status(), marked::toString);
        JsonNode nowDone = marked.json().path("steps");
        assertTrue(nowDone.get(0).path("done").asBoolean() && nowDone.get(1).path("done").asBoolean(), nowDone::toString);
        assertEquals("Meet Bromley Lead", nowDone.get(0).path("doneBy").asText(), "who marked it: " + nowDone);
        assertEquals(404, kent.leads.get("Canterbury").put(kent.path("spaces/" + ab + "/steps/" + open), Map.of("done", false)).status(),
                "another pair's lead cannot even see it");
        assertEquals(404, kent.facilitator.put(kent.path("spaces/" + ab + "/steps/" + open), Map.of("done", false)).status());
        assertEquals("step_not_found", kent.ashfordParticipant.put(kent.path("spaces/" + ab + "/steps/" + java.util.UUID.randomUUID()),
                Map.of("done", false)).code());
        assertEquals(422, kent.ashfordParticipant.put(kent.path("spaces/" + ab + "/steps/" + open), Map.of()).status());
        Api.Reply reopened = kent.ashfordParticipant.put(kent.path("spaces/" + ab + "/steps/" + open), Map.of("done", false));
        assertFalse(reopened.json().path("steps").get(0).path("done").asBoolean(), "the other site opens it again: " + reopened);

        sessionId = People.session(kent.facilitator, kent.collaborative, "Learning session 4", 60, List.of(Map.of(
                "title", "Buddy meet", "activityType", "buddy-meet", "plannedMinutes", 20,
                "config", Map.of("minutes", 20, "prompt", "How did the steps go?"))));
        try {
            LiveClient fiona = join(clients, kent.facilitator, "fiona-again");
            LiveClient amira = join(clients, kent.ashfordParticipant, "amira-again");
            startTheMeet(fiona);
            JsonNode items = meetView(amira, view -> view.path("role").asText().equals("member")).path("pair").path("openItems");
            List<String> seen = new ArrayList<>();
            items.forEach(item -> seen.add(item.asText()));
            assertTrue(seen.contains("Next step (agreed " + SixSites.inWords(today()) + "): " + STEP), seen::toString);
            assertFalse(seen.stream().anyMatch(item -> item.contains(slides)), "a step done is not open: " + seen);
        } finally {
            clients.forEach(LiveClient::close);
        }
    }

    /** A guest who joins with the session's code and types Ashford as their site: a claim, not a membership. */
    private String guestSayingAshford() {
        String code = People.guestCode(kent.facilitator, sessionId);
        Api.Reply joined = server.api().post("sessions/join", Map.of("code", code, "displayName", "Gina Guest", "site", "Ashford"));
        assertEquals(201, joined.status(), joined::toString);
        return joined.json().path("guestToken").asText();
    }

    /** The facilitator starts the session and its one item, the buddy meet. */
    private static void startTheMeet(LiveClient facilitator) {
        assertTrue(facilitator.request("session.start", bodyOf()).path("ok").asBoolean());
        JsonNode started = facilitator.request("agenda.goto", bodyOf("index", 0));
        assertTrue(started.path("ok").asBoolean(), started::toString);
    }

    private void checkIn(String site, String gave, String got) {
        Api.Reply reply = kent.leads.get(site).post(kent.path("spaces/" + ab + "/check-ins"), Map.of("gave", gave, "got", got));
        assertEquals(201, reply.status(), reply::toString);
        server.clock().advance(Duration.ofSeconds(1));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(server.clock().instant(), ZoneOffset.UTC);
    }

    private LiveClient join(List<LiveClient> clients, Api person, String clientId) {
        LiveClient client = LiveClient.join(server, sessionId, person.bearerToken(), clientId + "-laptop", null);
        clients.add(client);
        return client;
    }

    private static void assertNeverReceived(LiveClient client, String who) {
        for (JsonNode frame : client.frames()) {
            String text = frame.toString();
            assertFalse(text.contains("Ashford visits Bromley") || text.contains("screening audit sheet"), who + " received " + text);
        }
    }

    /** The latest buddy-meet view that matches, whether it came with the hello reply or as a change since. */
    private static JsonNode meetView(LiveClient client, Predicate<JsonNode> matches) {
        Function<JsonNode, JsonNode> activity = frame -> "activity.view".equals(frame.path("type").asText())
                ? frame.path("body") : frame.path("body").path("view").path("activity");
        client.await(frame -> activity.apply(frame).path("type").asText().equals("buddy-meet")
                && matches.test(activity.apply(frame).path("view")), "a buddy-meet view");
        List<JsonNode> frames = client.frames();
        for (int i = frames.size() - 1; i >= 0; i--) {
            JsonNode view = activity.apply(frames.get(i));
            if (view.path("type").asText().equals("buddy-meet") && matches.test(view.path("view"))) {
                return view.path("view");
            }
        }
        throw new AssertionError("the matching view is gone from " + client.frames());
    }

    private static JsonNode pair(JsonNode facilitatorView, String name) {
        for (JsonNode pair : facilitatorView.path("pairs")) {
            if (pair.path("name").asText().equals(name)) {
                return pair;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
