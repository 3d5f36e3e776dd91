package org.chapkit.event;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Thrown by {@link EventDestination#deliverAll(java.util.List)} when a batch was delivered only in part: the first
 * {@link #delivered()} events were accepted, the one after them was not (the cause says why), and nothing after it
 * counts as delivered. The dispatcher moves the destination's cursor past the accepted events and retries from the
 * refused one.
 */
public final class PartialDeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int delivered;

    /**
     * Creates the exception.
     *
     * @param delivered how many events, from the start of the batch, the destination accepted (0 or more)
     * @param cause why the next one was not accepted
     */
    public PartialDeliveryException(int delivered, Throwable cause) {
        super(cause == null ? "delivered " + delivered : cause.getMessage(), cause);
        if (delivered < 0) {
            throw new IllegalArgumentException("delivered must be 0 or more, not " + delivered);
        }
        this.delivered = delivered;
    }

    /**
     * How many events from the start of the batch were accepted.
     *
     * @return the count
     */
    public int delivered() {
        return delivered;
    }

    /**
     * Waits for a batch's acknowledgements in the batch's order, each within {@code timeout}, as an adapter that sends
     * a whole batch before it waits does ({@link EventDestination#deliverAll(List)}).
     *
     * @param acknowledgements one per event sent, in the batch's order
     * @param timeout how long each one may take
     * @throws PartialDeliveryException at the first acknowledgement that failed, did not come in time or was
     *     interrupted: the events before it were delivered
     */
    public static void awaitInOrder(List<? extends Future<?>> acknowledgements, Duration timeout)
            throws PartialDeliveryException {
        for (int i = 0; i < acknowledgements.size(); i++) {
            try {
                acknowledgements.get(i).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException ex) {
                throw new PartialDeliveryException(i, ex.getCause() != null ? ex.getCause() : ex);
            } catch (TimeoutException ex) {
                throw new PartialDeliveryException(i, ex);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new PartialDeliveryException(i, ex);
            }
        }
    }
}
