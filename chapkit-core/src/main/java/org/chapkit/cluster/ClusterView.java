package org.chapkit.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code GET /api/v1/cluster}.
 *
 * @param instanceId the instance that answered
 * @param members every registered member, alive first
 * @param leader the current term, or null before the first leader
 * @param epoch the current epoch (0 before the first leader)
 * @param leadershipHistory the latest terms, newest first
 */
public record ClusterView(
        @JsonProperty("instance_id") String instanceId,
        @JsonProperty("members") List<ClusterMember> members,
        @JsonProperty("leader") Leadership leader,
        @JsonProperty("epoch") long epoch,
        @JsonProperty("leadership_history") List<Leadership> leadershipHistory) {}
