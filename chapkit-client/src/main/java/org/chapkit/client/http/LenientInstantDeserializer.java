package org.chapkit.client.http;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads the contract's three timestamp formats (§2.3) as an {@link Instant}: zone-less entity timestamps
 * ({@code 2026-06-30T10:11:12}, taken as UTC), {@code Z}-suffixed job timestamps and {@code +00:00} offsets.
 */
final class LenientInstantDeserializer extends StdDeserializer<Instant> {

    LenientInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return Instant.ofEpochMilli(parser.getLongValue());
        }
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            double seconds = parser.getDoubleValue();
            long whole = (long) Math.floor(seconds);
            return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1_000_000_000L));
        }
        String text = parser.getValueAsString();
        if (text == null || text.isBlank()) {
            return null;
        }
        return parse(text.trim(), context);
    }

    private static Instant parse(String text, DeserializationContext context) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notATimestamp) {
                return (Instant) context.handleWeirdStringValue(
                        Instant.class, text, "not an ISO-8601 timestamp: %s", notATimestamp.getMessage());
            }
        }
    }
}
