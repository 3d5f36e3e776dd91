package org.chapkit.event;

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
}
