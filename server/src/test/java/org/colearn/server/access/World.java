package org.colearn.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.colearn.server.buddies.SixSites;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;

/**
 * A server with everything the authorization tables are checked against: the Kent collaborative of six sites with two
 * active buddy pairs (Ashford–Bromley, Canterbury–Dartford), its people in every role, stories (a pair story, a
 * credited one awaiting nothing, an approved one, an anonymous one), drafts, invitations, an imported person, a
 * session planned and two running live; a second collaborative with its own facilitator; and the server's admin,
 * who is a member of neither.
 */
final class World {

    static final Map<String, Object> POLL = Map.of(
            "question", "Which change will you test first?", "options", List.of("Sepsis screening", "AKI alerts"));

    /** The activities of the socket's session, in agenda order after its opening plenary. */
    static final List<String> ACTIVITIES = List.of("poll", "world-cafe", "failure-circle", "buddy-meet", "data-review");

    final TestServer server;
    final Api anonymous;
    final SixSites kent;
    final String collaborative;
    final Map<Role, String> tokens = new EnumMap<>(Role.class);
    final Map<Role, String> emails = new EnumMap<>(Role.class);
    private final AtomicInteger serial = new AtomicInteger();

    final String ashford;
    final String bromley;
    final String canterbury;
    final String spareSite;
    final String pairAB;
    final String stepAB;
    final String publishedRound;
    final String spareRound;
    final String participantMember;
    final String moverMember;
    final Api tom;
    final String tomMember;
    final String invitedMember;
    final String invitationCode;
    final String joinableCode;
    final String joinableSite;
    final String pairStory;
    final String ownStory;
    final String approvedStory;
    final String anonymousKey;
    final String draft;
    final String plannedSession;
    final String restSession;
    final String restSessionCode;
    final long resultSeq;
    final String liveSession;
    final String liveSessionCode;
    final String otherCollaborative;
    final String commonMeasure;
    final String siteMeasure;
    final String dataToken;
    final String pdsaCycle;

