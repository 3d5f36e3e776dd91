package org.chapkit.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Several SSE subscribers over raw sockets on a real port: each gets its own whole frames, one going away does not
 * disturb the others, and a closed subscription is released (the open-stream count returns to where it was).
 */
class SseSubscriptionsTests {

    @Nested
    @ServiceTestOnH2
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Contract {}

    abstract static class Contract {

        @LocalServerPort
        int port;

        @Autowired
        SseStreamer streamer;

        @Test
        void subscribersGetFramesIndependentlyAndClosedOnesAreReleased() throws IOException {
            int before = streamer.openStreams();
            try (Subscriber first = new Subscriber(port);
                    Subscriber second = new Subscriber(port)) {
                assertThat(first.nextFrame()).startsWith("data: {\"status\":\"healthy\"");
                assertThat(second.nextFrame()).startsWith("data: {\"status\":\"healthy\"");
                assertThat(streamer.openStreams()).isEqualTo(before + 2);

                first.close();
                for (int i = 0; i < 3; i++) {
                    assertThat(second.nextFrame()).startsWith("data: {\"status\":");
                }
                // The server notices the closed socket at its next write and ends that stream only.
                await().atMost(Duration.ofSeconds(10)).until(() -> streamer.openStreams() == before + 1);
                assertThat(second.nextFrame()).startsWith("data: {\"status\":");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> streamer.openStreams() == before);
        }
    }

    /** One {@code GET /health/$stream?poll_interval=0.1} over a plain socket. */
    private static final class Subscriber implements AutoCloseable {

        private final Socket socket;
        private final BufferedReader reader;

        Subscriber(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /health/$stream?poll_interval=0.1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Accept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        }

        /** The next {@code data:} line; chunked-encoding size lines and blank separators are skipped. */
        String nextFrame() throws IOException {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data: ")) {
                    return line;
                }
            }
            throw new IOException("stream ended");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
