package org.chapkit.benchmarks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
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
import java.util.function.BiFunction;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.chapkit.job.Job;
import org.chapkit.job.JobContext;
import org.chapkit.job.JobHandler;
import org.chapkit.job.JobManager;
import org.chapkit.job.JobSettings;
import org.chapkit.job.JobStatus;
import org.chapkit.job.JobType;
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
 * Then the same trivial load on two instances vs one (each instance its own connection pool and scheduler), for
 * both engines.
 *
 * <p>System properties: {@code jobs} (default 2000), {@code threads} (4), {@code samples} (200), {@code
 * postgres.url} (a JDBC URL with user and password; default an embedded PostgreSQL), {@code count.statements}
 * (false; true logs JDBC statements and commits per job of the single-instance rounds), {@code polling}
 * ({@code lock-and-fetch}, db-scheduler's single-statement pick on PostgreSQL, or {@code fetch}, its default:
 * both engines get the same).
 */
public final class JobThroughputBenchmark {

    private static final Logger log = LoggerFactory.getLogger(JobThroughputBenchmark.class);

    private static final int JOBS = Integer.getInteger("jobs", 2000);
    private static final int THREADS = Integer.getInteger("threads", 4);
    private static final int SAMPLES = Integer.getInteger("samples", 200);
    private static final int SUBMITTERS = 4;
    private static final Duration POLLING = Duration.ofMillis(100);
    /** db-scheduler's polling strategy for both engines: {@code lock-and-fetch} (default) or {@code fetch}. */
    public static final String STRATEGY = System.getProperty("polling", "lock-and-fetch");

    private JobThroughputBenchmark() {}

    public static void main(String[] args) throws Exception {
        run(System.getProperty("postgres.url", ""));
    }

    /**
     * Runs three rounds of both engines, then three rounds of the two-instance comparison, and logs each; the
     * harness reads the returned rounds (the first of each kind warms up).
     *
     * @param external a JDBC URL with user and password, or blank for an embedded PostgreSQL
     * @return the figures of every round, in order
     */
    public static Runs run(String external) throws Exception {
        List<Round> rounds = new ArrayList<>();
        List<Scaling> scaling = new ArrayList<>();
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
                    "PostgreSQL {}, {} jobs from {} submitter threads, {} workers, polling {} ms ({}), {} latency samples,"
                            + " {} cores",
                    jdbc.sql("SHOW server_version").query(String.class).single(),
                    JOBS,
                    SUBMITTERS,
                    THREADS,
                    POLLING.toMillis(),
                    STRATEGY,
                    SAMPLES,
                    Runtime.getRuntime().availableProcessors());
            for (int round = 1; round <= 3; round++) { // round 1 warms up the JIT and the database
                StatementCounter ours = new StatementCounter();
                StatementCounter theirs = new StatementCounter();
                Result chapkit = chapkit(List.of(ours.wrap(dataSource)), jdbc, ours::stop);
                Result raw = raw(List.of(theirs.wrap(dataSource)), jdbc, theirs::stop);
                log.info("round {} chapkit jobs : {}{}", round, chapkit, ours.perJob(JOBS));
                log.info("round {} raw db-scheduler: {}{}", round, raw, theirs.perJob(JOBS));
                rounds.add(new Round(round, chapkit, raw));
                jdbc.sql("DELETE FROM jobs").update();
            }
            for (int round = 1; round <= 3; round++) { // round 1 warms up; the order alternates between rounds
                Result chapkit1, chapkit2, raw1, raw2;
                if (round % 2 == 1) {
                    chapkit1 = instances(url, 1, pools -> chapkit(pools, jdbc, null));
                    chapkit2 = instances(url, 2, pools -> chapkit(pools, jdbc, null));
                    raw1 = instances(url, 1, pools -> raw(pools, jdbc, null));
                    raw2 = instances(url, 2, pools -> raw(pools, jdbc, null));
                } else {
                    chapkit2 = instances(url, 2, pools -> chapkit(pools, jdbc, null));
                    chapkit1 = instances(url, 1, pools -> chapkit(pools, jdbc, null));
                    raw2 = instances(url, 2, pools -> raw(pools, jdbc, null));
                    raw1 = instances(url, 1, pools -> raw(pools, jdbc, null));
                }
                Scaling figures = new Scaling(round, chapkit1, chapkit2, raw1, raw2);
                log.info("round {} instances: {}", round, figures);
                scaling.add(figures);
                jdbc.sql("DELETE FROM jobs").update();
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
        return new Runs(rounds, scaling);
    }

    /**
     * Everything one {@link #run} measured.
     *
     * @param rounds chapkit vs raw db-scheduler, one instance each
     * @param scaling two instances vs one, for both engines
     */
    public record Runs(List<Round> rounds, List<Scaling> scaling) {}

    /**
     * Figures of one round of both engines.
     *
     * @param round 1-based round number (round 1 warms up)
     * @param chapkit chapkit's job system
     * @param raw raw db-scheduler
     */
    public record Round(int round, Result chapkit, Result raw) {}

