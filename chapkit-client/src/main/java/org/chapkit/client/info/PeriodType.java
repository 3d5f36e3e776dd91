package org.chapkit.client.info;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The time granularity of a model's data: weekly ({@code 2020-W05}) or monthly ({@code 2020-01}) periods. */
public enum PeriodType {
    /** ISO weeks. */
    @JsonProperty("weekly")
    WEEKLY,
    /** Calendar months. */
    @JsonProperty("monthly")
    MONTHLY,
    /** A value this client version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN;

    /**
     * The wire value, as used in query parameters.
     *
     * @return {@code weekly} or {@code monthly}
     */
    public String wireValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
