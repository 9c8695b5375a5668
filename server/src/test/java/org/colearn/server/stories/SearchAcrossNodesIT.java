package org.colearn.server.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two server nodes on one database: what is written through one is found at once through the other. */
@Timeout(120)
class SearchAcrossNodesIT {

    @Test
    void aStoryWrittenOnOneNodeIsFoundOnTheOtherAndSoIsItsEdit() {
        try (StoryWorld world = new StoryWorld(); TestServer second = world.server.anotherNode()) {
            Api kimOnSecond = second.api().as(token(world.kim));
            String path = "collaboratives/" + world.collaborative + "/stories";
            String id = world.post(world.pat, StoryWorld.story("person", "pair", "title", "Across nodes",
                    "whatWeLearned", "Microbiology phoned results straight to the ward")).path("item").path("id").asText();
            assertEquals(List.of("Across nodes"), titles(kimOnSecond.get(path + "?q=microbiology")));

            Map<String, Object> edit = new HashMap<>(StoryWorld.story("person", "pair", "title", "Across nodes",
                    "whatWeLearned", "Pharmacy reconciled the antibiotics at night"));
            edit.remove("credit");
            Api patOnSecond = second.api().as(token(world.pat));
            assertEquals(200, patOnSecond.put("stories/" + id, edit).status());
            assertEquals(List.of("Across nodes"), world.titles(world.kim, "q=reconciled"));
            assertEquals(List.of(), world.titles(world.kim, "q=microbiology"));
        }
    }

    private static List<String> titles(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        List<String> titles = new java.util.ArrayList<>();
        reply.json().forEach(story -> titles.add(story.path("title").asText()));
        return titles;
    }

    /** The bearer token an Api client sends (tokens are stored in the shared database, so both nodes accept it). */
    private static String token(Api api) {
        return api.bearerToken();
    }
}
