package org.colearn.server.improvement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.People;

/**
 * A sepsis collaborative for the improvement tests: Fiona facilitates; Ashford has Lee (its lead) and Nadia (a nurse);
 * Dover has Dan; Sam runs a collaborative of his own.
 */
final class Sepsis {

    final Api facilitator;
    final Api lead;
    final Api nurse;
    final Api dover;
    final Api stranger;
    final String collaborative;
    final String ashford;
    final String doverSite;

    Sepsis(Api api) {
        facilitator = api.as(People.signUp(api, "Fiona Facilitator"));
        lead = api.as(People.signUp(api, "Lee Lead"));
        nurse = api.as(People.signUp(api, "Nadia Nurse"));
        dover = api.as(People.signUp(api, "Dan Dover"));
        stranger = api.as(People.signUp(api, "Sam Stranger"));
        collaborative = People.collaborative(facilitator, "Sepsis Collaborative");
        ashford = People.site(facilitator, collaborative, "Ashford", "trust");
        doverSite = People.site(facilitator, collaborative, "Dover", "trust");
        People.join(lead, People.invitation(facilitator, collaborative, "site_lead"), ashford, "nurse");
        People.join(nurse, People.invitation(facilitator, collaborative, "participant"), ashford, "nurse");
        People.join(dover, People.invitation(facilitator, collaborative, "participant"), doverSite, "doctor");
        People.collaborative(stranger, "The stranger's own collaborative");
    }

    String measures() {
        return "collaboratives/" + collaborative + "/measures";
    }

    String values(String site, String measure) {
        return "collaboratives/" + collaborative + "/sites/" + site + "/measures/" + measure + "/values";
    }

    /** A proportion measure defined by the facilitator; returns its id. */
    String screening(String name) {
        Api.Reply reply = facilitator.post(measures(), proportion(name));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().path("id").asText();
    }

    static Map<String, Object> proportion(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("definition", "Adults with suspected infection in the emergency department screened for sepsis within one hour of arrival");
        body.put("kind", "proportion");
        body.put("frequency", "monthly");
        body.put("better", "up");
        body.put("numeratorLabel", "Screened within one hour");
        body.put("denominatorLabel", "Adults with suspected infection");
        body.put("goal", 95.0);
        body.put("baseline", Map.of("from", "2026-01-01", "to", "2026-06-01"));
        return body;
    }

    static Map<String, Object> month(String period, int numerator, int denominator) {
        return Map.of("period", period, "numerator", numerator, "denominator", denominator);
    }

    static Map<String, Object> values(Object... entries) {
        return Map.of("values", List.of(entries));
    }
}
