package org.chapkit.job;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Micrometer meters of the job system: {@code chapkit.jobs.submitted}, {@code .completed}, {@code .failed}, {@code
 * .canceled} (counters tagged by {@code type}), {@code chapkit.jobs.pending} (gauge of jobs waiting in the shared
 * database), {@code chapkit.jobs.running} (gauge of jobs running on this instance) and {@code chapkit.jobs.duration}
 * (timer of attempts, tagged by {@code type} and {@code status}).
 */
final class JobMetrics {

    private final MeterRegistry registry;
    // Meters are looked up once per type (and status) rather than built and registered on every job.
    private final Map<String, Counter> submitted = new ConcurrentHashMap<>();
    private final Map<String, Finished> finished = new ConcurrentHashMap<>();

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
