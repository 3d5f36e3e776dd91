package org.chapkit.client.health;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The state of a health check or of the whole service. */
public enum HealthState {
    /** Working. */
    @JsonProperty("healthy")
    HEALTHY,
    /** Working with reduced capacity. */
    @JsonProperty("degraded")
    DEGRADED,
    /** Not working. */
    @JsonProperty("unhealthy")
    UNHEALTHY,
    /** A value this client version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
