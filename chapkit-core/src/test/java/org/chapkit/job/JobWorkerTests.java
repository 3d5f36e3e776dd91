package org.chapkit.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobWorkerTests {

    @Test
    void errorLineIsTypeAndMessageLikePythonsLastTracebackLine() {
        assertThat(JobWorker.errorLine(new IllegalArgumentException("Config 01K not found")))
                .isEqualTo("IllegalArgumentException: Config 01K not found");
        assertThat(JobWorker.errorLine(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
