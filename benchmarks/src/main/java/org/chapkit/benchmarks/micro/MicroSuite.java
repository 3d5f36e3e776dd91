package org.chapkit.benchmarks.micro;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chapkit.benchmarks.harness.HarnessContext;
import org.chapkit.benchmarks.harness.Medians;
import org.chapkit.benchmarks.harness.Row;
import org.chapkit.benchmarks.harness.Suite;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the JMH benchmarks of this package in forked JVMs ({@code --jmh-forks} 1, 3 warm-up and {@code
 * --jmh-iterations} 5 measured one-second iterations each, {@code -Xmx1g}); each figure is the median of the
 * measured iterations.
 */
public final class MicroSuite implements Suite {

    private static final Logger log = LoggerFactory.getLogger(MicroSuite.class);
    private static final String DECODE = "5. DataFrame JSON → Tablesaw, 1000×6 (ops/s)";
    private static final String RENDER = "5. DataFrame → JSON, 1000×6 (ops/s)";
    private static final String ULID = "5. ULID generation (M ops/s)";

    @Override
    public String name() {
        return "micro";
    }

    @Override
    public List<Row> placeholders() {
        return List.of(
                Row.notMeasured(DECODE, "≥ 0.8×", ""), Row.notMeasured(RENDER, "", ""), Row.notMeasured(ULID, "", ""));
    }

    @Override
    public List<Row> run(HarnessContext context) throws Exception {
        int forks = context.intOption("jmh-forks", 1);
        int iterations = context.intOption("jmh-iterations", 5);
        Options options = new OptionsBuilder()
                .include(MicroSuite.class.getPackageName() + "\\..*Benchmarks\\..*")
                .forks(forks)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xmx1g")
                .verbosity(VerboseMode.SILENT)
                .build();
        log.info("JMH: 7 benchmarks × {} fork(s) × {} s", forks, 3 + iterations);
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> scores = new HashMap<>();
        for (RunResult result : results) {
            List<Double> values = new ArrayList<>();
            for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
                for (IterationResult iteration : benchmark.getIterationResults()) {
                    values.add(iteration.getPrimaryResult().getScore());
                }
            }
            String name = result.getParams().getBenchmark();
            scores.put(name.substring(name.lastIndexOf('.') + 1), Medians.of(values));
            log.info("JMH {}: {} ops/s", name, Math.round(scores.get(name.substring(name.lastIndexOf('.') + 1))));
        }
        String how = "JMH, median of " + forks * iterations + " one-second iterations";
        double decode = scores.get("decodeToTablesaw");
        double tree = scores.get("jacksonTreeParse");
        double cpuRatio = DecodeCpuProbe.decodeRatio(context.intOption("cpu-rounds", 30));
        String split = String.format(
                "; JSON → DataFrame alone %.0f ops/s; interleaved thread-CPU cross-check (DecodeCpuProbe) %.2f×",
                scores.getOrDefault("decodeToDataFrame", Double.NaN), cpuRatio);
        return List.of(
                new Row(
                        DECODE,
                        decode,
                        tree,
                        "≥ 0.8×",
                        decode / tree >= 0.8,
                        how + "; baseline Jackson readTree" + split),
                new Row(
                        RENDER,
                        scores.get("renderDataFrame"),
                        scores.get("renderPlainMap"),
                        "",
                        null,
                        how + "; baseline Jackson writing the same lists in a Map"),
                new Row(
                        ULID,
                        scores.get("ulid") / 1e6,
                        scores.get("randomUuid") / 1e6,
                        "",
                        null,
                        how + "; baseline UUID.randomUUID().toString()"));
    }
}