    /**
     * Figures of one round of the instance comparison: the same {@code jobs} submitted from the same submitter
     * threads (spread evenly over the instances) to one instance, then to two instances, each instance with its own
     * connection pool and scheduler ({@code threads} workers each), on the same database.
     *
     * @param round 1-based round number (round 1 warms up)
     * @param chapkit1 chapkit, one instance
     * @param chapkit2 chapkit, two instances
     * @param raw1 raw db-scheduler, one instance
     * @param raw2 raw db-scheduler, two instances
     */
    public record Scaling(int round, Result chapkit1, Result chapkit2, Result raw1, Result raw2) {

        /** Jobs/s of two chapkit instances ÷ one. */
        public double chapkitGain() {
            return chapkit2.jobsPerSecond() / chapkit1.jobsPerSecond();
        }

        /** Jobs/s of two raw db-scheduler instances ÷ one. */
        public double rawGain() {
            return raw2.jobsPerSecond() / raw1.jobsPerSecond();
        }

        @Override
        public String toString() {
            return String.format(
                    "chapkit 1 → 2 instances %.0f → %.0f jobs/s (%.2f×), raw db-scheduler %.0f → %.0f jobs/s (%.2f×)",
                    chapkit1.jobsPerSecond(),
                    chapkit2.jobsPerSecond(),
                    chapkitGain(),
                    raw1.jobsPerSecond(),
                    raw2.jobsPerSecond(),
                    rawGain());
        }
    }

    /** One engine's run over some instances, each given its own connection pool. */
    private interface InstancesRun {
        Result run(List<? extends DataSource> pools) throws InterruptedException;
    }

