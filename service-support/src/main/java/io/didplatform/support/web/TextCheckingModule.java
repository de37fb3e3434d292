package io.didplatform.support.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;

/**
 * Holds every string of a request body to {@link TextRule}, naming where it was ({@code numbers[3]},
 * {@code filter.tag}); a field marked {@link FreeText} may hold line breaks. For HTTP only: events are checked
 * where they began, at the API.
 */
public class TextCheckingModule extends SimpleModule {

    public TextCheckingModule() {
        super("text-checking");
        addDeserializer(String.class, new CheckedString(false));
    }

    private static final class CheckedString extends StdScalarDeserializer<String> implements ContextualDeserializer {
        private final boolean freeText;

        CheckedString(boolean freeText) {
            super(String.class);
            this.freeText = freeText;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean free = property != null && property.getAnnotation(FreeText.class) != null;
            return free == freeText ? this : new CheckedString(free);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            TextRule.require(path(parser.getParsingContext()), value, freeText);
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }

        /** {@code coats[0].layers}, as {@link ApiErrors} names fields too. */
        private static String path(JsonStreamContext context) {
            StringBuilder path = new StringBuilder();
            for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
                if (at.inArray()) {
                    path.insert(0, "[" + at.getCurrentIndex() + "]");
                } else if (at.getCurrentName() != null) {
                    path.insert(0, (at.getParent() != null && !at.getParent().inRoot() ? "." : "") + at.getCurrentName());
                }
            }
            return path.isEmpty() ? "the request body" : path.toString();
        }
    }
}
