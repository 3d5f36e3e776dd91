package org.chapkit.client.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * One instance sharing the service's database.
 *
 * @param instanceId its unique name
 * @param host its host name
 * @param port its HTTP port (0 when unknown)
 * @param version the service's version it runs
 * @param roles what it does: {@code api}, {@code worker}, {@code scheduler}
 * @param state {@code ALIVE}, {@code DEAD} or {@code LEFT}
 * @param startedAt when it registered
 * @param lastHeartbeat its last heartbeat
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClusterMember(
        @JsonProperty("instance_id") String instanceId,
        @JsonProperty("host") String host,
        @JsonProperty("port") int port,
        @JsonProperty("version") String version,
        @JsonProperty("roles") List<String> roles,
        @JsonProperty("state") String state,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("last_heartbeat") Instant lastHeartbeat) {

    /** Whether the others consider it alive. */
    public boolean alive() {
        return "ALIVE".equals(state);
    }
}
