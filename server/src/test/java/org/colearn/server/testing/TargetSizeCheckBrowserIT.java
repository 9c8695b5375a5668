package org.colearn.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The check of WCAG 2.2 Target Size (Minimum) that every browser test runs, on a page of examples: two 20 px buttons
 * side by side fail it; a 20 px button alone, a link in a sentence, 30 px buttons side by side and checkboxes as the
 * browser draws them pass it.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TargetSizeCheckBrowserIT {

    @Test
    void smallButtonsSideBySideFailWhileSpacedInlineLargeAndNativeTargetsPass() {
        assumeTrue(Browser.available(), "skipped: needs Debian's chromium and chromedriver");
        try (Browser browser = Browser.open()) {
            browser.visit(getClass().getClassLoader().getResource("a11y/target-size-fixture.html").toString());
            browser.waitForHeading("Target size examples");

            JsonNode check = browser.targetSize();
            assertEquals(8, check.path("targets").asInt(), "every button, link and checkbox is a target: " + check);
            List<String> exempt = new ArrayList<>();
            // Each entry reads "selector WxH px: exception"; the sizes of text and checkboxes depend on the fonts.
            check.path("exempt").forEach(entry -> exempt.add(entry.asText().replaceFirst(" [0-9.]+x[0-9.]+ px:", ":")));
            assertEquals(List.of("#alone: spacing", "#inline: inline", "#native-a: user agent control",
                            "#native-b: user agent control"),
                    exempt,
                    "the small button alone, the link in a sentence and the browser's checkboxes pass by an exception");
            JsonNode violations = check.path("violations");
            assertEquals(1, violations.size(), "one violated rule: " + violations);
            assertEquals("target-size", violations.get(0).path("id").asText());
            List<String> flagged = new ArrayList<>();
            violations.get(0).path("nodes").forEach(node -> flagged.add(node.path("target").get(0).asText()));
            assertTrue(check.path("exempt").get(0).asText().startsWith("#alone 20x20 px"), "sizes in CSS px: " + check);
            assertEquals(List.of("#crowded-a", "#crowded-b"), flagged, "only the two small buttons side by side fail");
            String summary = violations.get(0).path("nodes").get(0).path("failureSummary").asText();
            assertTrue(summary.contains("20x20 px") && summary.contains("#crowded-b"),
                    "the failure says how large the target is and what it is too close to: " + summary);

            AssertionError failure = assertThrows(AssertionError.class, () -> browser.assertAccessible("the examples"));
            assertTrue(failure.getMessage().startsWith("found 1 WCAG 2.2 A/AA violation(s) on the examples:")
                            && failure.getMessage().contains("- target-size (serious)")
                            && failure.getMessage().contains("at [\"#crowded-a\"]"),
                    "assertAccessible reports the target size violations as it reports axe's: " + failure.getMessage());
        }
    }
}
