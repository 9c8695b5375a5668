package org.colearn.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

/** Shortcuts for the steps many tests share: signing people up and setting up a collaborative. */
public final class People {

    /** The password of everyone {@link #signUp} signs up. */
    public static final String PASSWORD = "correct horse battery";

    private People() {}

    /** Signs up a person and returns their login token. */
    public static String signUp(Api api, String name) {
        Api.Reply reply = api.post(
                "auth/signup", Map.of("email", email(name), "password", PASSWORD, "displayName", name));
        assertEquals(201, reply.status(), () -> "signup of " + name + ": " + reply);
        return reply.json().path("token").asText();
    }

    /**
     * Logs a person {@link #signUp signed up} by name in as the web app does, and returns the Cookie header their
     * browser sends afterwards.
     */
    public static String browserLogin(Api api, String name) {
        Api.Reply login = api.withHeader("X-Colearn-Request", "1").post("auth/login", Map.of("email", email(name), "password", PASSWORD));
        assertEquals(200, login.status(), () -> "browser login of " + name + ": " + login);
        String setCookie = login.header("Set-Cookie");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String email(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.nhs.uk";
    }

    /** Lets guests into the session, as its facilitator does with the switch, and returns its join code. */
    public static String guestCode(Api facilitator, String sessionId) {
        Api.Reply allowed = facilitator.put("sessions/" + sessionId + "/guests", Map.of("allowed", true));
        assertEquals(200, allowed.status(), allowed::toString);
        return allowed.json().path("joinCode").asText();
    }

    /**
     * The guest tokens of {@code count} people from {@code sites} organisations ({@code Trust 1} to {@code Trust
     * <sites>}, in turn) who joined with the session's code.
     */
    public static java.util.List<String> guests(Api api, String code, int count, int sites) {
        java.util.List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            Api.Reply guest = api.post("sessions/join", Map.of("code", code, "displayName", "Guest " + (i + 1), "site", "Trust " + (i % sites + 1)));
            assertEquals(201, guest.status(), guest::toString);
            tokens.add(guest.json().path("guestToken").asText());
        }
        return tokens;
    }

    /** Creates a collaborative as the given facilitator and returns its id. */
    public static String collaborative(Api facilitator, String name) {
        Api.Reply reply = facilitator.post(
                "collaboratives",
                Map.of(
                        "name", name,
                        "topic", "Sepsis",
                        "aim", "Screen every adult with suspected infection for sepsis within one hour of arrival",
                        "startsOn", "2026-09-01",
                        "endsOn", "2027-06-30"));
        assertEquals(201, reply.status(), () -> "create collaborative: " + reply);
        return reply.json().path("id").asText();
    }

    /** Adds a site and returns its id. */
    public static String site(Api facilitator, String collaborativeId, String name, String kind) {
        Api.Reply reply = facilitator.post(
                "collaboratives/" + collaborativeId + "/sites", Map.of("name", name, "kind", kind, "region", "South East"));
        assertEquals(201, reply.status(), () -> "add site " + name + ": " + reply);
        return reply.json().path("id").asText();
    }

    /** Plans a learning session on 1 December 2026 at 09:30 UTC and returns its id. */
    public static String session(Api facilitator, String collaborativeId, String title, int minutes, java.util.List<?> agenda) {
        Api.Reply reply = facilitator.post("collaboratives/" + collaborativeId + "/sessions", Map.of(
                "title", title, "startsAt", "2026-12-01T09:30:00Z", "durationMinutes", minutes, "agenda", agenda));
        assertEquals(201, reply.status(), () -> "plan session: " + reply);
        return reply.json().path("id").asText();
    }

    /** Puts a facilitator (in their first collaborative) at a site, as the "Your site and profession" form does. */
    public static void placeMyself(Api facilitator, String collaborativeId, String siteId) {
        String memberId = facilitator.get("collaboratives").json().get(0).path("myMemberId").asText();
        Api.Reply reply = facilitator.patch(
                "collaboratives/" + collaborativeId + "/members/" + memberId, Map.of("siteId", siteId, "profession", "nurse"));
        assertEquals(200, reply.status(), () -> "place myself: " + reply);
    }

    /** Makes an invitation link for a role and returns its code. */
    public static String invitation(Api facilitator, String collaborativeId, String role) {
        Api.Reply reply = facilitator.post("collaboratives/" + collaborativeId + "/invitations", Map.of("role", role));
        assertEquals(201, reply.status(), () -> "invite: " + reply);
        return reply.json().path("code").asText();
    }

    /** Joins through an invitation with a site and profession. */
    public static void join(Api person, String code, String siteId, String profession) {
        Api.Reply reply = person.post("invitations/" + code + "/accept", Map.of("siteId", siteId, "profession", profession));
        assertEquals(200, reply.status(), () -> "accept invitation: " + reply);
    }

    /** A collaborative ("Sepsis") with one site, Ashford: Fiona Facilitator runs it and Nadia Nurse takes part. */
    public record FacilitatorAndNurse(String facilitatorToken, String nurseToken, String collaborativeId) {}

    public static FacilitatorAndNurse facilitatorAndNurse(Api api) {
        String facilitatorToken = signUp(api, "Fiona Facilitator");
        Api facilitator = api.as(facilitatorToken);
        String collaborative = collaborative(facilitator, "Sepsis");
        String site = site(facilitator, collaborative, "Ashford", "trust");
        String nurseToken = signUp(api, "Nadia Nurse");
        join(api.as(nurseToken), invitation(facilitator, collaborative, "participant"), site, "nurse");
        return new FacilitatorAndNurse(facilitatorToken, nurseToken, collaborative);
    }
}
