package org.chapkit.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UtcTimestampsTests {

    private static final Instant NANOS = Instant.parse("2026-06-30T10:11:12.345678912Z");

    @Test
    void nowAndStoredInstantsKeepMicrosecondsAndDropNanoseconds() {
        Clock clock = Clock.fixed(NANOS, ZoneId.of("Europe/Oslo"));

        assertThat(UtcTimestamps.now(clock)).isEqualTo(Instant.parse("2026-06-30T10:11:12.345678Z"));
        assertThat(UtcTimestamps.truncate(NANOS)).isEqualTo(Instant.parse("2026-06-30T10:11:12.345678Z"));
        assertThat(UtcTimestamps.truncate(null)).isNull();
    }

    @Test
    void columnValuesAreTruncatedAndAtOffsetUtc() {
        assertThat(UtcTimestamps.column(NANOS).getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(UtcTimestamps.column(NANOS).toInstant()).isEqualTo(UtcTimestamps.truncate(NANOS));
        assertThat(UtcTimestamps.column(null)).isNull();
    }

    @Test
    void formatWritesMicrosecondsLikePydantic() {
        assertThat(UtcTimestamps.format(NANOS)).isEqualTo("2026-06-30T10:11:12.345678Z");
        assertThat(UtcTimestamps.format(Instant.parse("2026-06-30T10:11:12.100Z")))
                .isEqualTo("2026-06-30T10:11:12.100000Z");
        assertThat(UtcTimestamps.format(Instant.parse("2026-06-30T10:11:12.000000900Z")))
                .isEqualTo("2026-06-30T10:11:12Z");
    }

    @Test
    void isoformatWritesPythonsOffsetForm() {
        assertThat(UtcTimestamps.isoformat(NANOS)).isEqualTo("2026-06-30T10:11:12.345678+00:00");
        assertThat(UtcTimestamps.isoformat(Instant.parse("2026-06-30T10:11:12Z")))
                .isEqualTo("2026-06-30T10:11:12+00:00");
    }
}
