package org.colearn.plugin.failurecircle;

import static org.colearn.plugin.failurecircle.Circles.KEY;
import static org.colearn.plugin.failurecircle.Circles.OTHER_KEY;
import static org.colearn.plugin.failurecircle.Circles.story;
import static org.colearn.plugin.failurecircle.Circles.titles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Stories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stories coming into a circle's queue, and going out of it before they are told. */
class QueueTest {

    Circles circle;

    @BeforeEach
    void start() throws ActivityException {
        circle = new Circles();
    }

    @Test
    void aSubmittedStoryWaitsInTheQueueWhichFacilitatorsSeeWithItsTitle() throws ActivityException {
        circle.submit(circle.amira, story("amira-0001", "person", null));
        JsonNode desk = circle.view(circle.fiona).path("circles").get(0);
        assertEquals("plenary", desk.path("circle").asText());
        assertEquals(List.of("Huddles nobody came to"), titles(desk.path("queue")));
        assertEquals(1, circle.view(circle.ben).path("queueSize").asInt());
        assertTrue(circle.view(circle.ben).path("circles").isNull(), "participants do not see the queue");
        JsonNode waiting = circle.view(circle.amira).path("waiting").get(0);
        assertEquals("Huddles nobody came to", waiting.path("title").asText(), "the teller sees their own story waiting");
    }

    @Test
    void theSameStorySentAgainAfterALostConnectionIsQueuedOnce() throws ActivityException {
        circle.submit(circle.amira, story("amira-0001", "person", null));
        circle.submit(circle.amira, story("amira-0001", "person", null));
        circle.submit(circle.ben, story("ben-anon-01", "anonymous", KEY));
        circle.submit(circle.ben, story("ben-anon-01", "anonymous", KEY));
        assertEquals(2, circle.view(circle.fiona).path("circles").get(0).path("queue").size());
    }

    @Test
    void aRefAlreadyUsedBySomeoneElseIsRefused() throws ActivityException {
        circle.submit(circle.amira, story("shared-ref-1", "person", null));
        assertEquals("ref_taken", assertThrows(ActivityException.class,
                () -> circle.submit(circle.ben, story("shared-ref-1", "person", null))).code());
        circle.submit(circle.ben, story("anon-ref-01", "anonymous", KEY));
        assertEquals("ref_taken", assertThrows(ActivityException.class,
                () -> circle.submit(circle.ben, story("anon-ref-01", "anonymous", OTHER_KEY))).code());
    }

    @Test
    void aStoryTheCatalogueFormRefusesIsRefusedWithTheCataloguesWordsAndNotQueued() {
        circle.stories.formRules = text -> {
            throw new ActivityException("invalid_story", "learned", "Check the story: what we learned must not be blank.");
        };
        ActivityException refused = assertThrows(ActivityException.class,
                () -> circle.submit(circle.amira, story("amira-0001", "person", null, "learned", "  ")));
        assertEquals("invalid_story", refused.code());
        assertEquals("learned", refused.field());
        assertEquals("Check the story: what we learned must not be blank.", refused.getMessage());
        assertEquals("invalid_ref", assertThrows(ActivityException.class,
                () -> circle.submit(circle.amira, story("short", "person", null))).code());
        assertEquals(0, circle.view(circle.fiona).path("circles").get(0).path("queue").size());
    }

    @Test
    void anAnonymousStorysKeyHasAtMostTheHundredCharactersTheCatalogueAcceptsAsAnEditKey() throws ActivityException {
        String longest = "k".repeat(100);
        circle.submit(circle.amira, story("amira-anon-1", "anonymous", longest));
        ActivityException tooLong = assertThrows(ActivityException.class,
                () -> circle.submit(circle.ben, story("ben-anon-01", "anonymous", "k".repeat(101))));
        assertEquals("invalid_key", tooLong.code());
        assertTrue(tooLong.getMessage().contains("32 to 100"), tooLong.getMessage());
        assertEquals(1, circle.view(circle.fiona).path("circles").get(0).path("queue").size());
        circle.send(circle.amira, "withdraw", "storyId", "amira-anon-1", "key", longest);
        assertEquals(0, circle.view(circle.fiona).path("circles").get(0).path("queue").size(), "the key of 100 opens it");
    }

