package org.colearn.plugin.failurecircle;

import static org.colearn.plugin.failurecircle.Circles.story;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.colearn.plugin.api.ActivityException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The circle answers a story: reactions counted and never named, and notes of what people will take back. */
class ResponsesTest {

    Circles circle;

    @BeforeEach
    void start() throws ActivityException {
        circle = new Circles();
        circle.submit(circle.amira, story("amira-0001", "person", null));
        circle.submit(circle.amira, story("amira-0002", "person", null, "title", "Not told yet"));
        circle.send(circle.fiona, "share", "storyId", "amira-0001");
    }

    @Test
    void reactionsToggleAndShowCountsAndWhatTheViewerGaveButNoNames() throws ActivityException {
        circle.send(circle.ben, "react", "storyId", "amira-0001", "kind", "seen_too");
        circle.send(circle.tara, "react", "storyId", "amira-0001", "kind", "seen_too");
        circle.send(circle.tara, "react", "storyId", "amira-0001", "kind", "helps");
        JsonNode bens = circle.view(circle.ben).path("current");
        assertEquals("{\"thanks\":0,\"seen_too\":2,\"helps\":1}", bens.path("reactions").toString());
        assertEquals("[\"seen_too\"]", bens.path("myReactions").toString());
        assertFalse(circle.view(circle.amira).toString().contains("Ben Ode"));
        circle.send(circle.ben, "react", "storyId", "amira-0001", "kind", "seen_too");
        assertEquals(1, circle.view(circle.amira).path("current").path("reactions").path("seen_too").asInt());
        assertEquals("invalid_reaction", assertThrows(ActivityException.class,
                () -> circle.send(circle.ben, "react", "storyId", "amira-0001", "kind", "like")).code());
        assertEquals("not_shared", assertThrows(ActivityException.class,
                () -> circle.send(circle.ben, "react", "storyId", "amira-0002", "kind", "thanks")).code());
    }

    @Test
    void takeBackNotesAreShownWithoutNamesAndOnlyTheirWriterDeletesThem() throws ActivityException {
        circle.send(circle.ben, "takeBack", "storyId", "amira-0001", "text", "Ask night staff before choosing a time");
        JsonNode bensNote = circle.view(circle.ben).path("current").path("notes").get(0);
        assertTrue(bensNote.path("mine").asBoolean());
        String noteId = bensNote.path("noteId").asText();
        JsonNode seenByTara = circle.view(circle.tara).path("current").path("notes").get(0);
        assertEquals("Ask night staff before choosing a time", seenByTara.path("text").asText());
        assertFalse(seenByTara.path("mine").asBoolean());
        assertTrue(seenByTara.path("noteId").isNull(), "only the writer gets the id that deletes it");
        assertEquals(1, circle.view(circle.fiona).path("circles").get(0).path("told").get(0).path("notes").size());
        assertFalse(circle.view(circle.fiona).path("circles").get(0).path("told").toString().contains("Ben Ode"),
                "the notes told in a circle name no one");
        assertEquals("not_your_note", assertThrows(ActivityException.class,
                () -> circle.send(circle.tara, "dropNote", "noteId", noteId)).code());
        circle.send(circle.ben, "dropNote", "noteId", noteId);
        assertEquals(0, circle.view(circle.tara).path("current").path("notes").size());
        assertEquals("no_such_note", assertThrows(ActivityException.class,
                () -> circle.send(circle.ben, "dropNote", "noteId", noteId)).code());
    }

    @Test
    void aNoteMustSaySomethingInAThousandCharactersOnAStoryAlreadyTold() {
        assertEquals("invalid_note", assertThrows(ActivityException.class,
                () -> circle.send(circle.ben, "takeBack", "storyId", "amira-0001", "text", " ")).code());
        assertEquals("invalid_note", assertThrows(ActivityException.class,
                () -> circle.send(circle.ben, "takeBack", "storyId", "amira-0001", "text", "x".repeat(1001))).code());
        assertEquals("not_shared", assertThrows(ActivityException.class,
                () -> circle.send(circle.ben, "takeBack", "storyId", "amira-0002", "text", "Too soon")).code());
    }
}