    World() {
        server = TestServer.start();
        anonymous = server.api();
        put(Role.SERVER_ADMIN, "Ada Admin");
        kent = SixSites.withProfiles(anonymous, "Matrix");
        collaborative = kent.collaborative;
        tokens.put(Role.FACILITATOR, kent.facilitator.bearerToken());
        emails.put(Role.FACILITATOR, email("Matrix Facilitator"));
        tokens.put(Role.SITE_LEAD, kent.leads.get("Ashford").bearerToken());
        emails.put(Role.SITE_LEAD, email("Matrix Ashford Lead"));
        tokens.put(Role.PARTICIPANT, kent.ashfordParticipant.bearerToken());
        emails.put(Role.PARTICIPANT, email("Matrix Ashford Nurse"));
        ashford = kent.siteIds.get("Ashford");
        bromley = kent.siteIds.get("Bromley");
        canterbury = kent.siteIds.get("Canterbury");
        Api facilitator = kent.facilitator;
        spareSite = People.site(facilitator, collaborative, "Spare", "trust");

        publishedRound = kent.publishedRound("Autumn");
        pairAB = kent.activate("Ashford");
        kent.activate("Canterbury");
        spareRound = kent.round("Spare round");
        ok(facilitator.post(kent.path("rounds/" + spareRound + "/run"), Map.of()));

        String code = People.invitation(facilitator, collaborative, "participant");
        invitationCode = code;
        put(Role.MOVER, "Matrix Mover");
        People.join(as(Role.MOVER), code, canterbury, "nurse");
        moverMember = memberId("Matrix Mover");
        put(Role.REMOVED, "Matrix Removed");
        People.join(as(Role.REMOVED), code, ashford, "nurse");
        ok(facilitator.delete("collaboratives/" + collaborative + "/members/" + memberId("Matrix Removed")));
        tom = anonymous.as(People.signUp(anonymous, "Tom Target"));
        People.join(tom, code, bromley, "doctor");
        tomMember = memberId("Tom Target");
        participantMember = memberId("Matrix Ashford Nurse");
        invitedMember = importInvited("Ivy Invited");

        put(Role.OTHER_FACILITATOR, "Olga Other");
        otherCollaborative = People.collaborative(as(Role.OTHER_FACILITATOR), "Falls elsewhere");
        People.site(as(Role.OTHER_FACILITATOR), otherCollaborative, "Elsewhere", "trust");
        String joinable = People.collaborative(as(Role.SERVER_ADMIN), "Open to all");
        joinableSite = People.site(as(Role.SERVER_ADMIN), joinable, "Anywhere", "trust");
        joinableCode = People.invitation(as(Role.SERVER_ADMIN), joinable, "participant");

        Api lead = as(Role.SITE_LEAD);
        Api participant = as(Role.PARTICIPANT);
        pairStory = storyId(lead.post(stories(), story("person", "pair")));
        ownStory = storyId(participant.post(stories(), story("person", "pair")));
        approvedStory = pendingStory();
        ok(facilitator.post("stories/" + approvedStory + "/moderation", Map.of("action", "approve")));
        Api.Reply anonymousStory = participant.post(stories(), story("nobody", "collaborative"));
        assertEquals(201, anonymousStory.status(), anonymousStory::toString);
        anonymousKey = anonymousStory.json().path("editKey").asText();
        draft = draft();

        plannedSession = People.session(facilitator, collaborative, "Planned", 60, List.of(LiveClient.agendaItem("Welcome", "plenary", 10)));
        restSession = People.session(facilitator, collaborative, "Running for REST", 60, List.of(
                Map.of("title", "First poll", "activityType", "poll", "plannedMinutes", 10, "config", POLL),
                Map.of("title", "Second poll", "activityType", "poll", "plannedMinutes", 10, "config", POLL)));
        restSessionCode = guestsAllowed(restSession);
        try (LiveClient fiona = LiveClient.join(server, restSession, tokens.get(Role.FACILITATOR), "fiona-rest", null)) {
            command(fiona, "session.start", LiveClient.bodyOf());
            command(fiona, "agenda.goto", LiveClient.bodyOf("index", 0));
            command(fiona, "poll.close", LiveClient.bodyOf());
            command(fiona, "agenda.goto", LiveClient.bodyOf("index", 1));
        }
        JsonNode results = facilitator.get("sessions/" + restSession + "/results").json();
        assertEquals(1, results.size(), results::toString);
        resultSeq = results.get(0).path("seq").asLong();
        tokens.put(Role.GUEST, guest(restSessionCode));

        liveSession = People.session(facilitator, collaborative, "Running for the socket", 60, List.of(
                LiveClient.agendaItem("Welcome", "plenary", 10),
                Map.of("title", "Pulse check", "activityType", "poll", "plannedMinutes", 10, "config", POLL),
                Map.of("title", "Café", "activityType", "world-cafe", "plannedMinutes", 30, "config", Map.of("hosts", "volunteers")),
                LiveClient.agendaItem("Circle", "failure-circle", 30),
                LiveClient.agendaItem("Buddies meet", "buddy-meet", 20),
                LiveClient.agendaItem("Data review", "data-review", 20)));
        liveSessionCode = guestsAllowed(liveSession);

        ok(as(Role.MOVER).post("collaboratives/" + collaborative + "/site-moves", Map.of("siteId", ashford)));

        commonMeasure = measure(facilitator, "Screened within an hour", null);
        siteMeasure = measure(participant, "Ashford's triage card in use", ashford);
        dataToken = ok(lead.post(site(ashford) + "/data-tokens", Map.of("label", "Ashford's dashboard"))).json().path("secret").asText();
        ok(anonymous.as(dataToken).post("site-data/measures/" + commonMeasure + "/values", Map.of("values", List.of(
                month("2026-01", 20, 40), month("2026-02", 24, 40), month("2026-03", 22, 40),
                month("2026-04", 30, 40), month("2026-05", 33, 40), month("2026-06", 35, 40)))));
        ok(participant.put(site(ashford) + "/measures/" + commonMeasure + "/chart/change-points", Map.of("periods", List.of("2026-04"))));
        pdsaCycle = ok(participant.post(site(ashford) + "/pdsa", pdsa())).json().path("id").asText();
        stepAB = agreedStep(facilitator);
    }

    /** A buddy meet in which Ashford's lead agrees a next step: the step kept in the Ashford–Bromley space. */
    private String agreedStep(Api facilitator) {
        String meet = People.session(facilitator, collaborative, "Buddies agree steps", 30, List.of(LiveClient.agendaItem("Meet", "buddy-meet", 20)));
        try (LiveClient fiona = LiveClient.join(server, meet, tokens.get(Role.FACILITATOR), "fiona-steps", null);
                LiveClient lead = LiveClient.join(server, meet, tokens.get(Role.SITE_LEAD), "lead-steps", null)) {
            command(fiona, "session.start", LiveClient.bodyOf());
            command(fiona, "agenda.goto", LiveClient.bodyOf("index", 0));
            command(lead, "buddy-meet.addStep", LiveClient.bodyOf("text", "Call on Tuesday"));
            command(fiona, "buddy-meet.finish", LiveClient.bodyOf());
        }
        JsonNode steps = ok(as(Role.SITE_LEAD).get(kent.path("spaces/" + pairAB))).json().path("steps");
        assertEquals(1, steps.size(), steps::toString);
        return steps.get(0).path("id").asText();
    }

    String site(String siteId) {
        return "collaboratives/" + collaborative + "/sites/" + siteId;
    }

    /** A proportion measure, the collaborative's when siteId is null; returns its id. */
    String measure(Api as, String name, String siteId) {
        return ok(as.post("collaboratives/" + collaborative + "/measures", measureDefinition(name, siteId))).json().path("id").asText();
    }

