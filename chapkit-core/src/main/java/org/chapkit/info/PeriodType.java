package org.chapkit.info;

import com.fasterxml.jackson.annotation.JsonValue;

/** The period granularity a model works with. */
public enum PeriodType {
    WEEKLY,
    MONTHLY;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
