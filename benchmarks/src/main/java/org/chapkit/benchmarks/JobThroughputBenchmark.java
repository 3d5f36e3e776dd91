package org.chapkit.benchmarks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.chapkit.job.Job;
import org.chapkit.job.JobContext;
import org.chapkit.job.JobHandler;
import org.chapkit.job.JobManager;
import org.chapkit.job.JobSettings;
import org.chapkit.job.JobStatus;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trivial jobs per second and submit-to-running latency through chapkit's job system, and in the same run through
 * raw db-scheduler (same PostgreSQL, same worker count, same polling interval). Not a test: prints figures only.
 *
 * <p>System properties: {@code jobs} (default 2000), {@code threads} (4), {@code samples} (200), {@code
 * postgres.url} (a JDBC URL with user and password; default an embedded PostgreSQL).
 */
public final class JobThroughputBenchmark {

    private static final Logger log = LoggerFactory.getLogger(JobThroughputBenchmark.class);

    private static final int JOBS = Integer.getInteger("jobs", 2000);
    private static final int THREADS = Integer.getInteger("threads", 4);
    private static final int SAMPLES = Integer.getInteger("samples", 200);
    private static final int SUBMITTERS = 4;
    private static final Duration POLLING = Duration.ofMillis(100);

    private JobThroughputBenchmark() {}

    public static void main(String[] args) throws Exception {
        run(System.getProperty("postgres.url", ""));
    }

    /**
     * Runs three rounds of both engines and logs each; the harness reads the returned rounds (the first warms up).
     *
     * @param external a JDBC URL with user and password, or blank for an embedded PostgreSQL
     * @return the figures of every round, in order
     */
    public static List<Round> run(String external) throws Exception {
        List<Round> rounds = new ArrayList<>();
        EmbeddedPostgres embedded =
                external.isBlank() ? EmbeddedPostgres.builder().start() : null;
        String url = embedded != null ? embedded.getJdbcUrl("postgres", "postgres") : external;
        try (HikariDataSource dataSource = dataSource(url)) {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:org/chapkit/db/migration/postgresql")
                    .table("chapkit_schema_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("CREATE TABLE IF NOT EXISTS raw_tasks (LIKE scheduled_tasks INCLUDING ALL)")
                    .update();
            log.info(
                    "PostgreSQL {}, {} jobs from {} submitter threads, {} workers, polling {} ms, {} latency samples, {} cores",
                    jdbc.sql("SHOW server_version").query(String.class).single(),
                    JOBS,
                    SUBMITTERS,
                    THREADS,
                    POLLING.toMillis(),
                    SAMPLES,
                    Runtime.getRuntime().availableProcessors());
            for (int round = 1; round <= 3; round++) { // round 1 warms up the JIT and the database
                Result chapkit = chapkit(dataSource, jdbc);
                Result raw = raw(dataSource, jdbc);
                log.info("round {} chapkit jobs : {}", round, chapkit);
                log.info("round {} raw db-scheduler: {}", round, raw);
                rounds.add(new Round(round, chapkit, raw));
                jdbc.sql("DELETE FROM jobs").update();
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
        return rounds;
    }

    /**
     * Figures of one round of both engines.
     *
     * @param round 1-based round number (round 1 warms up)
     * @param chapkit chapkit's job system
     * @param raw raw db-scheduler
     */
    public record Round(int round, Result chapkit, Result raw) {}

    private static Result chapkit(HikariDataSource dataSource, JdbcClient jdbc) throws InterruptedException {
        JobHandler<String> noop = new JobHandler<>() {
            @Override
            public String type() {
                return "noop";
            }

            @Override
            public Class<String> payloadType() {
                return String.class;
            }

            @Override
            public String run(String payload, JobContext context) {
                return null;
            }
        };
        JobSettings settings = new JobSettings(
                "bench-chapkit",
                THREADS,
                POLLING,
                Duration.ofSeconds(5),
                6,
                Duration.ofMillis(500),
                Duration.ofDays(1),
                Duration.ofSeconds(1));
        try (JobManager jobs = new JobManager(
                dataSource,
                new DataSourceTransactionManager(dataSource),
                List.of(noop),
                JsonMapper.builder().build(),
                settings,
                new SimpleMeterRegistry(),
                Clock.systemUTC())) {
            jobs.start();
            long start = System.nanoTime();
            inParallel(i -> jobs.submit("noop", "x"));
            long submitted = System.nanoTime();
            while (count(jdbc, "SELECT COUNT(*) FROM jobs WHERE status = 'completed'") < JOBS) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
            long done = System.nanoTime();
            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < SAMPLES; i++) {
                Job job = jobs.submit("noop", "x");
                Job finished = awaitFinished(jobs, job.id());
                latencies.add(Duration.between(finished.submittedAt(), finished.startedAt())
                                .toNanos()
                        / 1e6);
            }
            return new Result(JOBS, submitted - start, done - start, latencies);
        }
    }

    private static Result raw(HikariDataSource dataSource, JdbcClient jdbc) throws InterruptedException {
        CountDownLatch remaining = new CountDownLatch(JOBS);
        Map<String, Long> startedAt = new ConcurrentHashMap<>();
        AtomicLong ignored = new AtomicLong();
        OneTimeTask<String> task = Tasks.oneTime("raw", String.class).execute((instance, context) -> {
            startedAt.put(instance.getId(), System.nanoTime());
            ignored.incrementAndGet();
            remaining.countDown();
        });
        Scheduler scheduler = Scheduler.create(dataSource, task)
                .tableName("raw_tasks")
                .schedulerName(new SchedulerName.Fixed("bench-raw"))
                .threads(THREADS)
                .pollingInterval(POLLING)
                .enableImmediateExecution()
                .build();
        scheduler.start();
        try {
            long start = System.nanoTime();
            inParallel(i -> scheduler.schedule(task.instance("t" + i, "x"), Instant.now()));
            long submitted = System.nanoTime();
            remaining.await();
            long done = System.nanoTime();
            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < SAMPLES; i++) {
                String id = "l" + i;
                long before = System.nanoTime();
                scheduler.schedule(task.instance(id, "x"), Instant.now());
                while (!startedAt.containsKey(id)) {
                    Thread.onSpinWait();
                }
                latencies.add((startedAt.get(id) - before) / 1e6);
            }
            return new Result(JOBS, submitted - start, done - start, latencies);
        } finally {
            scheduler.stop();
            jdbc.sql("DELETE FROM raw_tasks").update();
        }
    }

    /** Submits from {@value #SUBMITTERS} threads at once, as several HTTP clients would. */
    private static void inParallel(IntConsumer submit) throws InterruptedException {
        try (ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS)) {
            for (int t = 0; t < SUBMITTERS; t++) {
                int first = t;
                submitters.execute(() -> {
                    for (int i = first; i < JOBS; i += SUBMITTERS) {
                        submit.accept(i);
                    }
                });
            }
            submitters.shutdown();
            if (!submitters.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Submitting took more than 10 minutes");
            }
        }
    }

