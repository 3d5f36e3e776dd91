package org.chapkit.cluster.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chapkit.cluster.ClusterLeadership;
import org.chapkit.cluster.ClusterMembership;
import org.chapkit.cluster.ClusterView;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/cluster}: members, leader, epoch and leadership history. */
@RestController
@RequestMapping(path = "/api/v1/cluster", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cluster")
public class ClusterController {

    /** Terms shown in {@code leadership_history}. */
    public static final int HISTORY = 20;

    private final ClusterMembership membership;
    private final ClusterLeadership leadership;

    /**
     * @param membership this instance's membership
     * @param leadership this instance's side of leader election
     */
    public ClusterController(ClusterMembership membership, ClusterLeadership leadership) {
        this.membership = membership;
        this.leadership = leadership;
    }

    /** The cluster as the shared database has it. */
    @GetMapping
    @Operation(summary = "Cluster members, the leader with its epoch, and the latest leadership terms")
    public ClusterView cluster() {
        return leadership.view(membership, HISTORY);
    }
}
