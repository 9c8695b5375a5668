package org.colearn.server.buddies.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReasonsTest {

    @Test
    void mutualLocalPairIsExplainedInPlainWords() {
        SiteProfile ashford = new SiteProfile("a", "Ashford", List.of("Sepsis screening"), List.of("AKI alerts"),
                Map.of("sepsis screening", 2), 51.146, 0.873, 1, Set.of());
        SiteProfile bromley = new SiteProfile("b", "Bromley", List.of("AKI alerts"), List.of("sepsis  Screening"),
                Map.of("aki alerts", 2), 51.295, 0.654, 1, Set.of());
        Group pair = Matcher.group(List.of(ashford, bromley), History.none(), false);
        assertEquals(
                List.of("Ashford offers Sepsis screening, which Bromley wants",
                        "Bromley offers AKI alerts, which Ashford wants",
                        "23 km apart",
                        "both at stage 2"),
                pair.reasons());
        assertEquals(true, pair.mutual());
        assertEquals(30 + 23 + 20 + 15, pair.score(), "one topic each way, 23 km, no stage gap, never paired");
    }

    @Test
    void oneSidedAndRepeatedPairSaysSo() {
        SiteProfile a = new SiteProfile("a", "Ashford", List.of("Sepsis screening"), List.of(), Map.of("x", 1), null, null, 1, Set.of());
        SiteProfile b = new SiteProfile("b", "Bromley", List.of(), List.of("Sepsis screening"), Map.of("x", 4), null, null, 1, Set.of());
        Group pair = Matcher.group(List.of(a, b), new History(Map.of(History.pairKey("a", "b"), "Spring round")), false);
        assertEquals(
                List.of("Ashford offers Sepsis screening, which Bromley wants",
                        "only one side learns here: Bromley offers nothing Ashford wants",
                        "distance unknown: add a location to the profiles",
                        "at stages 1 and 4",
                        "paired before in Spring round"),
                pair.reasons());
        assertEquals(false, pair.mutual());
    }

    @Test
    void listsReadAsASentence() {
        assertEquals("a, b and c", Reasons.list(List.of("a", "b", "c")));
        assertEquals("a and b", Reasons.list(List.of("a", "b")));
    }
}
