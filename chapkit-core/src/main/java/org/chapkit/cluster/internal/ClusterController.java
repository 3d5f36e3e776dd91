package org.chapkit.cluster.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.concurrent.atomic.AtomicReference;
import org.chapkit.cluster.ClusterLeadership;
import org.chapkit.cluster.ClusterMembership;
import org.chapkit.cluster.ClusterView;
import org.chapkit.sse.PollInterval;
import org.chapkit.sse.SseStreamer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * {@code GET /api/v1/cluster}: members, leader, epoch and leadership history; {@code GET /api/v1/cluster/$stream}: the
 * same view as an SSE stream, a frame at once and then one each time the membership changes.
 */
@RestController
@RequestMapping(path = "/api/v1/cluster", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cluster")
public class ClusterController {

    /** Terms shown in {@code leadership_history}. */
    public static final int HISTORY = 20;

    private final ClusterMembership membership;
    private final ClusterLeadership leadership;
    private final SseStreamer streamer;

    /**
     * @param membership this instance's membership
     * @param leadership this instance's side of leader election
     * @param streamer writes the SSE stream
     */
    public ClusterController(ClusterMembership membership, ClusterLeadership leadership, SseStreamer streamer) {
        this.membership = membership;
        this.leadership = leadership;
        this.streamer = streamer;
    }

    /** The cluster as the shared database has it. */
    @GetMapping
    @Operation(summary = "Cluster members, the leader with its epoch, and the latest leadership terms")
    public ClusterView cluster() {
        return leadership.view(membership, HISTORY);
    }

    /**
     * Endless SSE stream of the cluster view: the view at once, then the view again whenever a member joins, leaves,
     * changes state or roles, or a new term starts (looked for every {@code poll_interval} seconds; heartbeats alone
     * send nothing).
     */
    @GetMapping(path = "/$stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Stream membership and leadership changes (SSE)")
    public ResponseEntity<ResponseBodyEmitter> stream(
            @RequestParam(name = "poll_interval", defaultValue = "1.0") double pollIntervalSeconds) {
        AtomicReference<MembershipState> last = new AtomicReference<>();
        return streamer.poll(PollInterval.ofSeconds(pollIntervalSeconds), stream -> {
            ClusterView view = cluster();
            MembershipState state = MembershipState.of(view);
            if (!state.equals(last.getAndSet(state))) {
                stream.send(view);
            }
            return true;
        });
    }
}
