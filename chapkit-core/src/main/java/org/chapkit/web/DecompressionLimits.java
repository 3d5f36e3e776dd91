package org.chapkit.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.chapkit.problem.ChapkitException;
import org.chapkit.problem.ProblemType;

/**
 * Bounds on what a compressed request body (or part) may expand to: at most {@code maxSize} decompressed bytes, and
 * at most {@code maxRatio} decompressed bytes per compressed byte once more than {@value #RATIO_FLOOR} bytes came
 * out. Both are checked while the body streams, so a decompression bomb is refused with 413 after reading a little
 * of it, never buffered.
 *
 * @param maxSize most decompressed bytes ({@code chapkit.web.max-decompressed-size})
 * @param maxRatio most decompressed bytes per compressed byte ({@code chapkit.web.max-decompression-ratio})
 */
public record DecompressionLimits(long maxSize, int maxRatio) {

    /** Decompressed bytes below which the ratio is not checked (small, very regular files compress very well). */
    public static final long RATIO_FLOOR = 1024 * 1024;

    /** Checks the values. */
    public DecompressionLimits {
        if (maxSize < 1 || maxRatio < 1) {
            throw new IllegalArgumentException(
                    "Decompression limits must be positive, got size " + maxSize + " and ratio " + maxRatio);
        }
    }

    /** Turns a compressed stream into a decompressed one; {@link java.util.zip.GZIPInputStream#GZIPInputStream}. */
    @FunctionalInterface
    public interface Decompressor {

        /** The decompressed view of {@code compressed}. */
        InputStream open(InputStream compressed) throws IOException;
    }

    /**
     * The decompressed stream of {@code compressed}, failing with a 413 {@link ChapkitException} (an unchecked
     * exception, so parsers pass it through) as soon as a limit is crossed.
     *
     * @param compressed the compressed bytes
     * @param decompressor how to decompress them
     * @param what names the body in the problem detail, for example {@code The request body} or {@code Part 'data'}
     */
    public InputStream limit(InputStream compressed, Decompressor decompressor, String what) throws IOException {
        Counting source = new Counting(compressed);
        return new Limited(decompressor.open(source), source, what);
    }

    /** The 413 for a body that expands to more than the limits allow. */
    public ChapkitException exceeded(String what, long compressedBytes, long decompressedBytes) {
        String reason = decompressedBytes > maxSize
                ? "expands to more than " + maxSize + " bytes (chapkit.web.max-decompressed-size)"
                : "expands more than " + maxRatio + " times (" + compressedBytes + " compressed bytes gave "
                        + decompressedBytes + "; chapkit.web.max-decompression-ratio)";
        return new ChapkitException(ProblemType.PAYLOAD_TOO_LARGE, what + " " + reason);
    }

    private static final class Counting extends FilterInputStream {

        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    private final class Limited extends FilterInputStream {

        private final Counting source;
        private final String what;
        private long count;

        Limited(InputStream in, Counting source, String what) {
            super(in);
            this.source = source;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            add(skipped);
            return skipped;
        }

        private void add(long n) {
            count += n;
            if (count > maxSize || (count > RATIO_FLOOR && count > Math.max(1, source.count) * (long) maxRatio)) {
                throw exceeded(what, source.count, count);
            }
        }
    }
}
