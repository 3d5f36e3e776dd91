package org.chapkit.ml.runner;

import java.util.ArrayList;
import java.util.List;

/** A thread-safe {@link Cancellation} that is cancelled by calling {@link #cancel()}. */
public final class CancellationSource implements Cancellation {

    private final List<Runnable> callbacks = new ArrayList<>();
    private boolean cancelled;

    @Override
    public synchronized boolean isCancelled() {
        return cancelled;
    }

    @Override
    public Registration onCancel(Runnable callback) {
        synchronized (this) {
            if (!cancelled) {
                callbacks.add(callback);
                return () -> {
                    synchronized (this) {
                        callbacks.remove(callback);
                    }
                };
            }
        }
        callback.run();
        return () -> {};
    }

    /** Cancels and runs the registered callbacks once; later calls do nothing. */
    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(callbacks);
            callbacks.clear();
        }
        toRun.forEach(Runnable::run);
    }
}