    static Map<String, Object> measureDefinition(String name, String siteId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "name", name, "definition", "Adults with suspected infection screened for sepsis within an hour of arrival",
                "kind", "proportion", "frequency", "monthly", "better", "up",
                "numeratorLabel", "Screened within an hour", "denominatorLabel", "Adults with suspected infection"));
        if (siteId != null) {
            body.put("siteId", siteId);
        }
        return body;
    }

    static Map<String, Object> month(String period, int numerator, int denominator) {
        return Map.of("period", period, "numerator", numerator, "denominator", denominator);
    }

    Map<String, Object> pdsa() {
        return Map.of("changeIdea", "Screening prompt on the triage card", "plan", "Print it and use it on the night shift",
                "prediction", "More adults screened within an hour", "plannedOn", "2026-03-02", "measureId", commonMeasure);
    }

    Api as(Role role) {
        return role == Role.NO_TOKEN ? anonymous : anonymous.as(tokens.get(role));
    }

    /** A new token for the role's person, as logging in again gives (a guest joins again). */
    Api freshLogin(Role role) {
        return switch (role) {
            case NO_TOKEN -> anonymous;
            case GUEST -> anonymous.as(guest(restSessionCode));
            default -> anonymous.as(ok(anonymous.post("auth/login", Map.of("email", emails.get(role), "password", People.PASSWORD)))
                    .json().path("token").asText());
        };
    }

    int next() {
        return serial.incrementAndGet();
    }

    String stories() {
        return "collaboratives/" + collaborative + "/stories";
    }

    String members() {
        return "collaboratives/" + collaborative + "/members";
    }

    String memberId(String name) {
        for (JsonNode member : kent.facilitator.get(members()).json()) {
            if (member.path("displayName").asText().equals(name)) {
                return member.path("id").asText();
            }
        }
        throw new AssertionError("no member " + name);
    }

    /** Imports a person who has no account yet; returns their membership's id. */
    String importInvited(String name) {
        String csv = "name,email,site,profession\n" + name + "," + email(name) + ",Ashford,nurse\n";
        ok(kent.facilitator.send("POST", members() + "/import", "text/csv", csv));
        return memberId(name);
    }

    /** A credited story of the participant's that awaits a facilitator's approval. */
    String pendingStory() {
        return storyId(as(Role.PARTICIPANT).post(stories(), story("person", "collaborative")));
    }

    /** A credited comment of the participant's on a story. */
    String comment(String storyId) {
        return ok(as(Role.PARTICIPANT).post("stories/" + storyId + "/comments", Map.of("body", "We saw this too.", "credit", "person")))
                .json().path("item").path("id").asText();
    }

    String draft() {
        return ok(as(Role.PARTICIPANT).post("collaboratives/" + collaborative + "/story-drafts", Map.of("content", Map.of("title", "Half done"))))
                .json().path("id").asText();
    }

    /** A round that has been run and published; returns its id. */
    String newPublishedRound() {
        String round = kent.round("Round " + next());
        ok(kent.facilitator.post(kent.path("rounds/" + round + "/run"), Map.of()));
        ok(kent.facilitator.post(kent.path("rounds/" + round + "/publish"), Map.of()));
        return round;
    }

    /** Tom, at Bromley, asks to move to Ashford. */
    void tomAsksForAshford() {
        ok(tom.post("collaboratives/" + collaborative + "/site-moves", Map.of("siteId", ashford)));
    }

    /** Tom is back at Bromley with nothing pending, and the mover's request to Ashford stands alone. */
    void settleMoves() {
        ok(kent.facilitator.patch(members() + "/" + tomMember, Map.of("siteId", bromley)));
        for (JsonNode move : kent.facilitator.get("collaboratives/" + collaborative + "/site-moves").json()) {
            if (!move.path("memberId").asText().equals(moverMember)) {
                ok(kent.facilitator.post("collaboratives/" + collaborative + "/site-moves/" + move.path("memberId").asText() + "/decline", Map.of()));
            }
        }
        ok(as(Role.MOVER).post("collaboratives/" + collaborative + "/site-moves", Map.of("siteId", ashford)));
    }

    static Map<String, Object> story(String credit, String visibility) {
        return org.colearn.server.stories.StoryWorld.story(credit, visibility);
    }

    private void put(Role role, String name) {
        tokens.put(role, People.signUp(anonymous, name));
        emails.put(role, email(name));
    }

    static String email(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.nhs.uk";
    }

    private String guestsAllowed(String session) {
        ok(kent.facilitator.put("sessions/" + session + "/guests", Map.of("allowed", true)));
        return kent.facilitator.get("sessions/" + session).json().path("joinCode").asText();
    }

    String guest(String code) {
        return ok(anonymous.post("sessions/join", Map.of("code", code, "displayName", "Guest " + next())))
                .json().path("guestToken").asText();
    }

    private static String storyId(Api.Reply reply) {
        return ok(reply).json().path("item").path("id").asText();
    }

    static void command(LiveClient client, String type, com.fasterxml.jackson.databind.node.ObjectNode body) {
        JsonNode reply = client.request(type, body);
        if (!reply.path("ok").asBoolean()) {
            throw new AssertionError(type + " refused: " + reply);
        }
    }

    static Api.Reply ok(Api.Reply reply) {
        if (reply.status() / 100 != 2) {
            throw new AssertionError("setting up: " + reply);
        }
        return reply;
    }

    void close() {
        server.close();
    }
}
