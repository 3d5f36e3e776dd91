package org.chapkit.benchmarks.startup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chapkit.benchmarks.harness.AppLayout;
import org.chapkit.benchmarks.harness.HarnessContext;
import org.chapkit.benchmarks.harness.JavaProcess;
import org.chapkit.benchmarks.harness.Medians;
import org.chapkit.benchmarks.harness.Row;
import org.chapkit.benchmarks.harness.Suite;
import org.chapkit.benchmarks.startup.plain.PlainApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the sample app and the plain app alternately as separate JVMs ({@code --startup-runs}, default 3, after one
 * unmeasured start of each to warm the page cache), both on the run's PostgreSQL, and reports the median time from
 * launching {@code java} to the first 200 from {@code /actuator/health}.
 */
public final class StartupSuite implements Suite {

    private static final Logger log = LoggerFactory.getLogger(StartupSuite.class);
    private static final String METRIC = "8. start-up, launch → first 200 (ms)";
    private static final List<String> JVM_ARGS = List.of("-Xmx512m");

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public List<Row> placeholders() {
        return List.of(Row.notMeasured(METRIC, "≤ 1.3×", ""));
    }

    @Override
    public List<Row> run(HarnessContext context) throws Exception {
        AppLayout layout = AppLayout.extract(context);
        Path plainClasses = AppLayout.copyPackage(
                context, PlainApplication.class.getPackageName().replace('.', '/') + "/");
        int runs = context.intOption("startup-runs", 3);
        List<String> args = new ArrayList<>(List.of(context.datasourceArgs()));
        args.add("--management.endpoints.web.exposure.include=health,info,prometheus");
        args.add("--spring.threads.virtual.enabled=true");
        List<Double> sample = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            double p = once(
                    context,
                    "plain-startup",
                    layout.plainClasspath(plainClasses),
                    PlainApplication.class.getName(),
                    args);
            double s = once(context, "sample-startup", layout.sampleClasspath(), layout.sampleMainClass(), args);
            log.info(
                    "start-up run {}{}: sample app {} ms, plain app {} ms",
                    run,
                    run == 0 ? " (warm-up)" : "",
                    Math.round(s),
                    Math.round(p));
            if (run > 0) {
                sample.add(s);
                plain.add(p);
            }
        }
        double ours = Medians.of(sample);
        double baseline = Medians.of(plain);
        return List.of(new Row(
                METRIC,
                ours,
                baseline,
                "≤ 1.3×",
                ours / baseline <= 1.3,
                "median of " + runs + " starts each, -Xmx512m, same libraries minus chapkit-*.jar, same PostgreSQL"));
    }

    private static double once(
            HarnessContext context, String label, String classpath, String mainClass, List<String> args)
            throws Exception {
        try (JavaProcess app =
                JavaProcess.start(context, label, JVM_ARGS, classpath, mainClass, args, "/actuator/health")) {
            return app.startupMillis();
        }
    }
}
