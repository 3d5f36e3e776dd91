package org.chapkit.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * A job's stored payload read back as its handler's payload type: for running the job, and for asking the handler
 * whether the job may run again ({@link JobHandler#idempotent(Object)}) when an attempt was cut short.
 */
final class StoredPayloads {

    private static final Logger log = LoggerFactory.getLogger(StoredPayloads.class);

    private final ObjectMapper mapper;

    StoredPayloads(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The payload as the handler's {@link JobType#payloadType()}; JSON {@code null} when nothing is stored. */
    <P> P read(JobHandler<P> handler, String json) {
        return mapper.readValue(json == null ? "null" : json, handler.jobType().payloadType());
    }

    /**
     * Whether the job of this stored payload may run again; false when there is no handler or the payload cannot be
     * read (a job that cannot be read cannot be re-run safely either).
     */
    boolean idempotent(JobHandler<?> handler, String json) {
        if (handler == null) {
            return false;
        }
        try {
            return decide(handler, json);
        } catch (JacksonException ex) {
            log.warn(
                    "Cannot read the payload of a {} job to decide whether it may run again: {}",
                    handler.jobType().name(),
                    ex.getOriginalMessage());
            return false;
        }
    }

    private <P> boolean decide(JobHandler<P> handler, String json) {
        return handler.idempotent(read(handler, json));
    }
}
