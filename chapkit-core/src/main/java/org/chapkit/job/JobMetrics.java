package org.chapkit.job;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Micrometer meters of the job system: {@code chapkit.jobs.submitted}, {@code .completed}, {@code .failed}, {@code
 * .canceled} (counters tagged by {@code type}), {@code chapkit.jobs.pending} (gauge of jobs waiting in the shared
 * database), {@code chapkit.jobs.running} (gauge of jobs running on this instance) and {@code chapkit.jobs.duration}
 * (timer of attempts, tagged by {@code type} and {@code status}); per job type {@code chapkit.jobs.queue.depth} and
 * {@code chapkit.jobs.queue.age} (see {@link #queues}).
 */
final class JobMetrics {

    private final MeterRegistry registry;
    // Meters are looked up once per type (and status) rather than built and registered on every job.
    private final Map<String, Counter> submitted = new ConcurrentHashMap<>();
    private final Map<String, Finished> finished = new ConcurrentHashMap<>();
    private final java.util.Set<String> queueTypes = ConcurrentHashMap.newKeySet();

    private record Finished(Counter counter, Timer timer) {}

    JobMetrics(MeterRegistry registry, Supplier<Number> pending, Supplier<Number> running) {
        this.registry = registry;
        Gauge.builder("chapkit.jobs.pending", pending)
                .description("Jobs waiting for a worker (all instances)")
                .register(registry);
        Gauge.builder("chapkit.jobs.running", running)
                .description("Jobs running on this instance")
                .register(registry);
    }

    /**
     * Registers {@code chapkit.jobs.queue.depth} (pending jobs, all instances) and {@code chapkit.jobs.queue.age}
     * (seconds the oldest pending job has waited) for each job type, read together from one query at most once a
     * second however many meters a scrape reads.
     */
    void queues(Collection<String> types, Supplier<Map<String, JobStore.PendingType>> pending, Clock clock) {
        QueueSnapshot snapshot = new QueueSnapshot(pending, clock);
        for (String type : types) {
            if (!queueTypes.add(type)) {
                continue;
            }
            Gauge.builder("chapkit.jobs.queue.depth", snapshot, s -> s.get(type).count())
                    .description("Jobs of this type waiting for a worker (all instances)")
                    .tag("type", type)
                    .register(registry);
            Gauge.builder("chapkit.jobs.queue.age", snapshot, s -> {
                        JobStore.PendingType queue = s.get(type);
                        return queue.oldestSubmittedAt() == null
                                ? 0
                                : Math.max(
                                        0,
                                        Duration.between(queue.oldestSubmittedAt(), clock.instant())
                                                        .toMillis()
                                                / 1000.0);
                    })
                    .description("Seconds the oldest pending job of this type has waited")
                    .tag("type", type)
                    .baseUnit("seconds")
                    .register(registry);
        }
    }

    /** The pending jobs by type, re-read at most once a second. */
    private static final class QueueSnapshot {

        private static final JobStore.PendingType NONE = new JobStore.PendingType(0, null);

        private final Supplier<Map<String, JobStore.PendingType>> pending;
        private final Clock clock;
        private Map<String, JobStore.PendingType> last = Map.of();
        private Instant readAt = Instant.MIN;

        QueueSnapshot(Supplier<Map<String, JobStore.PendingType>> pending, Clock clock) {
            this.pending = pending;
            this.clock = clock;
        }

        synchronized JobStore.PendingType get(String type) {
            Instant now = clock.instant();
            if (Duration.between(readAt, now).compareTo(Duration.ofSeconds(1)) >= 0) {
                last = pending.get();
                readAt = now;
            }
            return last.getOrDefault(type, NONE);
        }
    }

    void submitted(String type) {
        submitted
                .computeIfAbsent(type, t -> counter("chapkit.jobs.submitted", "Jobs submitted on this instance", t))
                .increment();
    }

    void finished(String type, JobStatus status, Duration duration) {
        Finished meters = finished.computeIfAbsent(
                type + '\n' + status.wireName(),
                key -> new Finished(
                        counter(
                                "chapkit.jobs." + status.wireName(),
                                "Job attempts that ended " + status.wireName(),
                                type),
                        Timer.builder("chapkit.jobs.duration")
                                .description("Run time of job attempts")
                                .tag("type", type)
                                .tag("status", status.wireName())
                                .register(registry)));
        meters.counter().increment();
        meters.timer().record(duration);
    }

    private Counter counter(String name, String description, String type) {
        return Counter.builder(name).description(description).tag("type", type).register(registry);
    }
}
