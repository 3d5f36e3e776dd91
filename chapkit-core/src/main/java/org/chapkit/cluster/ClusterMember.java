package org.chapkit.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * One instance sharing the database, as registered.
 *
 * @param instanceId unique name of the instance (the job system's instance name)
 * @param host its host name
 * @param port its HTTP port (0 when unknown)
 * @param version the service's version
 * @param roles what it does ({@code api}, {@code worker}, {@code scheduler}); all three by default
 * @param state alive, dead or left
 * @param startedAt when it registered
 * @param lastHeartbeat its last heartbeat
 */
public record ClusterMember(
        @JsonProperty("instance_id") String instanceId,
        @JsonProperty("host") String host,
        @JsonProperty("port") int port,
        @JsonProperty("version") String version,
        @JsonProperty("roles") List<String> roles,
        @JsonProperty("state") MemberState state,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("last_heartbeat") Instant lastHeartbeat) {}