    @Test
    void creditMustBeAPersonASiteTheyHaveOrAnonymousWithTheBrowsersKey() {
        assertEquals("invalid_credit", assertThrows(ActivityException.class,
                () -> circle.submit(circle.amira, story("amira-0001", "everyone", null))).code());
        assertEquals("invalid_credit", assertThrows(ActivityException.class,
                () -> circle.submit(circle.fiona, story("fiona-0001", "site", null))).code(), "Fiona has no site");
        assertEquals("invalid_key", assertThrows(ActivityException.class,
                () -> circle.submit(circle.amira, story("amira-0001", "anonymous", null))).code());
        assertEquals("invalid_key", assertThrows(ActivityException.class,
                () -> circle.submit(circle.amira, story("amira-0001", "anonymous", "too-short-a-key"))).code());
    }

    @Test
    void aStoryIsKeptAsTheCatalogueFormsIt() throws ActivityException {
        circle.stories.formRules = text -> new Stories.Text(text.title().strip(), text.topic(), text.changeIdea(), text.tried(),
                text.happened(), text.learned(), text.differently(), List.of("handover", "sepsis"));
        circle.submit(circle.amira, story("amira-0001", "site", null, "title", "  Lost at handover ",
                "tags", List.of("Handover", "handover ", "sepsis")));
        circle.send(circle.fiona, "share", "storyId", "amira-0001");
        JsonNode current = circle.view(circle.ben).path("current");
        assertEquals("Lost at handover", current.path("title").asText());
        assertEquals("[\"handover\",\"sepsis\"]", current.path("tags").toString());
        assertEquals("Ashford team", current.path("credit").asText());
    }

    @Test
    void suspectedPatientDataIsRefusedNamingFieldAndKindUntilTheTellerConfirms() throws ActivityException {
        String identifying = "Bed 4, NHS 943 476 5919, was missed";
        ActivityException refused = assertThrows(ActivityException.class,
                () -> circle.submit(circle.amira, story("amira-0001", "anonymous", KEY, "happened", identifying)));
        assertEquals("patient_data_suspected", refused.code());
        assertTrue(refused.getMessage().contains("what happened (nhs number)"), refused.getMessage());
        assertFalse(refused.getMessage().contains("943"), "the refusal never quotes the text");
        circle.submit(circle.amira, story("amira-0001", "anonymous", KEY, "happened", identifying, "confirmNotIdentifying", true));
        assertEquals(1, circle.view(circle.fiona).path("circles").get(0).path("queue").size());
    }

    @Test
    void theTellerTakesBackAQueuedStoryButNotOneAlreadyShared() throws ActivityException {
        circle.submit(circle.amira, story("amira-0001", "person", null));
        circle.submit(circle.ben, story("ben-anon-01", "anonymous", KEY, "happened", "Agency staff never heard of it"));
        assertEquals("not_teller", assertThrows(ActivityException.class,
                () -> circle.send(circle.ben, "withdraw", "storyId", "amira-0001", "key", null)).code());
        assertEquals("not_teller", assertThrows(ActivityException.class,
                () -> circle.send(circle.ben, "withdraw", "storyId", "ben-anon-01", "key", OTHER_KEY)).code());
        circle.send(circle.ben, "withdraw", "storyId", "ben-anon-01", "key", KEY);
        assertEquals(List.of("Huddles nobody came to"), titles(circle.view(circle.fiona).path("circles").get(0).path("queue")));
        assertFalse(circle.harness.state().toString().contains("Agency staff"), "nothing of a story taken back is kept");
        circle.send(circle.fiona, "share", "storyId", "amira-0001");
        assertEquals("not_queued", assertThrows(ActivityException.class,
                () -> circle.send(circle.amira, "withdraw", "storyId", "amira-0001", "key", null)).code());
    }

