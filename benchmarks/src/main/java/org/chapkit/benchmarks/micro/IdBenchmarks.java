package org.chapkit.benchmarks.micro;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.chapkit.id.Ulids;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** chapkit's ULIDs (every config, artifact and job id) vs the JDK's random UUID as text. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IdBenchmarks {

    /** Ours. */
    @Benchmark
    public String ulid() {
        return Ulids.newUlid();
    }

    /** Baseline. */
    @Benchmark
    public String randomUuid() {
        return UUID.randomUUID().toString();
    }
}
