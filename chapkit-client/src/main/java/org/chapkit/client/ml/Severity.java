package org.chapkit.client.ml;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** How serious a validation diagnostic is; only {@link #ERROR} makes a request invalid. */
public enum Severity {
    /** The request would fail. */
    @JsonProperty("error")
    ERROR,
    /** The request would run but something looks wrong. */
    @JsonProperty("warning")
    WARNING,
    /** For information. */
    @JsonProperty("info")
    INFO,
    /** A value this client version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
