package org.colearn.plugin.failurecircle;

import static org.colearn.plugin.failurecircle.Circles.KEY;
import static org.colearn.plugin.failurecircle.Circles.OTHER_KEY;
import static org.colearn.plugin.failurecircle.Circles.story;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Stories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nothing told in a circle reaches the catalogue unless its teller says so, at the visibility they choose. */
class ConsentTest {

    Circles circle;

    @BeforeEach
    void start() throws ActivityException {
        circle = Circles.withTwoStories();
    }

    @Test
    void nothingIsPublishedWithoutTheTellersConsent() throws ActivityException {
        circle.send(circle.fiona, "share", "storyId", "amira-0001");
        circle.send(circle.fiona, "share", "storyId", "ben-anon-01");
        circle.send(circle.tara, "react", "storyId", "ben-anon-01", "kind", "helps");
        circle.send(circle.tara, "takeBack", "storyId", "amira-0001", "text", "Ask first");
        circle.send(circle.amira, "keep", "storyId", "amira-0001", "key", null);
        assertEquals(List.of(), circle.stories.published);
        assertEquals("kept", circle.view(circle.amira).path("shared").get(0).path("consent").asText());
        assertTrue(circle.view(circle.amira).path("decisions").get(0).path("visibility").isNull(), "a story kept in the room has no readers");
        assertEquals("open", circle.view(circle.tara).path("current").path("consent").asText(),
                "everyone sees the decision on an anonymous story: it says nothing of who told it");
        assertTrue(circle.view(circle.tara).path("shared").get(0).path("consent").isNull(),
                "only its teller sees the decision on a credited story");
    }

    @Test
    void aCreditedTellerPublishesAtTheVisibilityTheyChoose() throws ActivityException {
        circle.send(circle.fiona, "share", "storyId", "amira-0001");
        circle.send(circle.amira, "publish", "storyId", "amira-0001", "key", null, "visibility", "collaborative",
                "confirmNotIdentifying", false);
        InMemoryStories.Publication publication = circle.stories.published.get(0);
        assertEquals(Stories.Credit.PERSON, publication.credit());
        assertEquals(circle.amira, publication.teller());
        assertNull(publication.editKey());
        assertEquals(Stories.Visibility.COLLABORATIVE, publication.visibility());
        assertEquals("Huddles nobody came to", publication.text().title());
        JsonNode decision = circle.view(circle.amira).path("decisions").get(0);
        assertEquals("published", decision.path("consent").asText());
        assertEquals("collaborative", decision.path("visibility").asText(),
                "the circle keeps what the teller chose, so that any device shows it, before and after the approval");
        assertTrue(decision.path("catalogueId").asText().startsWith("cat-"));
        assertEquals("already_published", assertThrows(ActivityException.class, () -> circle.send(circle.amira, "publish",
                "storyId", "amira-0001", "key", null, "visibility", "session", "confirmNotIdentifying", false)).code());
        assertEquals("already_published", assertThrows(ActivityException.class,
                () -> circle.send(circle.amira, "keep", "storyId", "amira-0001", "key", null)).code());
    }

    @Test
    void anAnonymousTellerPublishesWithTheirKeyWhichBecomesTheCatalogueEditKey() throws ActivityException {
        circle.send(circle.fiona, "share", "storyId", "ben-anon-01");
        circle.send(circle.ben, "publish", "storyId", "ben-anon-01", "key", KEY, "visibility", "session",
                "confirmNotIdentifying", false);
        InMemoryStories.Publication publication = circle.stories.published.get(0);
        assertEquals(Stories.Credit.ANONYMOUS, publication.credit());
        assertNull(publication.teller(), "the catalogue is not told who the teller is");
        assertEquals(KEY, publication.editKey());
        assertEquals("published", circle.view(circle.tara).path("current").path("consent").asText());
    }

    @Test
    void theCircleKeepsNoCatalogueIdOfAnAnonymousStoryItPublished() throws ActivityException {
        circle.send(circle.fiona, "share", "storyId", "ben-anon-01");
        circle.send(circle.ben, "publish", "storyId", "ben-anon-01", "key", KEY, "visibility", "session",
                "confirmNotIdentifying", false);
        CircleState.Story story = circle.harness.state().stories().stream()
                .filter(told -> told.id().equals("ben-anon-01")).findFirst().orElseThrow();
        assertEquals("published", story.consent());
        assertNull(story.catalogueId(), "the stored state would tie the catalogue's story to the moment it was told");
        assertFalse(circle.view(circle.ben).toString().contains("\"catalogueId\":\"cat-"), "no view carries it either");
    }

