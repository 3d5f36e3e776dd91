package org.chapkit.job;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Micrometer meters of the job system: {@code chapkit.jobs.submitted}, {@code .completed}, {@code .failed}, {@code
 * .canceled} (counters tagged by {@code type}), {@code chapkit.jobs.pending} (gauge of jobs waiting in the shared
 * database), {@code chapkit.jobs.running} (gauge of jobs running on this instance) and {@code chapkit.jobs.duration}
 * (timer of attempts, tagged by {@code type} and {@code status}).
 */
final class JobMetrics {

    private final MeterRegistry registry;

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
        counter("chapkit.jobs.submitted", "Jobs submitted on this instance", type)
                .increment();
    }

    void finished(String type, JobStatus status, Duration duration) {
        counter("chapkit.jobs." + status.wireName(), "Job attempts that ended " + status.wireName(), type)
                .increment();
        Timer.builder("chapkit.jobs.duration")
                .description("Run time of job attempts")
                .tag("type", type)
                .tag("status", status.wireName())
                .register(registry)
                .record(duration);
    }

    private Counter counter(String name, String description, String type) {
        return Counter.builder(name).description(description).tag("type", type).register(registry);
    }
}
