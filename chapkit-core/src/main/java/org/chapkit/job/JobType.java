package org.chapkit.job;

import java.util.Objects;

/**
 * A kind of work the job system runs: the stable name stored with each job and the class its payload is read back
 * into, as db-scheduler's {@code TaskDescriptor<T>} pairs a task name with its data class. Declare one constant per
 * kind of work, return it from {@link JobHandler#jobType()} and pass it to {@link JobManager#submit(JobType, Object)},
 * so the name is written once and the compiler checks that each submitted payload matches its handler.
 *
 * <p>The name is what the {@code jobs.type} column holds (and what the {@code type} of a job record and the job
 * metrics show): changing it orphans stored jobs of the old name, which then fail with
 * {@link UnknownJobTypeException}.
 *
 * @param name stable name of the work, for example {@code "ml.train"}; not blank
 * @param payloadType the class the JSON payload is read into; must round-trip through Jackson
 * @param <P> payload type
 */
public record JobType<P>(String name, Class<P> payloadType) {

    /** Checks that the name is not blank and the payload class is given. */
    public JobType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payloadType, "payloadType");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A job type's name must not be blank");
        }
    }

    /**
     * The job type {@code name} whose payload is a {@code payloadType}.
     *
     * @param name stable name of the work
     * @param payloadType the payload class
     * @param <P> payload type
     * @return the job type
     */
    public static <P> JobType<P> of(String name, Class<P> payloadType) {
        return new JobType<>(name, payloadType);
    }

    @Override
    public String toString() {
        return name + "<" + payloadType.getSimpleName() + ">";
    }
}
