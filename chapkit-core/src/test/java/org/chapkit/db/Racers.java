package org.chapkit.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs the same attempt from several threads released together, for tests of what a database lets exactly one of
 * several instances do. Each racer has a thread of its own, so the race does not depend on the common pool's size.
 */
public final class Racers {

    private Racers() {}

    /**
     * Runs {@code attempt} once per racer, all released at the same moment.
     *
     * @param racers how many
     * @param attempt what racer {@code i} does
     * @param <T> the result of one attempt
     * @return the results, in racer order
     */
    public static <T> List<T> race(int racers, IntFunction<T> attempt) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                int racer = i;
                futures.add(threads.submit(() -> {
                    start.await();
                    return attempt.apply(racer);
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof BrokenBarrierException) {
                throw new IllegalStateException("A racer never started", ex.getCause());
            }
            throw new IllegalStateException("A racer failed: " + ex.getCause(), ex.getCause());
        } finally {
            threads.shutdownNow();
        }
    }
}
