package org.chapkit.artifact.storage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Measures a backend: {@code chapkit.artifacts.storage.bytes} (counter, {@code direction=written|read}) and {@code
 * chapkit.artifacts.storage.operations} (timer, {@code operation=write|open|delete}, {@code outcome=success|error}),
 * all tagged {@code storage=<type>}. Errors are the timer's {@code outcome=error} count.
 */
public final class InstrumentedContentStorage implements ArtifactContentStorage {

    private final ArtifactContentStorage delegate;
    private final MeterRegistry registry;
    private final Counter written;
    private final Counter read;

    /**
     * @param delegate the backend measured
     * @param registry where the meters go
     */
    public InstrumentedContentStorage(ArtifactContentStorage delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
        this.written = bytes("written");
        this.read = bytes("read");
    }

    @Override
    public String type() {
        return delegate.type();
    }

    @Override
    public ContentReference write(String contentId, InputStream in) {
        ContentReference reference = timed("write", () -> delegate.write(contentId, in));
        written.increment(reference.size());
        return reference;
    }

    @Override
    public InputStream open(ContentReference content) {
        return new FilterInputStream(timed("open", () -> delegate.open(content))) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    read.increment();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    read.increment(n);
                }
                return n;
            }
        };
    }

    @Override
    public void delete(String contentId) {
        timed("delete", () -> {
            delegate.delete(contentId);
            return null;
        });
    }

    @Override
    public void forEachWrittenBefore(Instant cutoff, Consumer<String> action) {
        delegate.forEachWrittenBefore(cutoff, action);
    }

    private <T> T timed(String operation, Supplier<T> call) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            T result = call.get();
            outcome = "success";
            return result;
        } finally {
            Timer.builder("chapkit.artifacts.storage.operations")
                    .description("Artifact content storage calls")
                    .tag("storage", delegate.type())
                    .tag("operation", operation)
                    .tag("outcome", outcome)
                    .register(registry)
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private Counter bytes(String direction) {
        return Counter.builder("chapkit.artifacts.storage.bytes")
                .description("Artifact content bytes moved to or from storage")
                .baseUnit("bytes")
                .tag("storage", delegate.type())
                .tag("direction", direction)
                .register(registry);
    }
}
