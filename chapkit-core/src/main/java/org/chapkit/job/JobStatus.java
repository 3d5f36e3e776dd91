package org.chapkit.job;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Life-cycle state of a job, spelled on the wire as chapkit spells it (lower case). */
@Schema(name = "JobStatus", description = "Status of a scheduled job.")
public enum JobStatus {
    /** Submitted and waiting for a free worker on some instance. */
    PENDING,
    /** A worker is running the handler. */
    RUNNING,
    /** The handler returned normally. */
    COMPLETED,
    /** The handler threw, or the instance running it died or shut down. */
    FAILED,
    /** The job was cancelled while it ran. */
    CANCELED;

    /** The wire name, e.g. {@code "running"}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the job can no longer change state. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELED;
    }

    /** The status with wire name {@code value}, if any. */
    public static Optional<JobStatus> fromWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }
}
