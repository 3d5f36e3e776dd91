package org.chapkit.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Prometheus process collector's families under their usual names ({@code process_cpu_seconds_total},
 * {@code process_resident_memory_bytes}, {@code process_open_fds}, {@code process_max_fds}), which chapkit's
 * console reads for its CPU, memory and file tiles.
 */
public class ProcessMetrics implements MeterBinder {

    private static final Path STATUS = Path.of("/proc/self/status");

    @Override
    public void bindTo(MeterRegistry registry) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            FunctionCounter.builder("process.cpu", sun, bean -> bean.getProcessCpuTime() / 1e9)
                    .baseUnit("seconds")
                    .description("Total user and system CPU time spent in seconds")
                    .register(registry);
        }
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            Gauge.builder(
                            "process.open.fds",
                            unix,
                            com.sun.management.UnixOperatingSystemMXBean::getOpenFileDescriptorCount)
                    .description("Number of open file descriptors")
                    .register(registry);
            Gauge.builder(
                            "process.max.fds",
                            unix,
                            com.sun.management.UnixOperatingSystemMXBean::getMaxFileDescriptorCount)
                    .description("Maximum number of open file descriptors")
                    .register(registry);
        }
        if (Files.isReadable(STATUS)) {
            Gauge.builder("process.resident.memory", ProcessMetrics::residentBytes)
                    .baseUnit("bytes")
                    .description("Resident memory size in bytes")
                    .register(registry);
        }
    }

    static double residentBytes() {
        try {
            List<String> lines = Files.readAllLines(STATUS);
            for (String line : lines) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.trim().split("\\s+");
                    return Double.parseDouble(parts[1]) * 1024;
                }
            }
        } catch (IOException | RuntimeException ex) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
