package org.chapkit.info;

import com.fasterxml.jackson.annotation.JsonValue;

/** The period granularity a model works with. */
public enum PeriodType {
    WEEKLY,
    MONTHLY,
    /** Any granularity (chapkit 2.x; contract generation 2 only, as chap-core 1.x knows weekly and monthly only). */
    ANY;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
