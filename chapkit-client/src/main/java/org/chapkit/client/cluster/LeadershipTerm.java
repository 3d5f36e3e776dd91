package org.chapkit.client.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One term of leadership.
 *
 * @param epoch the term's fencing token, one more than the term before
 * @param leaderId the instance that led
 * @param acquiredAt when it became leader
 * @param releasedAt when it gave leadership up; null while it leads, or when it died leading
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadershipTerm(
        @JsonProperty("epoch") long epoch,
        @JsonProperty("leader_id") String leaderId,
        @JsonProperty("acquired_at") Instant acquiredAt,
        @JsonProperty("released_at") Instant releasedAt) {}
