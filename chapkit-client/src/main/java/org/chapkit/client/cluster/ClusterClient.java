package org.chapkit.client.cluster;

import java.time.Duration;
import java.util.Map;
import org.chapkit.client.http.ChapkitHttp;
import org.chapkit.client.sse.SseStream;

/**
 * Reads the cluster of a service in cluster mode ({@code chapkit.cluster.enabled=true}): once, or as a stream that
 * sends the view again whenever the membership or the leadership changes. A service without cluster mode answers
 * 404, raised as a {@link org.chapkit.client.ChapkitProblemException}.
 */
public final class ClusterClient {

    private final ChapkitHttp http;

    /**
     * Creates the client.
     *
     * @param http the shared transport
     */
    public ClusterClient(ChapkitHttp http) {
        this.http = http;
    }

    /**
     * {@code GET /api/v1/cluster}.
     *
     * @return members, leader, epoch and the latest terms
     */
    public ClusterView view() {
        return http.get("/api/v1/cluster", ClusterView.class);
    }

    /**
     * {@code GET /api/v1/cluster/$stream}: the view at once, then again on each change of membership or leadership
     * (heartbeats alone send nothing). Close it to stop.
     *
     * @param pollInterval how often the server looks for changes, or {@code null} for the server default (1 s)
     * @return the open stream
     */
    public SseStream<ClusterView> stream(Duration pollInterval) {
        Map<String, Object> query =
                pollInterval == null ? Map.of() : Map.of("poll_interval", ChapkitHttp.seconds(pollInterval));
        return http.events("/api/v1/cluster/$stream", query, http.types().constructType(ClusterView.class));
    }
}
