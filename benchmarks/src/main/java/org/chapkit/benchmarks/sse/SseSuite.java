package org.chapkit.benchmarks.sse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.chapkit.benchmarks.harness.AppLayout;
import org.chapkit.benchmarks.harness.HarnessContext;
import org.chapkit.benchmarks.harness.JavaProcess;
import org.chapkit.benchmarks.harness.JvmProbe;
import org.chapkit.benchmarks.harness.Row;
import org.chapkit.benchmarks.harness.Suite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the sample app with {@code -Xmx512m} and opens {@code GET /health/$stream?poll_interval=30} subscriptions
 * from this JVM (raw loopback sockets, one virtual thread each, at most 200 connecting at a time) in steps up to
 * {@code --sse-max} (8,000; Tomcat's default {@code max-connections} is 8,192). A step holds when every subscriber
 * got its first {@code data:} frame within 60 s and none was dropped 3 s later. After each step the server's heap
 * after a full GC ({@code jcmd GC.run}, {@code GC.heap_info}), its resident set size and its thread count are read.
 * The server runs with Tomcat's default {@code max-connections} (8,192) and chapkit's default connector buffers
 * ({@code chapkit.web.tomcat.*}); a client-side failure (e.g. running out of file descriptors) is reported as such,
 * so a limit of this client is not mistaken for a full server.
 */
public final class SseSuite implements Suite {

    private static final Logger log = LoggerFactory.getLogger(SseSuite.class);
    private static final String HELD = "7. SSE subscribers held, -Xmx512m";
    private static final String HEAP = "7. heap per SSE subscriber (KiB)";
    private static final String RSS = "7. RSS per SSE subscriber (KiB)";

    @Override
    public String name() {
        return "sse";
    }

    @Override
    public List<Row> placeholders() {
        return List.of(
                Row.notMeasured(HELD, "≥ 5,000", ""), Row.notMeasured(HEAP, "", ""), Row.notMeasured(RSS, "", ""));
    }

    @Override
    public List<Row> run(HarnessContext context) throws Exception {
        AppLayout layout = AppLayout.extract(context);
        int max = context.intOption("sse-max", 8000);
        List<Integer> steps = new ArrayList<>();
        for (int step : new int[] {1000, 2500, 4000, 5000, 6500, 8000, 12000, 16000}) {
            if (step < max) {
                steps.add(step);
            }
        }
        steps.add(max);
        try (JavaProcess app = JavaProcess.start(
                        context,
                        "sample-sse",
                        List.of("-Xmx512m"),
                        layout.sampleClasspath(),
                        layout.sampleMainClass(),
                        List.of(context.datasourceArgs()),
                        "/actuator/health");
                Subscribers subscribers = new Subscribers(app.port())) {
            long heap0 = JvmProbe.heapAfterGcKib(context, app.pid());
            long rss0 = JvmProbe.rssKib(app.pid());
            log.info("SSE: idle server heap {} KiB, RSS {} KiB", heap0, rss0);
            int held = 0;
            double heapPer = Double.NaN;
            double rssPer = Double.NaN;
            long threads = JvmProbe.threadCount(app.pid());
            String failure = "";
            for (int step : steps) {
                subscribers.openUpTo(step);
                if (!subscribers.awaitFirstFrames(step, 60)) {
                    failure = String.format(
                                    "at %,d: only %,d got a first frame within 60 s (%,d failed)",
                                    step, subscribers.received.get(), subscribers.dropped.get())
                            + subscribers.clientError();
                    break;
                }
                TimeUnit.SECONDS.sleep(3);
                if (subscribers.dropped.get() > 0) {
                    failure = String.format("at %,d: %,d subscribers dropped", step, subscribers.dropped.get())
                            + subscribers.clientError();
                    break;
                }
                long heap = JvmProbe.heapAfterGcKib(context, app.pid());
                long rss = JvmProbe.rssKib(app.pid());
                threads = JvmProbe.threadCount(app.pid());
                held = step;
                heapPer = (heap - heap0) / (double) step;
                rssPer = (rss - rss0) / (double) step;
                log.info(
                        "SSE: {} subscribers held; heap {} KiB ({} KiB each), RSS {} KiB ({} KiB each), {} server"
                                + " threads",
                        step,
                        heap,
                        String.format("%.1f", heapPer),
                        rss,
                        String.format("%.1f", rssPer),
                        threads);
            }
            if (!failure.isEmpty()) {
                log.info("SSE: stopped {}", failure);
            }
            String note = String.format(
                    "/health/$stream, ramp to --sse-max=%,d, client in the harness JVM, server max-connections"
                            + " 8,192 (Tomcat default), %d server threads at %,d%s",
                    max, threads, held, failure.isEmpty() ? "" : "; stopped " + failure);
            return List.of(
                    new Row(HELD, (double) held, null, "≥ 5,000", held >= 5000, note),
                    new Row(HEAP, heapPer, null, "", null, "heap after full GC, minus the idle server's, at " + held),
                    new Row(RSS, rssPer, null, "", null, "resident set size minus the idle server's, at " + held));
        }
    }

    /** The client side: one blocking socket per subscriber on a virtual thread. */
    private static final class Subscribers implements AutoCloseable {

        private final int port;
        private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        private final Semaphore connecting = new Semaphore(200);
        private final Queue<Socket> sockets = new ConcurrentLinkedQueue<>();
        private final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger received = new AtomicInteger();
        final AtomicInteger dropped = new AtomicInteger();
        private final AtomicBoolean closing = new AtomicBoolean();
        private final AtomicReference<String> firstClientError = new AtomicReference<>();

        Subscribers(int port) {
            this.port = port;
        }

        void openUpTo(int count) {
            while (opened.get() < count) {
                opened.incrementAndGet();
                threads.execute(this::subscribe);
            }
        }

        boolean awaitFirstFrames(int count, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (received.get() < count) {
                if (System.nanoTime() > deadline || received.get() + dropped.get() >= count && dropped.get() > 0) {
                    return false;
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
            return true;
        }

        /** The first failure to connect or send, if any (e.g. this client out of file descriptors). */
        String clientError() {
            String error = firstClientError.get();
            return error == null ? "" : "; connect or send error: " + error;
        }

        private void subscribe() {
            boolean first = false;
            boolean connected = false;
            try {
                connecting.acquire();
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    sockets.add(socket);
                    OutputStream out = socket.getOutputStream();
                    out.write(("GET /health/$stream?poll_interval=30 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Accept: text/event-stream\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    InputStream in = socket.getInputStream();
                    byte[] buffer = new byte[1024];
                    StringBuilder head = new StringBuilder();
                    connected = true;
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        if (!first) {
                            head.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                            if (head.indexOf("data:") >= 0) {
                                first = true;
                                head = null; // keep the client's per-subscriber memory small
                                received.incrementAndGet();
                                connecting.release();
                            }
                        }
                    }
                }
            } catch (IOException | InterruptedException ex) {
                if (!connected && !closing.get()) {
                    firstClientError.compareAndSet(null, ex.toString());
                }
            } finally {
                if (!first) {
                    connecting.release();
                }
                if (!closing.get()) {
                    dropped.incrementAndGet();
                }
            }
        }

        @Override
        public void close() throws IOException {
            closing.set(true);
            for (Socket socket : sockets) {
                socket.close();
            }
            threads.shutdownNow();
        }
    }
}
