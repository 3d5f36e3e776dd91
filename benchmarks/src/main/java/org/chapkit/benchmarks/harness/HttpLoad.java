package org.chapkit.benchmarks.harness;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A closed-loop HTTP load: a fixed number of identical requests from a fixed number of virtual threads. */
public final class HttpLoad {

    private HttpLoad() {}

    /**
     * Sends {@code requests} copies of {@code request} from {@code concurrency} virtual threads.
     *
     * @return requests per second over the whole batch
     * @throws IllegalStateException when any request failed or answered other than 200 (the round does not count)
     */
    public static double drive(HttpClient client, HttpRequest request, int requests, int concurrency)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < concurrency; c++) {
                threads.submit(() -> {
                    while (next.getAndIncrement() < requests) {
                        try {
                            HttpResponse<byte[]> response =
                                    client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200) {
                                failures.incrementAndGet();
                            }
                        } catch (IOException ex) {
                            failures.incrementAndGet(); // counted, and the round fails below
                        }
                    }
                    return null;
                });
            }
        }
        long elapsed = System.nanoTime() - start;
        if (failures.get() > 0) {
            throw new IllegalStateException(
                    failures.get() + " of " + requests + " requests to " + request.uri() + " failed");
        }
        return requests / (elapsed / 1e9);
    }
}
