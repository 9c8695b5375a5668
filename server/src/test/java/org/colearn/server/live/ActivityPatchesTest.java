package org.colearn.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import org.colearn.server.system.Json;
import org.junit.jupiter.api.Test;

class ActivityPatchesTest {

    @Test
    void aNoteAddedToALargeCafeIsOneAdditionInTheLog() {
        ObjectNode before = cafe(1500);
        ObjectNode after = before.deepCopy();
        ((ArrayNode) after.get("notes")).addObject().put("id", "n1500").put("text", "Sepsis six by the door");
        JsonNode patch = ActivityPatches.diff(before, after);
        assertEquals(Json.MAPPER.createArrayNode().add(Json.MAPPER.createObjectNode().put("op", "add").put("path", "/notes/1500")
                .set("value", after.get("notes").get(1500))), patch);
    }

    @Test
    void someoneLeavingTheMiddleOfAListIsOneRemoval() {
        ObjectNode before = cafe(10);
        ObjectNode after = before.deepCopy();
        ((ArrayNode) after.get("people")).remove(4);
        assertEquals("[{\"op\":\"remove\",\"path\":\"/people/4\"}]", ActivityPatches.diff(before, after).toString());
    }

    @Test
    void anyChangeToAStateIsUndoneExactlyByApplyingItsPatch() {
        Random random = new Random(7);
        for (int run = 0; run < 2000; run++) {
            JsonNode before = randomNode(random, 0);
            JsonNode after = mutate(before.deepCopy(), random, 0);
            if (!before.isContainerNode() || !after.isContainerNode()) {
                continue;
            }
            JsonNode patch = ActivityPatches.diff(before, after);
            assertEquals(after, ActivityPatches.apply(before.deepCopy(), patch), "run " + run + ": " + before + " -> " + after + " by " + patch);
        }
    }

    private static ObjectNode cafe(int people) {
        ObjectNode cafe = Json.MAPPER.createObjectNode().put("phase", "round");
        ArrayNode guests = cafe.putArray("people");
        ArrayNode notes = cafe.putArray("notes");
        for (int i = 0; i < people; i++) {
            guests.addObject().put("id", "p" + i).put("name", "Guest " + i).put("site", "Trust " + i % 60);
            notes.addObject().put("id", "n" + i).put("text", "Note " + i);
        }
        return cafe;
    }

    private static JsonNode randomNode(Random random, int depth) {
        int kind = depth > 3 ? random.nextInt(3) : random.nextInt(5);
        switch (kind) {
            case 0:
                return Json.MAPPER.getNodeFactory().numberNode(random.nextInt(4));
            case 1:
                return Json.MAPPER.getNodeFactory().textNode("t/~" + random.nextInt(3));
            case 2:
                return Json.MAPPER.getNodeFactory().nullNode();
            case 3: {
                ArrayNode array = Json.MAPPER.createArrayNode();
                for (int i = random.nextInt(6); i > 0; i--) {
                    array.add(randomNode(random, depth + 1));
                }
                return array;
            }
            default: {
                ObjectNode object = Json.MAPPER.createObjectNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.set("k/" + random.nextInt(6) + "~", randomNode(random, depth + 1));
                }
                return object;
            }
        }
    }

    /** Changes a few things anywhere in the tree: values replaced, elements and fields added and removed. */
    private static JsonNode mutate(JsonNode node, Random random, int depth) {
        if (random.nextInt(8) == 0) {
            return randomNode(random, depth);
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, mutate(array.get(i), random, depth + 1));
            }
            if (random.nextInt(3) == 0 && array.size() > 0) {
                array.remove(random.nextInt(array.size()));
            }
            if (random.nextInt(3) == 0) {
                array.insert(random.nextInt(array.size() + 1), randomNode(random, depth + 1));
            }
        } else if (node instanceof ObjectNode object) {
            java.util.List<String> fields = new java.util.ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                object.set(field, mutate(object.get(field), random, depth + 1));
            }
            if (random.nextInt(3) == 0 && !fields.isEmpty()) {
                object.remove(fields.get(random.nextInt(fields.size())));
            }
            if (random.nextInt(3) == 0) {
                object.set("new/" + random.nextInt(3), randomNode(random, depth + 1));
            }
        }
        return node;
    }
}
