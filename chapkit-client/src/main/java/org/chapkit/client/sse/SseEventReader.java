package org.chapkit.client.sse;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads server-sent events from a byte stream as the WHATWG event-stream rules say: lines end in {@code \n},
 * {@code \r\n} or {@code \r}; a blank line dispatches the event; {@code :} lines are comments; several
 * {@code data:} lines are joined with {@code \n}. Frames split across network chunks are reassembled, because the
 * reader works on the decoded character stream, not on chunks.
 */
public final class SseEventReader implements Closeable {

    private final BufferedReader reader;

    /**
     * Creates a reader over a UTF-8 event stream.
     *
     * @param in the response body; closed by {@link #close()}
     */
    public SseEventReader(InputStream in) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /**
     * Blocks until the next event with data arrives.
     *
     * @return the event, or {@code null} at the end of the stream
     * @throws IOException if reading fails
     */
    public SseEvent next() throws IOException {
        StringBuilder data = null;
        String event = null;
        String id = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return new SseEvent(event, data.toString(), id);
                }
                event = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "data" -> {
                    if (data == null) {
                        data = new StringBuilder(value);
                    } else {
                        data.append('\n').append(value);
                    }
                }
                case "event" -> event = value;
                case "id" -> id = value;
                default -> {
                    // "retry" and unknown fields carry nothing a chapkit client needs.
                }
            }
        }
        // A final event without its blank line is incomplete; the spec says to drop it.
        return null;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
