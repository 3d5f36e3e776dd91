package org.chapkit.ml.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Drains one output stream of a command and keeps only its last {@code capacity} bytes, so a command that writes
 * gigabytes costs a fixed amount of memory and no disk; {@link #text()} says how much was cut.
 */
final class OutputTail {

    private final byte[] ring;
    private long total;

    OutputTail(int capacity) {
        this.ring = new byte[capacity];
    }

    /** Reads {@code in} to its end (the command closed the stream, normally by exiting). */
    void drain(InputStream in) {
        byte[] buffer = new byte[64 * 1024];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                append(buffer, n);
            }
        } catch (IOException ex) {
            // The stream closes when the process is killed; what was read so far is kept.
            if (total == 0) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    private synchronized void append(byte[] buffer, int length) {
        if (ring.length == 0) {
            total += length;
            return;
        }
        int offset = 0;
        int remaining = length;
        if (remaining > ring.length) { // only the end of this chunk can survive
            offset = remaining - ring.length;
            remaining = ring.length;
        }
        int position = (int) ((total + offset) % ring.length);
        int first = Math.min(remaining, ring.length - position);
        System.arraycopy(buffer, offset, ring, position, first);
        System.arraycopy(buffer, offset + first, ring, 0, remaining - first);
        total += length;
    }

    /** How many bytes the command wrote in all. */
    synchronized long total() {
        return total;
    }

    /** Whether more was written than is kept. */
    synchronized boolean cut() {
        return total > ring.length;
    }

    /** The kept bytes as text (malformed UTF-8 replaced), after a line saying how much was cut, if anything was. */
    synchronized String text() {
        int kept = (int) Math.min(total, ring.length);
        byte[] tail = new byte[kept];
        int start = (int) ((total - kept) % Math.max(1, ring.length));
        int first = Math.min(kept, ring.length - start);
        System.arraycopy(ring, start, tail, 0, first);
        System.arraycopy(ring, 0, tail, first, kept - first);
        String text = decode(tail);
        if (!cut()) {
            return text;
        }
        return "[output cut: " + total + " bytes written, only the last " + kept + " are kept]\n" + text;
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException ex) {
            throw new IllegalStateException("REPLACE never throws", ex);
        }
    }
}
