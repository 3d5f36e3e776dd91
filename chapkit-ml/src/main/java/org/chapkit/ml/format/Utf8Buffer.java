package org.chapkit.ml.format;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Encodes characters as UTF-8 into a 64 KiB buffer and writes it out when full: one large write to the response per
 * 64 KiB instead of a writer and an encoder per cell. Surrogate pairs are encoded as one code point.
 */
final class Utf8Buffer {

    private static final int SIZE = 64 * 1024;

    private final OutputStream out;
    private final byte[] buffer = new byte[SIZE];
    private int length;

    Utf8Buffer(OutputStream out) {
        this.out = out;
    }

    /** Writes one ASCII character. */
    void ascii(char c) throws IOException {
        if (length == SIZE) {
            drain();
        }
        buffer[length++] = (byte) c;
    }

    /** Writes a string. */
    void write(String text) throws IOException {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80 && length < SIZE) {
                buffer[length++] = (byte) c;
            } else {
                i = encode(c, i, text, null);
            }
        }
    }

    /** Writes {@code len} characters of {@code chars} from {@code off}. */
    void write(char[] chars, int off, int len) throws IOException {
        int end = off + len;
        for (int i = off; i < end; i++) {
            char c = chars[i];
            if (c < 0x80 && length < SIZE) {
                buffer[length++] = (byte) c;
            } else {
                i = encode(c, i, null, chars);
            }
        }
    }

    /** Encodes {@code c} (read at {@code i} of {@code text} or {@code chars}); returns the index of its last char. */
    private int encode(char c, int i, String text, char[] chars) throws IOException {
        if (length > SIZE - 4) {
            drain();
        }
        if (c < 0x80) {
            buffer[length++] = (byte) c;
        } else if (c < 0x800) {
            buffer[length++] = (byte) (0xc0 | (c >> 6));
            buffer[length++] = (byte) (0x80 | (c & 0x3f));
        } else if (Character.isHighSurrogate(c)) {
            int limit = text != null ? text.length() : chars.length;
            char low = i + 1 < limit ? (text != null ? text.charAt(i + 1) : chars[i + 1]) : 0;
            if (Character.isLowSurrogate(low)) {
                int cp = Character.toCodePoint(c, low);
                buffer[length++] = (byte) (0xf0 | (cp >> 18));
                buffer[length++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                buffer[length++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                buffer[length++] = (byte) (0x80 | (cp & 0x3f));
                return i + 1;
            }
            buffer[length++] = '?'; // a lone surrogate, as the JDK's encoder replaces it
        } else if (Character.isLowSurrogate(c)) {
            buffer[length++] = '?';
        } else {
            buffer[length++] = (byte) (0xe0 | (c >> 12));
            buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
            buffer[length++] = (byte) (0x80 | (c & 0x3f));
        }
        return i;
    }

    private void drain() throws IOException {
        out.write(buffer, 0, length);
        length = 0;
    }

    /** Writes what is buffered and flushes the stream. */
    void flush() throws IOException {
        drain();
        out.flush();
    }
}
