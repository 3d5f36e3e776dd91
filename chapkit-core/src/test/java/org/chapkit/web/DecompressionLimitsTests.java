package org.chapkit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.chapkit.problem.ChapkitException;
import org.junit.jupiter.api.Test;

class DecompressionLimitsTests {

    @Test
    void aBodyWithinTheLimitsReadsWhole() throws IOException {
        byte[] plain = random(3 * 1024 * 1024); // random bytes do not compress: ratio about 1
        InputStream in = new DecompressionLimits(10 * 1024 * 1024, 2)
                .limit(new ByteArrayInputStream(gzip(plain)), GZIPInputStream::new, "The body");

        assertThat(in.readAllBytes()).isEqualTo(plain);
    }

    @Test
    void aBodyExpandingPastTheSizeIsRefusedWith413() {
        byte[] packed = gzip(random(2 * 1024 * 1024));

        assertThatThrownBy(() -> new DecompressionLimits(1024 * 1024, 1000)
                        .limit(new ByteArrayInputStream(packed), GZIPInputStream::new, "The body")
                        .readAllBytes())
                .isInstanceOfSatisfying(ChapkitException.class, ex -> {
                    assertThat(ex.getStatusCode().value()).isEqualTo(413);
                    assertThat(ex.getMessage())
                            .isEqualTo("The body expands to more than 1048576 bytes"
                                    + " (chapkit.web.max-decompressed-size)");
                });
    }

    @Test
    void aBombIsRefusedByItsRatioAfterLittleOutput() {
        byte[] bomb = gzip(new byte[200 * 1024 * 1024]);
        long[] read = {0};

        assertThatThrownBy(() -> {
                    try (InputStream in = new DecompressionLimits(Long.MAX_VALUE, 100)
                            .limit(new ByteArrayInputStream(bomb), GZIPInputStream::new, "Part 'data'")) {
                        byte[] buffer = new byte[8192];
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            read[0] += n;
                        }
                    }
                })
                .isInstanceOf(ChapkitException.class)
                .hasMessageContaining("Part 'data' expands more than 100 times");
        assertThat(read[0]).isLessThan(2L * 1024 * 1024);
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return out.toByteArray();
    }
}
