package org.chapkit.client.schedule;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What a schedule does about ticks missed while no instance was running. */
public enum MissedRunPolicy {
    /** Drop missed ticks; continue with the next one. */
    @JsonProperty("skip")
    SKIP,
    /** Run once for all missed ticks together. */
    @JsonProperty("run_once")
    RUN_ONCE,
    /** Run once per missed tick, up to the server's cap. */
    @JsonProperty("run_all")
    RUN_ALL,
    /** A value this client version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
