package org.chapkit.job;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes job timestamps as pydantic writes aware UTC datetimes: {@code 2026-06-30T10:11:12.345678Z}, with the
 * microseconds dropped when they are zero.
 */
public final class JobTimestampSerializer extends ValueSerializer<Instant> {

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
        generator.writeString(format(value));
    }

    /** Formats {@code value} in chapkit's job timestamp format. */
    public static String format(Instant value) {
        Instant micros = value.truncatedTo(ChronoUnit.MICROS);
        int micro = micros.getNano() / 1000;
        String seconds = SECONDS.format(micros);
        return micro == 0 ? seconds + "Z" : seconds + "." + String.format("%06d", micro) + "Z";
    }
}
