package org.chapkit.ml.runner;

import java.util.concurrent.CancellationException;

/**
 * Lets a running train or predict call learn that its job was cancelled. The job system implements it; runners
 * poll {@link #isCancelled()} or register a callback that stops their work (the shell runner kills its process
 * tree).
 */
public interface Cancellation {

    /**
     * Whether the job has been cancelled.
     *
     * @return {@code true} once cancelled
     */
    boolean isCancelled();

    /**
     * Registers a callback run once on cancellation (immediately when already cancelled).
     *
     * @param callback what to do; it must be quick and must not throw
     * @return a handle that removes the callback when closed
     */
    Registration onCancel(Runnable callback);

    /**
     * Throws when cancelled, for runners that check between steps.
     *
     * @throws CancellationException when cancelled
     */
    default void throwIfCancelled() {
        if (isCancelled()) {
            throw new CancellationException("The job was cancelled");
        }
    }

    /**
     * A cancellation that never happens.
     *
     * @return the shared instance
     */
    static Cancellation none() {
        return NeverCancelled.INSTANCE;
    }

    /** Removes a registered callback. */
    @FunctionalInterface
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** The never-cancelled implementation. */
    enum NeverCancelled implements Cancellation {
        /** The instance. */
        INSTANCE;

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public Registration onCancel(Runnable callback) {
            return () -> {};
        }
    }
}
