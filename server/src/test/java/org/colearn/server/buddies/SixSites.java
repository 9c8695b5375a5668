package org.colearn.server.buddies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.People;

/**
 * A Kent collaborative of six sites whose profiles make three mutual pairs (Ashford–Bromley, Canterbury–Dartford,
 * Eastbourne–Folkestone), each site with its own lead, plus a participant at Ashford.
 */
public final class SixSites {

    public static final List<String> NAMES = List.of("Ashford", "Bromley", "Canterbury", "Dartford", "Eastbourne", "Folkestone");

    public final Api facilitator;
    public final String collaborative;
    public final Map<String, String> siteIds = new LinkedHashMap<>();
    public final Map<String, Api> leads = new LinkedHashMap<>();
    public final Api ashfordParticipant;

    private SixSites(Api api, String prefix) {
        facilitator = api.as(People.signUp(api, prefix + " Facilitator"));
        collaborative = People.collaborative(facilitator, "Kent buddying collaborative");
        for (String name : NAMES) {
            siteIds.put(name, People.site(facilitator, collaborative, name, "trust"));
        }
        String leadCode = People.invitation(facilitator, collaborative, "site_lead");
        for (String name : NAMES) {
            Api lead = api.as(People.signUp(api, prefix + " " + name + " Lead"));
            People.join(lead, leadCode, siteIds.get(name), "nurse");
            leads.put(name, lead);
        }
        ashfordParticipant = api.as(People.signUp(api, prefix + " Ashford Nurse"));
        People.join(ashfordParticipant, People.invitation(facilitator, collaborative, "participant"), siteIds.get("Ashford"), "nurse");
    }

    /** The sites and their leads, without profiles. */
    public static SixSites withoutProfiles(Api api, String prefix) {
        return new SixSites(api, prefix);
    }

    /** The sites, their leads, and a profile for each written by its lead. */
    public static SixSites withProfiles(Api api, String prefix) {
        SixSites kent = new SixSites(api, prefix);
        kent.profile("Ashford", "Sepsis screening", "AKI alerts", 51.146, 0.875);
        kent.profile("Bromley", "AKI alerts", "Sepsis screening", 51.406, 0.015);
        kent.profile("Canterbury", "Falls prevention", "VTE assessment", 51.280, 1.080);
        kent.profile("Dartford", "VTE assessment", "Falls prevention", 51.446, 0.217);
        kent.profile("Eastbourne", "Deterioration scores", "Discharge planning", 50.768, 0.284);
        kent.profile("Folkestone", "Discharge planning", "Deterioration scores", 51.081, 1.166);
        return kent;
    }

    public void profile(String site, String offers, String wants, double latitude, double longitude) {
        Api.Reply reply = leads.get(site).put(profilePath(site), Map.of(
                "offers", List.of(offers),
                "wants", List.of(wants),
                "stages", Map.of(offers, 2, wants, 2),
                "latitude", latitude,
                "longitude", longitude,
                "capacity", 1,
                "excludedSiteIds", List.of()));
        assertEquals(200, reply.status(), () -> "profile of " + site + ": " + reply);
    }

    public String profilePath(String site) {
        return "collaboratives/" + collaborative + "/buddies/profiles/" + siteIds.get(site);
    }

    public String path(String rest) {
        return "collaboratives/" + collaborative + "/buddies/" + rest;
    }

    /** Starts a round and returns its id. */
    public String round(String name) {
        Api.Reply reply = facilitator.post(path("rounds"), Map.of("name", name, "quietAfterDays", 21));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().path("id").asText();
    }

    /** Starts a round, runs the pairing and publishes it to the leads; returns the round's id. */
    public String publishedRound(String name) {
        String round = round(name);
        assertEquals(200, facilitator.post(path("rounds/" + round + "/run"), Map.of()).status());
        assertEquals(200, facilitator.post(path("rounds/" + round + "/publish"), Map.of()).status());
        return round;
    }

    /** The pair of this site, as its lead sees it. */
    public JsonNode pairOf(String site) {
        return leads.get(site).get(path("pairs")).json().get(0);
    }

    /** Every lead of the pair of this site accepts it, so that it is active; returns the pair's id. */
    public String activate(String site) {
        JsonNode pair = pairOf(site);
        String id = pair.path("id").asText();
        pair.path("sites").forEach(seat -> {
            Api.Reply reply = leads.get(seat.path("name").asText()).post(path("pairs/" + id + "/answer"), Map.of("answer", "accept"));
            assertEquals(200, reply.status(), reply::toString);
        });
        return id;
    }

    /**
     * The visiting site's lead plans a support visit to the host site in their active pair's space; returns the visit
     * as the pair's open items say it.
     */
    public String planVisit(String pairId, String visiting, String host, LocalDate plannedOn) {
        Api.Reply reply = leads.get(visiting).post(path("spaces/" + pairId + "/visits"), Map.of(
                "hostSiteId", siteIds.get(host), "visitingSiteId", siteIds.get(visiting), "purpose", "support",
                "plannedOn", plannedOn.toString()));
        assertEquals(201, reply.status(), reply::toString);
        return "Visit on " + inWords(plannedOn) + ": " + visiting + " visits " + host + " (support)";
    }

    /** A day as the pair's open items write it: "20 January 2027". */
    public static String inWords(LocalDate day) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(day);
    }

    /** The names of a pair's sites in seat order, e.g. "Ashford + Bromley". */
    public static String names(JsonNode pair) {
        StringBuilder names = new StringBuilder();
        pair.path("sites").forEach(site -> names.append(names.length() == 0 ? "" : " + ").append(site.path("name").asText()));
        return names.toString();
    }

    /** The names of a pair's sites, sorted, e.g. "Ashford + Bromley" whatever the seats. */
    public static String sortedNames(JsonNode pair) {
        List<String> names = new java.util.ArrayList<>();
        pair.path("sites").forEach(site -> names.add(site.path("name").asText()));
        names.sort(null);
        return String.join(" + ", names);
    }
}
