package org.chapkit.benchmarks.micro;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.chapkit.benchmarks.harness.Medians;

/**
 * A load-robust cross-check of {@link DataFrameBenchmarks#decodeToTablesaw} vs {@link
 * DataFrameBenchmarks#jacksonTreeParse}: both run alternately in short batches in this thread, timed by the thread's
 * CPU time, so a busy machine (which stretches wall time, and stretches JMH's separate, sequential forks
 * differently) affects both sides alike. Reported next to the JMH figure, not instead of it.
 */
final class DecodeCpuProbe {

    private static final int BATCH = 100;

    /** Keeps the results alive so the JIT cannot drop the work. */
    private static volatile Object sink;

    private DecodeCpuProbe() {}

    /**
     * Runs {@code rounds} alternating batches (the first third is warm-up).
     *
     * @return ours ÷ baseline in operations per CPU second (median per batch)
     */
    static double decodeRatio(int rounds) {
        DataFrameBenchmarks state = new DataFrameBenchmarks();
        state.setUp();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> ours = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < BATCH; i++) {
                sink = state.decodeToTablesaw();
            }
            long middle = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < BATCH; i++) {
                sink = state.jacksonTreeParse();
            }
            long end = threads.getCurrentThreadCpuTime();
            if (round >= rounds / 3) {
                ours.add((double) (middle - start));
                baseline.add((double) (end - middle));
            }
        }
        return Medians.of(baseline) / Medians.of(ours);
    }
}