    private static Result instances(String url, int count, InstancesRun run) throws InterruptedException {
        List<HikariDataSource> pools = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                pools.add(dataSource(url));
            }
            return run.run(pools);
        } finally {
            pools.forEach(HikariDataSource::close);
        }
    }

    /** Chapkit's job system, one {@link JobManager} per pool (as separate instances would have). */
    private static Result chapkit(List<? extends DataSource> pools, JdbcClient jdbc, Runnable thenLatency)
            throws InterruptedException {
        JobType<String> noopType = JobType.of("noop", String.class);
        JobHandler<String> noop = new JobHandler<>() {
            @Override
            public JobType<String> jobType() {
                return noopType;
            }

            @Override
            public String run(String payload, JobContext context) {
                return null;
            }
        };
        List<JobManager> managers = new ArrayList<>();
        List<SimpleMeterRegistry> registries = new ArrayList<>();
        try {
            for (int i = 0; i < pools.size(); i++) {
                JobSettings settings = new JobSettings(
                        "bench-chapkit-" + i,
                        THREADS,
                        POLLING,
                        Duration.ofSeconds(5),
                        6,
                        Duration.ofMillis(500),
                        Duration.ofDays(1),
                        Duration.ofSeconds(1));
                SimpleMeterRegistry registry = new SimpleMeterRegistry();
                registries.add(registry);
                managers.add(new JobManager(
                        pools.get(i),
                        new DataSourceTransactionManager(pools.get(i)),
                        List.of(JobThroughputBenchmark::polling),
                        JsonMapper.builder().build(),
                        settings,
                        registry,
                        Clock.systemUTC()));
            }
            managers.forEach(manager -> manager.start(List.of(noop), List.of()));
            long start = System.nanoTime();
            inParallel(i -> managers.get(i % managers.size()).submit(noopType, "x"));
            long submitted = System.nanoTime();
            // The chapkit.jobs.completed meter counts after the final status commit; reading it costs the database
            // nothing (the raw engine's side counts in memory too).
            while (completed(registries) < JOBS) {
                TimeUnit.MILLISECONDS.sleep(1);
            }
            long done = System.nanoTime();
            long inDatabase = count(jdbc, "SELECT COUNT(*) FROM jobs WHERE status = 'completed'");
            if (inDatabase < JOBS) {
                throw new IllegalStateException("Only " + inDatabase + " of " + JOBS + " job records are completed");
            }
            List<Double> latencies = new ArrayList<>();
            if (thenLatency != null) {
                thenLatency.run();
            }
            for (int i = 0; thenLatency != null && i < SAMPLES; i++) {
                Job job = managers.getFirst().submit(noopType, "x");
                Job finished = awaitFinished(managers.getFirst(), job.id());
                latencies.add(Duration.between(finished.submittedAt(), finished.startedAt())
                                .toNanos()
                        / 1e6);
            }
            return new Result(JOBS, submitted - start, done - start, latencies);
        } finally {
            managers.forEach(JobManager::close);
            jdbc.sql("DELETE FROM jobs").update();
        }
    }

    /** Gives an engine's scheduler the run's polling strategy (the same for both engines). */
    static void polling(SchedulerBuilder builder) {
        switch (STRATEGY) {
            case "lock-and-fetch" -> builder.pollUsingLockAndFetch(0.5, 1.0);
            case "fetch" -> builder.pollUsingFetchAndLockOnExecute(0.5, 3.0);
            default -> throw new IllegalArgumentException("polling must be lock-and-fetch or fetch, not " + STRATEGY);
        }
    }

    private static double completed(List<SimpleMeterRegistry> registries) {
        double sum = 0;
        for (SimpleMeterRegistry registry : registries) {
            Counter counter = registry.find("chapkit.jobs.completed").counter();
            sum += counter == null ? 0 : counter.count();
        }
        return sum;
    }

    /** Raw db-scheduler, one {@link Scheduler} per pool. */
    private static Result raw(List<? extends DataSource> pools, JdbcClient jdbc, Runnable thenLatency)
            throws InterruptedException {
        CountDownLatch remaining = new CountDownLatch(JOBS);
        Map<String, Long> startedAt = new ConcurrentHashMap<>();
        AtomicLong ignored = new AtomicLong();
        OneTimeTask<String> task = Tasks.oneTime("raw", String.class).execute((instance, context) -> {
            startedAt.put(instance.getId(), System.nanoTime());
            ignored.incrementAndGet();
            remaining.countDown();
        });
        List<Scheduler> schedulers = new ArrayList<>();
        for (int i = 0; i < pools.size(); i++) {
            SchedulerBuilder builder = Scheduler.create(pools.get(i), task)
                    .tableName("raw_tasks")
                    .schedulerName(new SchedulerName.Fixed("bench-raw-" + i))
                    .threads(THREADS)
                    .pollingInterval(POLLING)
                    .enableImmediateExecution();
            polling(builder);
            schedulers.add(builder.build());
        }
        schedulers.forEach(Scheduler::start);
        try {
            long start = System.nanoTime();
            inParallel(i -> schedulers.get(i % schedulers.size()).schedule(task.instance("t" + i, "x"), Instant.now()));
            long submitted = System.nanoTime();
            remaining.await();
            long done = System.nanoTime();
            List<Double> latencies = new ArrayList<>();
            if (thenLatency != null) {
                thenLatency.run();
            }
            for (int i = 0; thenLatency != null && i < SAMPLES; i++) {
                String id = "l" + i;
                long before = System.nanoTime();
                schedulers.getFirst().schedule(task.instance(id, "x"), Instant.now());
                while (!startedAt.containsKey(id)) {
                    Thread.onSpinWait();
                }
                latencies.add((startedAt.get(id) - before) / 1e6);
            }
            return new Result(JOBS, submitted - start, done - start, latencies);
        } finally {
            schedulers.forEach(Scheduler::stop);
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
     * Counts the JDBC statements executed and the explicit commits made through a data source, when the system
     * property {@code count.statements} is true (a JDBC proxy in the benchmark only: chapkit runs unchanged).
     */
    private static final class StatementCounter {

        private static final boolean ENABLED = Boolean.getBoolean("count.statements");

        private final AtomicLong statements = new AtomicLong();
        private final AtomicLong commits = new AtomicLong();
        private volatile boolean counting = true;

        DataSource wrap(DataSource dataSource) {
            if (!ENABLED) {
                return dataSource;
            }
            return proxy(
                    DataSource.class,
                    dataSource,
                    (method, result) -> method.getName().equals("getConnection")
                            ? proxy(Connection.class, (Connection) result, this::counted)
                            : result);
        }

        /** Stops counting: the throughput part is over (the latency samples and their polling are not counted). */
        void stop() {
            counting = false;
        }

        private Object counted(Method method, Object result) {
            if (counting && method.getName().equals("commit")) {
                commits.incrementAndGet();
            }
            if (result instanceof PreparedStatement statement) {
                return proxy(PreparedStatement.class, statement, this::executed);
            }
            if (result instanceof Statement statement) {
                return proxy(Statement.class, statement, this::executed);
            }
            return result;
        }

        private Object executed(Method method, Object result) {
            if (counting && method.getName().startsWith("execute")) {
                statements.incrementAndGet();
            }
            return result;
        }

        String perJob(int jobs) {
            return ENABLED
                    ? String.format(
                            "; %.2f statements and %.2f explicit commits per job",
                            (double) statements.get() / jobs, (double) commits.get() / jobs)
                    : "";
        }

        private static <T> T proxy(Class<T> type, T target, BiFunction<Method, Object, Object> after) {
            return type.cast(Proxy.newProxyInstance(
                    JobThroughputBenchmark.class.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
                        try {
                            return after.apply(method, method.invoke(target, args));
                        } catch (InvocationTargetException ex) {
                            throw ex.getCause();
                        }
                    }));
        }
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

        /** The latency below which the given fraction of samples lie, in milliseconds (NaN without samples). */
        public double latencyPercentile(double fraction) {
            if (latenciesMillis.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = new ArrayList<>(latenciesMillis);
            Collections.sort(sorted);
            return sorted.get((int) Math.floor(fraction * (sorted.size() - 1)));
        }

        @Override
        public String toString() {
            double p50 = latencyPercentile(0.50);
            double p99 = latencyPercentile(0.99);
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
