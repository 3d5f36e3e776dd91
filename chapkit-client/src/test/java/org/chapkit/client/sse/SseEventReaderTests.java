package org.chapkit.client.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing of event-stream bytes that arrive in arbitrary chunks. */
class SseEventReaderTests {

    /** Hands out the given chunks one {@code read} call at a time, like a network stream. */
    static final class ChunkedStream extends InputStream {
        private final List<byte[]> chunks;
        private int chunk;
        private int offset;

        ChunkedStream(List<byte[]> chunks) {
            this.chunks = chunks;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int off, int len) {
            while (chunk < chunks.size() && offset == chunks.get(chunk).length) {
                chunk++;
                offset = 0;
            }
            if (chunk == chunks.size()) {
                return -1;
            }
            byte[] current = chunks.get(chunk);
            int n = Math.min(len, current.length - offset);
            System.arraycopy(current, offset, target, off, n);
            offset += n;
            return n;
        }
    }

    /** Splits {@code text}'s UTF-8 bytes at the given byte offsets. */
    static List<byte[]> split(String text, int... cuts) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<byte[]> chunks = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            chunks.add(java.util.Arrays.copyOfRange(bytes, from, cut));
            from = cut;
        }
        chunks.add(java.util.Arrays.copyOfRange(bytes, from, bytes.length));
        return chunks;
    }

    static List<SseEvent> readAll(InputStream in) throws IOException {
        List<SseEvent> events = new ArrayList<>();
        try (SseEventReader reader = new SseEventReader(in)) {
            SseEvent event;
            while ((event = reader.next()) != null) {
                events.add(event);
            }
        }
        return events;
    }

    @Test
    void framesSplitAcrossChunksAtEveryPositionAreReassembled() throws IOException {
        String stream = "data: {\"id\":\"a\",\"status\":\"running\",\"note\":\"Zürich ✓\"}\n\n"
                + "data: {\"id\":\"a\",\"status\":\"completed\"}\n\n";
        int length = stream.getBytes(StandardCharsets.UTF_8).length;
        for (int cut = 1; cut < length; cut++) {
            List<SseEvent> events = readAll(new ChunkedStream(split(stream, cut, Math.min(length, cut + 7))));
            assertThat(events)
                    .as("cut at byte %d", cut)
                    .extracting(SseEvent::data)
                    .containsExactly(
                            "{\"id\":\"a\",\"status\":\"running\",\"note\":\"Zürich ✓\"}",
                            "{\"id\":\"a\",\"status\":\"completed\"}");
        }
    }

    @Test
    void crlfAndCrLineEndingsCommentsFieldsAndMultiLineData() throws IOException {
        String stream = ": keep-alive\r\n\r\n"
                + "event: job\r\nid: 7\r\ndata: {\"a\":\r\ndata: 1}\r\nretry: 100\r\n\r\n"
                + "data:{\"status\": \"deleted\"}\r\r"
                + "data: trailing-without-blank-line";

        List<SseEvent> events = readAll(new ChunkedStream(split(stream, 3, 20, 41)));

        assertThat(events)
                .containsExactly(
                        new SseEvent("job", "{\"a\":\n1}", "7"), new SseEvent(null, "{\"status\": \"deleted\"}", null));
    }
}
