package org.chapkit.benchmarks.harness;

import java.util.List;
import org.chapkit.benchmarks.JobThroughputBenchmark;
import org.chapkit.benchmarks.JobThroughputBenchmark.Round;
import org.chapkit.benchmarks.JobThroughputBenchmark.Runs;
import org.chapkit.benchmarks.JobThroughputBenchmark.Scaling;

/**
 * Metrics 1 and 2 from {@link JobThroughputBenchmark} (see its Javadoc and {@code docs/performance.md}) on the run's
 * PostgreSQL: medians of its rounds after the first (warm-up) round.
 */
public final class JobsSuite implements Suite {

    private static final String THROUGHPUT = "1. trivial jobs/s vs raw db-scheduler";
    private static final String INSTANCES = "1. jobs/s, 2 instances vs 1";
    private static final String P50 = "2. submit → running p50, idle (ms)";
    private static final String P99 = "2. submit → running p99, idle (ms)";

    @Override
    public String name() {
        return "jobs";
    }

    @Override
    public List<Row> placeholders() {
        return List.of(
                Row.notMeasured(THROUGHPUT, "≥ 1.0×", ""),
                Row.notMeasured(INSTANCES, "≥ 1.7×", ""),
                Row.notMeasured(P50, "≤ 20 ms", ""),
                Row.notMeasured(P99, "", ""));
    }

    @Override
    public List<Row> run(HarnessContext context) throws Exception {
        Runs runs = JobThroughputBenchmark.run(context.jdbcUrl());
        List<Round> rounds = runs.rounds();
        List<Round> measured = rounds.subList(1, rounds.size());
        double ours = Medians.of(
                measured.stream().map(r -> r.chapkit().jobsPerSecond()).toList());
        double raw =
                Medians.of(measured.stream().map(r -> r.raw().jobsPerSecond()).toList());
        double p50 = Medians.of(
                measured.stream().map(r -> r.chapkit().latencyPercentile(0.5)).toList());
        double rawP50 = Medians.of(
                measured.stream().map(r -> r.raw().latencyPercentile(0.5)).toList());
        double p99 = Medians.of(
                measured.stream().map(r -> r.chapkit().latencyPercentile(0.99)).toList());
        double rawP99 = Medians.of(
                measured.stream().map(r -> r.raw().latencyPercentile(0.99)).toList());
        List<Scaling> scaling = runs.scaling().subList(1, runs.scaling().size());
        double two = Medians.of(
                scaling.stream().map(r -> r.chapkit2().jobsPerSecond()).toList());
        double one = Medians.of(
                scaling.stream().map(r -> r.chapkit1().jobsPerSecond()).toList());
        double rawGain = Medians.of(scaling.stream().map(Scaling::rawGain).toList());
        String how = "JobThroughputBenchmark, median of rounds 2–" + rounds.size() + ", 4 workers, polling 100 ms ("
                + JobThroughputBenchmark.STRATEGY + " for both)";
        return List.of(
                new Row(THROUGHPUT, ours, raw, "≥ 1.0×", ours / raw >= 1.0, how + ", no-op jobs from 4 submitters"),
                new Row(
                        INSTANCES,
                        two,
                        one,
                        "≥ 1.7×",
                        two / one >= 1.7,
                        String.format(
                                "JobThroughputBenchmark, median of rounds 2–%d: two JobManagers (own pool and"
                                        + " scheduler each, 4 workers each) vs one, same 2000 jobs from 4 submitters;"
                                        + " raw db-scheduler 2 vs 1 in the same run: %.2f×; on %d cores, with"
                                        + " PostgreSQL on the same machine, a second instance adds no CPU",
                                runs.scaling().size(),
                                rawGain,
                                Runtime.getRuntime().availableProcessors())),
                new Row(P50, p50, rawP50, "≤ 20 ms", p50 <= 20, how + ", one job at a time"),
                new Row(P99, p99, rawP99, "", null, how + ", one job at a time"));
    }
}
