package org.chapkit.sse;

import java.time.Duration;
import org.chapkit.problem.BadRequestException;

/** The {@code poll_interval} of a polling SSE stream, in seconds as the query parameter gives it. */
public final class PollInterval {

    /** Smallest interval a stream polls at, so a client cannot turn the stream into a busy loop. */
    public static final Duration MIN = Duration.ofMillis(100);

    private PollInterval() {}

    /**
     * The interval for {@code seconds}, at least {@link #MIN}.
     *
     * @param seconds the query parameter's value
     * @return the interval
     * @throws BadRequestException when {@code seconds} is not a positive number
     */
    public static Duration ofSeconds(double seconds) {
        if (!Double.isFinite(seconds) || seconds <= 0) {
            throw new BadRequestException("poll_interval must be a positive number of seconds, got " + seconds);
        }
        Duration interval = Duration.ofNanos((long) (seconds * 1_000_000_000L));
        return interval.compareTo(MIN) < 0 ? MIN : interval;
    }
}
