package org.chapkit.client.info;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The author's maturity assessment of a model, from gray (untested) to green (recommended). */
public enum AssessedStatus {
    /** Not assessed. */
    @JsonProperty("gray")
    GRAY,
    /** Not ready for use. */
    @JsonProperty("red")
    RED,
    /** Experimental. */
    @JsonProperty("orange")
    ORANGE,
    /** Usable with care. */
    @JsonProperty("yellow")
    YELLOW,
    /** Recommended. */
    @JsonProperty("green")
    GREEN,
    /** A value this client version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