    private static Job awaitFinished(JobManager jobs, String id) throws InterruptedException {
        while (true) {
            Job job = jobs.get(id);
            if (job.status() == JobStatus.COMPLETED) {
                return job;
            }
            TimeUnit.MICROSECONDS.sleep(200);
        }
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static HikariDataSource dataSource(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(THREADS + 6);
        return new HikariDataSource(config);
    }

    /**
     * Figures of one run of one engine.
     *
     * @param jobs jobs submitted for the throughput figure
     * @param submitNanos time to submit them all
     * @param totalNanos time until all had finished
     * @param latenciesMillis submit-to-running latency of each sample, in milliseconds
     */
    public record Result(int jobs, long submitNanos, long totalNanos, List<Double> latenciesMillis) {

        /** Jobs finished per second. */
        public double jobsPerSecond() {
            return jobs / (totalNanos / 1e9);
        }

        /** The latency below which the given fraction of samples lie, in milliseconds. */
        public double latencyPercentile(double fraction) {
            List<Double> sorted = new ArrayList<>(latenciesMillis);
            Collections.sort(sorted);
            return sorted.get((int) Math.floor(fraction * (sorted.size() - 1)));
        }

        @Override
        public String toString() {
            List<Double> sorted = new ArrayList<>(latenciesMillis);
            Collections.sort(sorted);
            double p50 = sorted.get((int) Math.floor(0.50 * (sorted.size() - 1)));
            double p99 = sorted.get((int) Math.floor(0.99 * (sorted.size() - 1)));
            return String.format(
                    "%d jobs submitted in %.0f ms (%.0f submits/s), all done after %.0f ms = %.0f jobs/s;"
                            + " submit->running latency p50 %.1f ms, p99 %.1f ms",
                    jobs,
                    submitNanos / 1e6,
                    jobs / (submitNanos / 1e9),
                    totalNanos / 1e6,
                    jobs / (totalNanos / 1e9),
                    p50,
                    p99);
        }
    }
}
