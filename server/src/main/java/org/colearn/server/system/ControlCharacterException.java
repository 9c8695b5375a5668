package org.colearn.server.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Text in a JSON request holds a control character it may not hold; names the field by its JSON path, never the text.
 * A mapping exception, so that Jackson passes it through a record's deserializer unchanged.
 */
public final class ControlCharacterException extends JsonMappingException {

    private final String field;
    private final char character;

    ControlCharacterException(JsonParser parser, String field, char character) {
        super(parser, "The field '" + field + "' " + ControlCharacters.problem(character) + ".");
        this.field = field;
        this.character = character;
    }

    /** The field's path, such as {@code whatWeTried} or {@code body.text}; empty for a value at the top level. */
    public String field() {
        return field;
    }

    /** The sentence a field error carries. */
    public String problem() {
        return ControlCharacters.problem(character);
    }
}
