package org.chapkit.client.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * The cluster as the service's database has it ({@code GET /api/v1/cluster}).
 *
 * @param instanceId the instance that answered
 * @param members every registered member, alive first
 * @param leader the current term, or null before the first leader
 * @param epoch the current epoch (0 before the first leader)
 * @param leadershipHistory the latest terms, newest first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClusterView(
        @JsonProperty("instance_id") String instanceId,
        @JsonProperty("members") List<ClusterMember> members,
        @JsonProperty("leader") LeadershipTerm leader,
        @JsonProperty("epoch") long epoch,
        @JsonProperty("leadership_history") List<LeadershipTerm> leadershipHistory) {

    /** The member named {@code instanceId}, if registered. */
    public Optional<ClusterMember> member(String instanceId) {
        return members.stream().filter(m -> m.instanceId().equals(instanceId)).findFirst();
    }
}
