package org.chapkit.client.sse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.chapkit.client.ChapkitClientException;

/**
 * An open server-sent event stream whose {@code data} payloads are decoded to {@code T}. Iterate it (blocking)
 * and close it when done; closing releases the connection, which is how an endless stream such as
 * {@code /health/$stream} is stopped.
 *
 * @param <T> the decoded payload type
 */
public final class SseStream<T> implements Iterable<T>, AutoCloseable {

    private final SseEventReader reader;
    private final Function<String, T> decoder;
    private T pending;
    private boolean finished;
    private boolean iterated;

    /**
     * Wraps an event reader.
     *
     * @param reader the event reader, owned by this stream
     * @param decoder turns one event's data into a payload
     */
    public SseStream(SseEventReader reader, Function<String, T> decoder) {
        this.reader = reader;
        this.decoder = decoder;
    }

    /**
     * Blocks for the next payload.
     *
     * @return the next payload, or {@code null} when the server ended the stream
     * @throws ChapkitClientException if the connection fails or a payload cannot be decoded
     */
    public T next() {
        if (pending != null) {
            T value = pending;
            pending = null;
            return value;
        }
        if (finished) {
            return null;
        }
        try {
            SseEvent event = reader.next();
            if (event == null) {
                finished = true;
                return null;
            }
            return decoder.apply(event.data());
        } catch (IOException e) {
            finished = true;
            throw new ChapkitClientException("Reading the event stream failed", e);
        }
    }

    /**
     * Iterates the payloads until the server ends the stream. May be called once.
     *
     * @return the iterator
     */
    @Override
    public Iterator<T> iterator() {
        if (iterated) {
            throw new IllegalStateException("An SseStream can be iterated only once");
        }
        iterated = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (pending == null && !finished) {
                    pending = SseStream.this.next();
                }
                return pending != null;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                T value = pending;
                pending = null;
                return value;
            }
        };
    }

    /**
     * The payloads as a sequential {@link Stream}; closing the returned stream closes this one.
     *
     * @return the stream
     */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    /** Closes the connection. */
    @Override
    public void close() {
        finished = true;
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
