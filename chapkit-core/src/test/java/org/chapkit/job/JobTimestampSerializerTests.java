package org.chapkit.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobTimestampSerializerTests {

    @Test
    void writesMicrosecondsLikePydantic() {
        assertThat(JobTimestampSerializer.format(Instant.parse("2026-06-30T10:11:12.345678912Z")))
                .isEqualTo("2026-06-30T10:11:12.345678Z");
        assertThat(JobTimestampSerializer.format(Instant.parse("2026-06-30T10:11:12.100Z")))
                .isEqualTo("2026-06-30T10:11:12.100000Z");
    }

    @Test
    void dropsTheFractionWhenMicrosecondsAreZero() {
        assertThat(JobTimestampSerializer.format(Instant.parse("2026-06-30T10:11:12.000000900Z")))
                .isEqualTo("2026-06-30T10:11:12Z");
    }

    @Test
    void errorLineIsTypeAndMessageLikePythonsLastTracebackLine() {
        assertThat(JobWorker.errorLine(new IllegalArgumentException("Config 01K not found")))
                .isEqualTo("IllegalArgumentException: Config 01K not found");
        assertThat(JobWorker.errorLine(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
