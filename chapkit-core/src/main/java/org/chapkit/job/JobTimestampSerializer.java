package org.chapkit.job;

import java.time.Instant;
import org.chapkit.time.UtcTimestamps;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes job timestamps as pydantic writes aware UTC datetimes: {@code 2026-06-30T10:11:12.345678Z}, with the
 * microseconds dropped when they are zero ({@link UtcTimestamps#format}).
 */
public final class JobTimestampSerializer extends ValueSerializer<Instant> {

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
        generator.writeString(UtcTimestamps.format(value));
    }
}
