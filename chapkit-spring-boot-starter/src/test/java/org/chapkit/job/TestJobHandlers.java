package org.chapkit.job;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Job handlers for tests: a sleep with progress (plain and idempotent), a failing one, and one that records how
 * many of its kind run at once. What they observe is kept in static maps keyed by job id, because tests start
 * several application contexts (instances) in one JVM.
 */
@Configuration(proxyBeanMethods = false)
public class TestJobHandlers {

    /** Instance name of every start of a job, keyed by job id (a list of starts, for exactly-once checks). */
    public static final Map<String, AtomicInteger> STARTS = new ConcurrentHashMap<>();

    /** Jobs whose cancel callback ran. */
    public static final Set<String> CANCEL_CALLBACKS = ConcurrentHashMap.newKeySet();

    /**
     * Jobs whose handler stopped because it was cancelled or shut down: it saw the interrupt in its sleep, or (when the
     * interrupt arrived during a progress write) the cancel check right after.
     */
    public static final Set<String> INTERRUPTED = ConcurrentHashMap.newKeySet();

    /** The sleep with progress. */
    public static final JobType<Sleep> SLEEP = JobType.of("test.sleep", Sleep.class);

    /** The sleep with progress that may run again after its instance died or stopped. */
    public static final JobType<Sleep> SLEEP_IDEMPOTENT = JobType.of("test.sleep-idempotent", Sleep.class);

    /** Throws an {@link IllegalStateException} with the given message. */
    public static final JobType<Fail> FAIL = JobType.of("test.fail", Fail.class);

    /** Ends with an {@link Error}. */
    public static final JobType<Crash> CRASH = JobType.of("test.crash", Crash.class);

    /** Records how many of its kind run at once. */
    public static final JobType<Sleep> CONCURRENCY = JobType.of("test.concurrency", Sleep.class);

    static final AtomicInteger CONCURRENT = new AtomicInteger();
    static final AtomicInteger PEAK = new AtomicInteger();

    /**
     * Input of the sleep handlers.
     *
     * @param steps number of steps
     * @param stepMillis sleep per step
     * @param artifactId returned when done
     */
    public record Sleep(int steps, long stepMillis, String artifactId) {}

    /**
     * Input of the failing handler.
     *
     * @param message exception message
     */
    public record Fail(String message) {}

    @Bean
    JobHandler<Sleep> sleepJobHandler() {
        return new SleepHandler(SLEEP, false);
    }

    @Bean
    JobHandler<Sleep> idempotentSleepJobHandler() {
        return new SleepHandler(SLEEP_IDEMPOTENT, true);
    }

    @Bean
    JobHandler<Fail> failingJobHandler() {
        return new JobHandler<>() {
            @Override
            public JobType<Fail> jobType() {
                return FAIL;
            }

            @Override
            public String run(Fail payload, JobContext context) {
                STARTS.computeIfAbsent(context.jobId(), id -> new AtomicInteger())
                        .incrementAndGet();
                throw new IllegalStateException(payload.message());
            }
        };
    }

    /**
     * Input of the handler that ends with an {@link Error}.
     *
     * @param kind {@code out-of-memory} (thrown, as the JVM would), {@code stack-overflow} (real recursion) or
     *     {@code linkage}
     */
    public record Crash(String kind) {}

    @Bean
    JobHandler<Crash> crashingJobHandler() {
        return new JobHandler<>() {
            @Override
            public JobType<Crash> jobType() {
                return CRASH;
            }

            @Override
            public String run(Crash payload, JobContext context) {
                return switch (payload.kind()) {
                    case "out-of-memory" -> throw new OutOfMemoryError("Java heap space");
                    case "stack-overflow" -> Integer.toString(recurse(0));
                    default -> throw new NoClassDefFoundError("org/example/Missing");
                };
            }

            private int recurse(int depth) {
                return recurse(depth + 1) + 1;
            }
        };
    }

    @Bean
    JobHandler<Sleep> concurrencyProbeJobHandler() {
        return new JobHandler<>() {
            @Override
            public JobType<Sleep> jobType() {
                return CONCURRENCY;
            }

            @Override
            public String run(Sleep payload, JobContext context) throws InterruptedException {
                int now = CONCURRENT.incrementAndGet();
                PEAK.accumulateAndGet(now, Math::max);
                try {
                    Thread.sleep(payload.stepMillis());
                } finally {
                    CONCURRENT.decrementAndGet();
                }
                return null;
            }
        };
    }

    /** Sleeps in steps, reporting progress after each; stops when cancelled. */
    static final class SleepHandler implements JobHandler<Sleep> {

        private final JobType<Sleep> type;
        private final boolean idempotent;

        SleepHandler(JobType<Sleep> type, boolean idempotent) {
            this.type = type;
            this.idempotent = idempotent;
        }

        @Override
        public JobType<Sleep> jobType() {
            return type;
        }

        @Override
        public boolean idempotent() {
            return idempotent;
        }

        @Override
        public String run(Sleep payload, JobContext context) throws InterruptedException {
            STARTS.computeIfAbsent(context.jobId(), id -> new AtomicInteger()).incrementAndGet();
            context.onCancel(() -> CANCEL_CALLBACKS.add(context.jobId()));
            try {
                for (int step = 1; step <= payload.steps(); step++) {
                    context.throwIfCancelled();
                    Thread.sleep(payload.stepMillis());
                    context.reportProgress((double) step / payload.steps(), "step " + step + " of " + payload.steps());
                }
            } catch (InterruptedException | JobCancelledException ex) {
                INTERRUPTED.add(context.jobId());
                throw ex;
            }
            return payload.artifactId() != null ? payload.artifactId() : context.reservedArtifactId();
        }
    }
}
