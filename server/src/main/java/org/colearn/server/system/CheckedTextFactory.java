package org.colearn.server.system;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes parsers that refuse control characters in every string and field name of a client's JSON, whatever type the
 * JSON is read into (a record, a map, a tree for an activity): one check for every REST body and WebSocket frame.
 */
final class CheckedTextFactory extends JsonFactory {

    CheckedTextFactory() {}

    private CheckedTextFactory(CheckedTextFactory source) {
        super(source, null);
    }

    /** A mapper's copy keeps checking (the base class refuses to copy a subclass that does not say how). */
    @Override
    public JsonFactory copy() {
        return new CheckedTextFactory(this);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        return new CheckingParser(super._createParser(in, context));
    }

    @Override
    protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
        return new CheckingParser(super._createParser(reader, context));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
            throws IOException {
        return new CheckingParser(super._createParser(data, offset, length, context, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        return new CheckingParser(super._createParser(data, offset, length, context));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext context) throws IOException {
        return new CheckingParser(super._createParser(input, context));
    }

    /** Checks each token as it is read; every other {@code next...} method of a parser goes through these two. */
    private static final class CheckingParser extends JsonParserDelegate {

        CheckingParser(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            return checked(delegate.nextToken());
        }

        @Override
        public JsonToken nextValue() throws IOException {
            return checked(delegate.nextValue());
        }

        private JsonToken checked(JsonToken token) throws IOException {
            if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
                String text = token == JsonToken.FIELD_NAME ? delegate.currentName() : delegate.getText();
                int at = ControlCharacters.find(text);
                if (at >= 0) {
                    throw new ControlCharacterException(delegate, path(delegate.getParsingContext()), text.charAt(at));
                }
            }
            return token;
        }

        /** The JSON path of the current value, in the form field errors use: {@code tags[2]}, {@code body.text}. */
        private static String path(JsonStreamContext context) {
            List<String> segments = new ArrayList<>();
            for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
                if (at.inArray()) {
                    segments.add(0, "[" + Math.max(at.getCurrentIndex(), 0) + "]");
                } else if (at.getCurrentName() != null) {
                    // A field name is named by its path too, except one that itself holds the character.
                    segments.add(0, ControlCharacters.find(at.getCurrentName()) >= 0 ? "?" : at.getCurrentName());
                }
            }
            StringBuilder path = new StringBuilder();
            for (String segment : segments) {
                path.append(path.length() > 0 && !segment.startsWith("[") ? "." : "").append(segment);
            }
            return path.toString();
        }
    }
}
