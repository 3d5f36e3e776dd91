package org.chapkit.client.job;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The life-cycle state of a job. */
public enum JobStatus {
    /** Submitted, waiting for a free slot. */
    @JsonProperty("pending")
    PENDING(false),
    /** Running. */
    @JsonProperty("running")
    RUNNING(false),
    /** Finished successfully. */
    @JsonProperty("completed")
    COMPLETED(true),
    /** Finished with an error ({@code error}, {@code error_traceback}). */
    @JsonProperty("failed")
    FAILED(true),
    /** Cancelled before it finished. */
    @JsonProperty("canceled")
    CANCELED(true),
    /** Deleted while a {@code $stream} was following it (the stream's last frame). */
    @JsonProperty("deleted")
    DELETED(true),
    /** A value this client version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN(false);

    private final boolean terminal;

    JobStatus(boolean terminal) {
        this.terminal = terminal;
    }

    /**
     * Whether the job will not change any more.
     *
     * @return {@code true} for completed, failed, canceled and deleted
     */
    public boolean isTerminal() {
        return terminal;
    }

    /**
     * The wire value, as used in {@code ?status_filter=}.
     *
     * @return for example {@code running}
     */
    public String wireValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
