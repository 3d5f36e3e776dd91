package org.chapkit.client.health;

import java.time.Duration;
import java.util.Map;
import org.chapkit.client.http.ChapkitHttp;
import org.chapkit.client.sse.SseStream;

/** Reads the service's health ({@code /health}) once or as an endless event stream. */
public final class HealthClient {

    private final ChapkitHttp http;

    /**
     * Creates the client.
     *
     * @param http the shared transport
     */
    public HealthClient(ChapkitHttp http) {
        this.http = http;
    }

    /**
     * {@code GET /health}.
     *
     * @return the current health
     */
    public HealthStatus check() {
        return http.get("/health", HealthStatus.class);
    }

    /**
     * {@code GET /health/$stream}: an endless stream with one health status per poll interval. Close it to stop.
     *
     * @param pollInterval how often the server re-runs its checks, or {@code null} for the server default (1 s)
     * @return the open stream
     */
    public SseStream<HealthStatus> stream(Duration pollInterval) {
        Map<String, Object> query =
                pollInterval == null ? Map.of() : Map.of("poll_interval", ChapkitHttp.seconds(pollInterval));
        return http.events("/health/$stream", query, http.types().constructType(HealthStatus.class));
    }
}