    @Test
    void aTellerBringsTheirOwnCatalogueStoryButNoOneElses() throws ActivityException {
        String amiras = circle.stories.credited(circle.amira, "Discharge letters");
        circle.send(circle.amira, "bring", "ref", "amira-brings-1", "storyId", amiras, "key", null);
        assertEquals("not_your_story", assertThrows(ActivityException.class,
                () -> circle.send(circle.ben, "bring", "ref", "ben-brings-01", "storyId", amiras, "key", null)).code());
        assertEquals("already_in_circle", assertThrows(ActivityException.class,
                () -> circle.send(circle.amira, "bring", "ref", "amira-brings-2", "storyId", amiras, "key", null)).code());
        circle.send(circle.fiona, "share", "storyId", "amira-brings-1");
        JsonNode current = circle.view(circle.amira).path("current");
        assertEquals("Discharge letters", current.path("title").asText());
        assertTrue(current.path("yours").asBoolean());
        assertTrue(current.path("inCatalogue").asBoolean(), "it needs no publish step");
        assertEquals(amiras, current.path("catalogueId").asText());
    }

    @Test
    void anAnonymousCatalogueStoryIsBroughtWithItsEditKeyWhichThenRecognisesItsTeller() throws ActivityException {
        String anonymous = circle.stories.anonymous("Falls at night", OTHER_KEY);
        assertEquals("not_your_story", assertThrows(ActivityException.class,
                () -> circle.send(circle.ben, "bring", "ref", "ben-brings-01", "storyId", anonymous, "key", KEY)).code());
        circle.send(circle.ben, "bring", "ref", "ben-brings-01", "storyId", anonymous, "key", OTHER_KEY);
        assertTrue(circle.harness.state().toString().contains(Tellers.hash(OTHER_KEY)));
        assertEquals("not_teller", assertThrows(ActivityException.class,
                () -> circle.send(circle.ben, "withdraw", "storyId", "ben-brings-01", "key", KEY)).code());
        circle.send(circle.amira, "withdraw", "storyId", "ben-brings-01", "key", OTHER_KEY);
        assertEquals(0, circle.view(circle.fiona).path("queueSize").asInt(), "whoever holds the key is the teller");
    }

    @Test
    void facilitatorsOfferStoriesEveryoneMayReadAndNobodyElseMay() throws ActivityException {
        String approved = circle.stories.approved("Sepsis screening at triage", "Bromley team");
        String privateOne = circle.stories.credited(circle.ben, "Not approved");
        assertEquals("facilitators_only", assertThrows(ActivityException.class,
                () -> circle.send(circle.amira, "offer", "storyId", approved, "circle", null)).code());
        assertEquals("not_readable", assertThrows(ActivityException.class,
                () -> circle.send(circle.fiona, "offer", "storyId", privateOne, "circle", null)).code());
        assertEquals("no_such_circle", assertThrows(ActivityException.class,
                () -> circle.send(circle.fiona, "offer", "storyId", approved, "circle", "r9")).code());
        circle.send(circle.fiona, "offer", "storyId", approved, "circle", "plenary");
        assertEquals("already_in_circle", assertThrows(ActivityException.class,
                () -> circle.send(circle.fiona, "offer", "storyId", approved, "circle", null)).code());
        circle.send(circle.fiona, "share", "storyId", approved);
        assertEquals("Bromley team", circle.view(circle.tara).path("current").path("credit").asText());
    }

    @Test
    void theQueueSurvivesARestartFromStoredState() throws ActivityException {
        circle.submit(circle.amira, story("amira-0001", "person", null));
        circle.submit(circle.ben, story("ben-anon-01", "anonymous", KEY));
        circle.harness.restart();
        circle.send(circle.ben, "withdraw", "storyId", "ben-anon-01", "key", KEY);
        assertEquals(List.of("Huddles nobody came to"), titles(circle.view(circle.fiona).path("circles").get(0).path("queue")));
        assertEquals("amira-0001", circle.view(circle.amira).path("waiting").get(0).path("id").asText());
    }
}