    @Test
    void anAnonymousStoryIsNotPublishedToTheBuddyPairWhichWouldNameTheTellersSite() throws ActivityException {
        circle.send(circle.fiona, "share", "storyId", "ben-anon-01");
        ActivityException refused = assertThrows(ActivityException.class, () -> circle.send(circle.ben, "publish",
                "storyId", "ben-anon-01", "key", KEY, "visibility", "pair", "confirmNotIdentifying", false));
        assertEquals("invalid_visibility", refused.code());
        assertEquals("visibility", refused.field());
        assertTrue(refused.getMessage().contains("would name your site"), refused.getMessage());
        assertEquals(List.of(), circle.stories.published, "the catalogue is not asked");
        assertEquals("open", circle.view(circle.tara).path("current").path("consent").asText(), "the teller may still choose");
    }

    @Test
    void aWrongKeyAndAnotherPersonGetTheSameRefusal() throws ActivityException {
        circle.send(circle.fiona, "share", "storyId", "amira-0001");
        circle.send(circle.fiona, "share", "storyId", "ben-anon-01");
        ActivityException wrongKey = assertThrows(ActivityException.class, () -> circle.send(circle.ben, "publish",
                "storyId", "ben-anon-01", "key", OTHER_KEY, "visibility", "session", "confirmNotIdentifying", false));
        ActivityException notTeller = assertThrows(ActivityException.class, () -> circle.send(circle.ben, "publish",
                "storyId", "amira-0001", "key", null, "visibility", "session", "confirmNotIdentifying", false));
        assertEquals("not_teller", wrongKey.code());
        assertEquals(wrongKey.getMessage(), notTeller.getMessage());
        assertEquals("not_teller", assertThrows(ActivityException.class,
                () -> circle.send(circle.tara, "keep", "storyId", "ben-anon-01", "key", null)).code());
        assertEquals(List.of(), circle.stories.published);
    }

    @Test
    void aStoryIsDecidedOnOnlyOnceTheCircleHasHeardIt() {
        assertEquals("not_shared", assertThrows(ActivityException.class, () -> circle.send(circle.amira, "publish",
                "storyId", "amira-0001", "key", null, "visibility", "session", "confirmNotIdentifying", false)).code());
    }

    @Test
    void aStoryFromTheCatalogueHasNoPublishStep() throws ActivityException {
        String amiras = circle.stories.credited(circle.amira, "Discharge letters");
        circle.send(circle.amira, "bring", "ref", "amira-brings-1", "storyId", amiras, "key", null);
        circle.send(circle.fiona, "share", "storyId", "amira-brings-1");
        assertEquals("already_in_catalogue", assertThrows(ActivityException.class, () -> circle.send(circle.amira, "publish",
                "storyId", "amira-brings-1", "key", null, "visibility", "session", "confirmNotIdentifying", false)).code());
    }

    @Test
    void anUnknownVisibilityAndTheCataloguesOwnRefusalsReachTheTeller() throws ActivityException {
        circle.submit(circle.tara, story("tara-000001", "site", null, "happened", "NHS 943 476 5919 fell",
                "confirmNotIdentifying", true));
        circle.send(circle.fiona, "share", "storyId", "tara-000001");
        assertEquals("invalid_visibility", assertThrows(ActivityException.class, () -> circle.send(circle.tara, "publish",
                "storyId", "tara-000001", "key", null, "visibility", "world", "confirmNotIdentifying", false)).code());
        assertEquals("patient_data_suspected", assertThrows(ActivityException.class, () -> circle.send(circle.tara, "publish",
                "storyId", "tara-000001", "key", null, "visibility", "pair", "confirmNotIdentifying", false)).code());
        circle.send(circle.tara, "publish", "storyId", "tara-000001", "key", null, "visibility", "pair", "confirmNotIdentifying", true);
        assertEquals(Stories.Credit.SITE, circle.stories.published.get(0).credit());
    }

    @Test
    void theResultKeepsEachStoryToldWithReactionsNotesAndDecisionAsMarkdownAndATable() throws ActivityException {
        circle.send(circle.fiona, "share", "storyId", "amira-0001");
        circle.send(circle.fiona, "share", "storyId", "ben-anon-01");
        circle.send(circle.tara, "react", "storyId", "ben-anon-01", "kind", "helps");
        circle.send(circle.tara, "takeBack", "storyId", "ben-anon-01", "text", "Check the falls bundle at night");
        circle.send(circle.amira, "keep", "storyId", "amira-0001", "key", null);
        CircleResult result = (CircleResult) circle.harness.published().get("Failure-story circle");
        assertTrue(result.markdown().contains("## Falls bundle\n\n- Told by: anonymous\n"), result.markdown());
        assertTrue(result.markdown().contains("- Check the falls bundle at night\n"), result.markdown());
        assertTrue(result.markdown().contains("- Catalogue: kept in the room\n"), result.markdown());
        assertEquals(List.of(
                List.of("circle", "title", "credit", "thanks", "seen_too", "helps", "take_back_notes", "consent", "catalogue_id"),
                List.of("Plenary circle", "Huddles nobody came to", "Amira Khan", "0", "0", "0", "", "kept", ""),
                List.of("Plenary circle", "Falls bundle", "anonymous", "0", "0", "1", "Check the falls bundle at night", "open", "")),
                result.table());
        assertNull(result.stories().get(1).credit());
    }
}
